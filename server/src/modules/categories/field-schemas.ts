// Custom field definition request and response shapes.
import { z } from 'zod';
import { customFieldTypes } from '../../db/schema.ts';
import { Id, Timestamps } from '../../platform/schemas.ts';

export const FieldParams = z.object({ id: Id, fieldId: Id });

/** The key item values are stored under in `custom_fields`, so it is a machine name, not a label. */
export const FieldName = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,63}$/,
    'use a lower-case letter, then lower-case letters, digits or _ (64 at most)',
  );

const Options = z
  .array(z.string().trim().min(1).max(200))
  .min(1, 'must list at least one option')
  .max(500)
  .refine((options) => new Set(options).size === options.length, 'must not repeat an option')
  .nullable();

const FieldFields = z.object({
  name: FieldName,
  label: z.string().trim().min(1).max(200),
  field_type: z.enum(customFieldTypes),
  required: z.boolean(),
  options: Options.describe("The allowed values; required for 'select', refused for any other type"),
  sensitive: z.boolean().describe('Shown only to callers allowed to see sensitive values'),
});

export const CreateField = FieldFields.partial({ required: true, options: true, sensitive: true }).strict();
export type CreateField = z.infer<typeof CreateField>;

export const UpdateField = FieldFields.partial()
  .strict()
  .describe('`name` cannot change: item values are stored under it');
export type UpdateField = z.infer<typeof UpdateField>;

export const ListFieldsQuery = z
  .object({
    include_inherited: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe("Also list the ancestors' definitions that apply here (the nearest wins on a name)"),
  })
  .strict();
export type ListFieldsQuery = z.infer<typeof ListFieldsQuery>;

export const Field = z.object({
  id: z.number(),
  category_id: z.number(),
  name: z.string(),
  label: z.string(),
  field_type: z.string(),
  required: z.boolean(),
  options: z.array(z.string()).nullable(),
  sensitive: z.boolean(),
  ...Timestamps,
});
export type Field = z.infer<typeof Field>;
