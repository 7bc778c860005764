// Depreciation expense report shapes.
import { z } from 'zod';
import { ReportFilters } from './filters.ts';
import { PeriodQuery } from './period.ts';
import { exportFormats } from './schemas.ts';

export const expenseGroupings = ['category', 'cost_centre', 'item'] as const;

export const ExpenseQuery = z
  .object({
    ...PeriodQuery,
    ...ReportFilters,
    group_by: z
      .enum(expenseGroupings)
      .default('category')
      .describe('What each line of a download is (JSON always answers both groupings)'),
    format: z.enum(exportFormats).default('json').describe('json, or a csv, xlsx or pdf download'),
  })
  .strict();

/** The report's filters without format, as an export or a schedule takes them. */
export const ExpenseFilters = ExpenseQuery.omit({ format: true });
export type ExpenseFilters = z.infer<typeof ExpenseFilters>;

const Amounts = {
  items: z.number(),
  opening_book_value: z.string().describe('Book value at the end of the day before the period'),
  additions: z.string().describe('Cost of the items bought in the period'),
  depreciation: z
    .string()
    .describe('Charged in the period: opening + additions - disposals - closing, to the cent'),
  disposals: z.string().describe('Book value of the items disposed of in the period, on their disposal day'),
  closing_book_value: z.string().describe("Book value at the end of the period's last day"),
  not_depreciated: z
    .number()
    .describe('Items carried at cost: no purchase date, or settings that allow no schedule'),
};
export type ExpenseAmounts = { [K in keyof typeof Amounts]: z.infer<(typeof Amounts)[K]> };

const Group = z.object({ id: z.number().nullable(), name: z.string().nullable(), ...Amounts });
export type ExpenseGroup = z.infer<typeof Group>;

export const Expense = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object(Amounts),
  by_category: z.array(Group).describe("The items' own category; id null for items without one"),
  by_cost_centre: z
    .array(Group)
    .describe(
      'Cost centre = the top-level location (site) an item is in, or for a caller limited to a subtree, the top of it; id null for items without a location',
    ),
});
export type Expense = z.infer<typeof Expense>;

/** One item's roll-forward, a line of a download grouped by item. */
export interface ExpenseItemLine extends Omit<ExpenseAmounts, 'items' | 'not_depreciated'> {
  item_id: number;
  sku: string;
  name: string;
  category: string | null;
  cost_centre: string | null;
}
