// Category request and response shapes.
import { z } from 'zod';
import { depreciationMethods } from '../../db/schema.ts';
import { PageQuery } from '../../platform/pagination.ts';
import { Id, Money, NullableText, Timestamps } from '../../platform/schemas.ts';

export const recoveryPeriods = [3, 5, 7, 10, 15, 20] as const;

/** A yearly rate as a decimal string: NUMERIC(5,4) in the database, never a float on the way. */
export const DepreciationRate = z
  .string()
  .regex(
    /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/,
    'must be a decimal string from "0" to "1" with at most 4 decimals, e.g. "0.2"',
  );

const CategoryFields = z.object({
  name: z.string().trim().min(1).max(200),
  description: NullableText(5000),
  parent_category_id: Id.nullable(),
  depreciation_rate: DepreciationRate.nullable(),
  depreciation_method: z.enum(depreciationMethods),
  useful_life_months: z.number().int().min(1).max(1200).nullable(),
  salvage_value: Money.nullable(),
  recovery_period: z
    .literal(recoveryPeriods, { error: `must be one of ${recoveryPeriods.join(', ')} (years)` })
    .nullable()
    .describe('MACRS recovery period in years; required with macrs, refused with any other method'),
});

export const CreateCategory = CategoryFields.partial({
  description: true,
  parent_category_id: true,
  depreciation_rate: true,
  depreciation_method: true,
  useful_life_months: true,
  salvage_value: true,
  recovery_period: true,
}).strict();
export type CreateCategory = z.infer<typeof CreateCategory>;

export const UpdateCategory = CategoryFields.partial().strict();
export type UpdateCategory = z.infer<typeof UpdateCategory>;

export const ListCategoriesQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  parent_category_id: z.union([Id, z.literal('root')]).optional(),
  sort: z.string().max(200).optional(),
}).strict();
export type ListCategoriesQuery = z.infer<typeof ListCategoriesQuery>;

export const CategoryRef = z.object({ id: z.number(), name: z.string() });

export const Category = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  parent_category_id: z.number().nullable(),
  depreciation_rate: z.string().nullable(),
  depreciation_method: z.string(),
  useful_life_months: z.number().nullable(),
  salvage_value: z.string().nullable(),
  recovery_period: z.number().nullable(),
  item_count: z.number().describe('Items whose category is this one (not counting sub-categories)'),
  children_count: z.number(),
  ...Timestamps,
});
export type Category = z.infer<typeof Category>;

export const CategoryDetail = Category.extend({
  path: z.array(CategoryRef).describe('Ancestors from the root down to the parent'),
});

export const SubtreeNode = CategoryRef.extend({
  parent_category_id: z.number().nullable(),
  depth: z.number(),
  item_count: z.number(),
});
