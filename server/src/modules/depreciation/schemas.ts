// Depreciation request and response shapes.
import { z } from 'zod';
import { depreciationMethods } from '../../db/schema.ts';
import { Id, IsoDate } from '../../platform/schemas.ts';

export const ScheduleQuery = z
  .object({
    granularity: z
      .enum(['year', 'month'])
      .default('year')
      .describe('Periods of a year (the default) or a month'),
  })
  .strict();

const SchedulePeriod = z.object({
  period: z.number().describe('1 for the period of purchase'),
  starts_on: z.string(),
  ends_on: z.string().describe('Depreciation is accrued at the end of each month'),
  depreciation: z.string(),
  accumulated: z.string(),
  book_value: z.string(),
});

export const DepreciationSchedule = z.object({
  item_id: z.number(),
  method: z.enum(depreciationMethods),
  cost: z.string(),
  purchase_date: z.string(),
  depreciation_rate: z.string().nullable(),
  useful_life_months: z.number().nullable(),
  recovery_period: z.number().nullable(),
  salvage_value: z.string().describe('The salvage value respected (0 for MACRS, which ignores it)'),
  life_months: z.number().describe('Months from the month of purchase to the end of depreciation'),
  granularity: z.enum(['year', 'month']),
  schedule: z.array(SchedulePeriod),
});

export const ValuationQuery = z
  .object({
    as_of: IsoDate.optional().describe('Value the fleet at the end of this day (default: today)'),
    location_id: Id.optional().describe('This location and all below it'),
    category_id: Id.optional().describe('This category and all below it'),
    group_by: z.enum(['category', 'location']).optional(),
  })
  .strict();
export type ValuationQuery = z.infer<typeof ValuationQuery>;

const Totals = {
  items: z.number(),
  cost: z.string(),
  accumulated_depreciation: z.string(),
  book_value: z.string(),
  not_depreciated: z
    .number()
    .describe('Items counted at cost: no purchase date, or settings that allow no schedule'),
};

export const Valuation = z.object({
  as_of: z.string(),
  ...Totals,
  group_by: z.enum(['category', 'location']).optional(),
  groups: z
    .array(z.object({ id: z.number().nullable(), name: z.string().nullable(), ...Totals }))
    .optional()
    .describe('Direct category or location of the items; id null for items without one'),
});
