// Maintenance report shapes.
import { z } from 'zod';
import { PageQuery } from '../../platform/pagination.ts';
import { PageOf } from '../../platform/schemas.ts';
import { ReportFilters } from './filters.ts';
import { PeriodQuery } from './period.ts';
import { linesFormat, withoutPaging } from './schemas.ts';

export const MaintenanceReportQuery = z
  .object({
    ...PeriodQuery,
    ...ReportFilters,
    format: linesFormat,
    ...PageQuery.shape,
  })
  .strict();

export const MaintenanceReportFilters = MaintenanceReportQuery.omit(withoutPaging);
export type MaintenanceReportFilters = z.infer<typeof MaintenanceReportFilters>;

const Figures = {
  work_orders: z.number().describe('Work records completed in the period'),
  corrective: z.number().describe('Of those, repairs of a failure (kind corrective)'),
  cost: z.string().describe('Actual cost, parts included'),
  parts_cost: z.string(),
  downtime_hours: z.number().describe('Start to completion of the work: the item is in repair meanwhile'),
  labour_hours: z.number().describe('The actual durations recorded'),
  mtbf_days: z
    .number()
    .nullable()
    .describe(
      'Mean time between failures: from the completion of one corrective record to the start of the ' +
        "item's next, for the failures started in the period; null with fewer than two failures",
    ),
  overdue: z.number().describe('Schedules overdue today (not started, due before today or by reading)'),
};
export type MaintenanceFigures = { [K in keyof typeof Figures]: z.infer<(typeof Figures)[K]> };

export const MaintenanceLine = z.object({
  item_id: z.number(),
  sku: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  location: z.string().nullable(),
  ...Figures,
  oldest_overdue: z.string().nullable().describe('The earliest due date of its overdue calendar schedules'),
});
export type MaintenanceLine = z.infer<typeof MaintenanceLine>;

const Totals = z.object({ items: z.number(), ...Figures });
export type MaintenanceTotals = z.infer<typeof Totals>;

export const MaintenanceReport = PageOf(MaintenanceLine).extend({
  from: z.string(),
  to: z.string(),
  overdue_as_of: z.string(),
  totals: Totals.describe('Every line, not just this page'),
  by_category: z
    .array(Totals.extend({ id: z.number().nullable(), name: z.string().nullable() }))
    .describe("The items' own category; id null for items without one"),
});
export type MaintenanceReport = z.infer<typeof MaintenanceReport>;
