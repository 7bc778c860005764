// Supplier request and response shapes.
import { z } from 'zod';
import { PageQuery } from '../../platform/pagination.ts';
import { HttpUrl, NullableText, Timestamps } from '../../platform/schemas.ts';

const Email = z
  .string()
  .trim()
  .max(254)
  .regex(z.regexes.email, 'must be an email address')
  .toLowerCase()
  .nullable()
  .describe('Stored lower-case');

const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9 +().-]+$/, 'use digits, spaces and + ( ) - .')
  .refine((phone) => /^(\D*\d){6,20}\D*$/.test(phone), 'must have 6 to 20 digits')
  .nullable();

const Website = HttpUrl.nullable();

const SupplierFields = z.object({
  name: z.string().trim().min(1).max(200).describe('Unique, ignoring case'),
  contact_name: NullableText(200),
  email: Email,
  phone: Phone,
  website: Website,
  address: NullableText(1000),
  notes: NullableText(5000),
  is_preferred: z.boolean(),
});

export const CreateSupplier = SupplierFields.partial({
  contact_name: true,
  email: true,
  phone: true,
  website: true,
  address: true,
  notes: true,
  is_preferred: true,
}).strict();
export type CreateSupplier = z.infer<typeof CreateSupplier>;

export const UpdateSupplier = SupplierFields.partial().strict();
export type UpdateSupplier = z.infer<typeof UpdateSupplier>;

export const ListSuppliersQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Matches the name (contact details are encrypted, so not searchable)'),
  is_preferred: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.string().max(200).optional(),
}).strict();
export type ListSuppliersQuery = z.infer<typeof ListSuppliersQuery>;

export const Supplier = z.object({
  id: z.number(),
  name: z.string(),
  contact_name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  is_preferred: z.boolean(),
  item_count: z.number().describe('Items bought from this supplier'),
  ...Timestamps,
});
export type Supplier = z.infer<typeof Supplier>;
