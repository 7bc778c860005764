// Item request and response shapes.
import { z } from 'zod';
import { depreciationMethods, itemStatuses, itemTrackings } from '../../db/schema.ts';
import { PageQuery } from '../../platform/pagination.ts';
import { Id, IsoDate, Money, NullableText, Timestamps } from '../../platform/schemas.ts';
import { TagName } from '../tags/schemas.ts';

const JsonObject = (label: string, maxBytes: number) =>
  z
    .record(z.string().min(1).max(100), z.unknown())
    .refine(
      (v) => JSON.stringify(v).length <= maxBytes,
      `${label} must be at most ${maxBytes / 1024} KB of JSON`,
    );

const ItemFields = z.object({
  sku: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'use letters, digits, dot, dash, slash or underscore'),
  name: z.string().trim().min(1).max(200),
  description: NullableText(10_000),
  serial_number: z.string().trim().min(1).max(100).nullable(),
  category_id: Id.nullable(),
  location_id: Id.nullable(),
  supplier_id: Id.nullable(),
  status: z.enum(itemStatuses),
  purchase_date: IsoDate.nullable(),
  purchase_price: Money.nullable(),
  current_value: Money.nullable(),
  warranty_expiry: IsoDate.nullable(),
  lease_expires_on: IsoDate.nullable().describe('When the lease ends, for a leased item'),
  assigned_to: z.string().trim().min(1).max(200).nullable(),
  specifications: JsonObject('specifications', 32 * 1024),
  custom_fields: JsonObject('custom_fields', 32 * 1024),
  tags: z
    .array(TagName)
    .max(30, 'at most 30 tags')
    .transform((tags) => [...new Set(tags)]),
  depreciation_method: z.enum(depreciationMethods).nullable(),
  useful_life_months: z.number().int().min(1).max(1200).nullable(),
  salvage_value: Money.nullable(),
  recovery_period: z
    .union([z.literal(3), z.literal(5), z.literal(7), z.literal(10), z.literal(15), z.literal(20)])
    .nullable(),
});

export const CreateItem = ItemFields.extend({
  tracking: z
    .enum(itemTrackings)
    .describe('serial: one item is one thing (default); quantity: counted per location, fixed once created'),
  unit: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .describe('What a quantity item is counted in, e.g. "pcs", "box", "m" (default "pcs")'),
})
  .partial()
  .required({ sku: true, name: true })
  .strict();
export type CreateItem = z.infer<typeof CreateItem>;

export const UpdateItem = ItemFields.extend({ notes: z.string().trim().max(2000).optional() })
  .partial()
  .strict()
  .describe('Fields to change; `notes` goes on the history entry');
export type UpdateItem = z.infer<typeof UpdateItem>;

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

export const ListItemsQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'Search over name, SKU, serial, tags and description by word prefixes; misspellings are corrected',
    ),
  status: csv(z.enum(itemStatuses)).optional().describe('One or more statuses, comma-separated'),
  category_id: Id.optional().describe('This category and all below it'),
  location_id: Id.optional().describe('This location and all below it'),
  supplier_id: Id.optional(),
  tag: csv(TagName).optional().describe('Items carrying all of these tags, comma-separated'),
  assigned_to: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('The whole name, ignoring case (assignees are encrypted at rest, so not matched by prefix)'),
  warranty_expiring_before: IsoDate.optional(),
  purchased_from: IsoDate.optional(),
  purchased_to: IsoDate.optional(),
  price_min: Money.optional(),
  price_max: Money.optional(),
  value_min: Money.optional(),
  value_max: Money.optional(),
  sort: z
    .string()
    .max(200)
    .optional()
    .describe(
      'e.g. `name,-purchase_date`. Default: relevance with `q` (the best of the first 100 matches; sort explicitly to page through every match), else `-id`',
    ),
  facets: z.enum(['true', 'false']).optional().describe('Add counts by status, category and location'),
})
  // Custom field equality filters: `cf.<name>=<value>`.
  .catchall(z.string().max(200));
export type ListItemsQuery = z.infer<typeof ListItemsQuery>;

export const Item = z.object({
  id: z.number(),
  sku: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  serial_number: z.string().nullable(),
  category_id: z.number().nullable(),
  location_id: z.number().nullable(),
  supplier_id: z.number().nullable(),
  status: z.enum(itemStatuses),
  purchase_date: z.string().nullable(),
  purchase_price: z.string().nullable(),
  current_value: z.string().nullable(),
  warranty_expiry: z.string().nullable(),
  lease_expires_on: z.string().nullable(),
  assigned_to: z.string().nullable(),
  specifications: z.record(z.string(), z.unknown()),
  custom_fields: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  depreciation_method: z.string().nullable(),
  useful_life_months: z.number().nullable(),
  salvage_value: z.string().nullable(),
  recovery_period: z.number().nullable(),
  tracking: z.enum(itemTrackings),
  unit: z.string().nullable(),
  last_audited_at: z.string().nullable().describe('When a physical audit last scanned it'),
  ...Timestamps,
});

const FacetCount = z.object({ value: z.string(), label: z.string(), count: z.number() });
export const Facets = z.object({
  status: z.array(FacetCount),
  category: z.array(FacetCount),
  location: z.array(FacetCount),
});

export const ItemPage = z.object({
  data: z.array(Item),
  next_cursor: z.string().nullable(),
  corrected_q: z
    .string()
    .optional()
    .describe('Set when nothing matched `q` and these results are for this spelling'),
  facets: Facets.optional(),
});

export const HistoryEntry = z.object({
  id: z.number(),
  item_id: z.number(),
  action: z.string(),
  performed_by: z.string().nullable(),
  notes: z.string().nullable(),
  additional_data: z.record(z.string(), z.unknown()),
  created_at: z.string(),
});

export const HistoryQuery = PageQuery.strict();
