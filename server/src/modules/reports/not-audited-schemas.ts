// The compliance report's shapes: items not seen in a physical audit since a date.
import { z } from 'zod';
import { PageQuery } from '../../platform/pagination.ts';
import { IsoDate, PageOf } from '../../platform/schemas.ts';
import { ReportFilters } from './filters.ts';
import { ItemLineFields } from './item-lines.ts';
import { linesFormat, withoutPaging } from './schemas.ts';

export const NotAuditedQuery = z
  .object({
    since: IsoDate.describe('Items no physical audit has scanned on or after this day'),
    ...ReportFilters,
    format: linesFormat,
    ...PageQuery.shape,
  })
  .strict();
export type NotAuditedQuery = z.infer<typeof NotAuditedQuery>;

/** The report's filters without format and paging, as an export or a schedule takes them. */
export const NotAuditedFilters = NotAuditedQuery.omit(withoutPaging);
export type NotAuditedFilters = z.infer<typeof NotAuditedFilters>;

export const NotAuditedLine = z.object({
  ...ItemLineFields,
  last_audited_at: z.string().nullable().describe('Null: never scanned in a physical audit'),
});
export type NotAuditedLine = z.infer<typeof NotAuditedLine>;

export const NotAuditedPage = PageOf(NotAuditedLine).extend({
  since: z.string(),
  totals: z.object({ items: z.number() }).describe('The whole filtered report, not just this page'),
});
