// Utilisation and location occupancy report shapes.
import { z } from 'zod';
import { PageQuery } from '../../platform/pagination.ts';
import { PageOf } from '../../platform/schemas.ts';
import { ReportFilters } from './filters.ts';
import { PeriodQuery } from './period.ts';
import { ItemLineFields } from './item-lines.ts';
import { linesFormat as format, withoutPaging } from './schemas.ts';

export const UtilisationQuery = z
  .object({
    ...PeriodQuery,
    ...ReportFilters,
    idle_days: z.coerce
      .number()
      .int()
      .min(0)
      .max(36_500)
      .optional()
      .describe('Only items idle (not checked out) for at least this many days at the end of the period'),
    format,
    ...PageQuery.shape,
  })
  .strict();

export const UtilisationFilters = UtilisationQuery.omit(withoutPaging);
export type UtilisationFilters = z.infer<typeof UtilisationFilters>;

const Usage = {
  available_days: z
    .number()
    .describe('Days in the period the item was on the books (bought, not disposed of)'),
  deployed_days: z.number().describe('Of those, days checked out'),
  utilisation_percent: z
    .number()
    .nullable()
    .describe('Deployed as a share of available; null with none available'),
  checkouts: z.number().describe('Check-outs started in the period'),
};
export type Usage = { [K in keyof typeof Usage]: z.infer<(typeof Usage)[K]> };

const Group = z.object({
  id: z.number().nullable(),
  name: z.string().nullable(),
  items: z.number(),
  ...Usage,
});
export type UsageGroup = z.infer<typeof Group>;

export const UsageLine = z.object({
  ...ItemLineFields,
  ...Usage,
  idle_days: z
    .number()
    .describe(
      'Whole days since it was last checked in (or bought, if never out) at the end of the period; 0 if out',
    ),
});
export type UsageLine = z.infer<typeof UsageLine>;

export const Utilisation = PageOf(UsageLine).extend({
  from: z.string(),
  to: z.string(),
  idle_days: z.number().nullable(),
  totals: z.object({ items: z.number(), ...Usage }).describe('Every line, not just this page'),
  by_category: z.array(Group).describe("The items' own category; id null for items without one"),
  by_location: z.array(Group).describe("The items' own location; id null for items without one"),
});
export type Utilisation = z.infer<typeof Utilisation>;

export const OccupancyQuery = z
  .object({ ...PeriodQuery, ...ReportFilters, format, ...PageQuery.shape })
  .strict();

export const OccupancyFilters = OccupancyQuery.omit(withoutPaging);
export type OccupancyFilters = z.infer<typeof OccupancyFilters>;

const percent = z.number().nullable().describe('Items as a share of capacity; null without a capacity');

export const OccupancyLine = z.object({
  location_id: z.number(),
  name: z.string(),
  capacity: z.number().nullable(),
  occupancy: z.number().describe('Items there now, as the capacity check counts them'),
  occupancy_percent: percent,
  trend: z.array(z.object({ month_end: z.string(), occupancy: z.number(), occupancy_percent: percent })),
});
export type OccupancyLine = z.infer<typeof OccupancyLine>;

export const Occupancy = PageOf(OccupancyLine).extend({
  from: z.string(),
  to: z.string(),
  month_ends: z
    .array(z.string())
    .describe("The trend's points: each month end in the period that has passed"),
});
export type Occupancy = z.infer<typeof Occupancy>;
