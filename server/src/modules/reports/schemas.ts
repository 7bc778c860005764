// Report request and response shapes.
import { z } from 'zod';
import { PageQuery } from '../../platform/pagination.ts';
import { IsoDate, PageOf } from '../../platform/schemas.ts';
import { ReportFilters } from './filters.ts';
import { ItemLineFields } from './item-lines.ts';

export const exportFormats = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A paged report's `format`: its JSON pages, or a download of every line. */
export const linesFormat = z
  .enum(exportFormats)
  .default('json')
  .describe('json pages with `limit`/`cursor`; csv, xlsx and pdf download every line');

/** What a report's query has beyond its filters: `Query.omit(withoutPaging)` is what a schedule stores. */
export const withoutPaging = { format: true, limit: true, cursor: true } as const;

export const RegisterQuery = z
  .object({
    as_of: IsoDate.optional().describe('The register at the end of this day (default: today)'),
    ...ReportFilters,
    format: z
      .enum(exportFormats)
      .default('json')
      .describe('json pages with `limit`/`cursor`; csv, xlsx and pdf download the whole filtered register'),
    ...PageQuery.shape,
  })
  .strict();
export type RegisterQuery = z.infer<typeof RegisterQuery>;

/** The register's filters without format and paging, as an export or a schedule takes them. */
export const RegisterFilters = RegisterQuery.omit(withoutPaging);
export type RegisterFilters = z.infer<typeof RegisterFilters>;

const Amounts = {
  cost: z.string(),
  accumulated_depreciation: z.string(),
  book_value: z.string(),
};

export const RegisterLine = z.object({
  ...ItemLineFields,
  supplier: z.string().nullable(),
  purchase_date: z.string().nullable(),
  ...Amounts,
});
export type RegisterLine = z.infer<typeof RegisterLine>;

export const RegisterTotals = z.object({ items: z.number(), ...Amounts });
export type RegisterTotals = z.infer<typeof RegisterTotals>;

export const RegisterPage = PageOf(RegisterLine).extend({
  as_of: z.string(),
  totals: RegisterTotals.describe('The whole filtered register, not just this page'),
});
