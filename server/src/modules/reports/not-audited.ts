// Items not seen in a physical audit since a date: a compliance report, as JSON pages for the API and, through
// the catalogue, every line for CSV, Excel and PDF.
import type { Db } from '../../db/connection.ts';
import { isoTimestamp } from '../../platform/schemas.ts';
import type { Scope } from '../../platform/scope.ts';
import { defineReport } from './catalog.ts';
import { printFilters } from './filters.ts';
import { itemFilterFor } from './item-filter.ts';
import { itemColumns, presentItem } from './item-lines.ts';
import * as repo from './not-audited-repo.ts';
import { NotAuditedFilters, type NotAuditedLine } from './not-audited-schemas.ts';
import { byItemId, everyLine, itemIdPage } from './keyset.ts';
import type { Column } from './table.ts';

/** The filter for the caller; a location outside their scope answers 404 as if it did not exist. */
export async function notAuditedFilter(
  db: Db,
  f: NotAuditedFilters,
  scope: Scope,
): Promise<repo.NotAuditedFilter> {
  return { since: f.since, ...(await itemFilterFor(db, f, scope)) };
}

function presentLine(row: repo.NotAuditedRow): NotAuditedLine {
  return {
    ...presentItem(row),
    last_audited_at: row.last_audited_at === null ? null : isoTimestamp(row.last_audited_at),
  };
}

const fetchLines = (db: Db, filter: repo.NotAuditedFilter) => async (afterId: number | null, limit: number) =>
  (await repo.notAuditedPage(db, filter, afterId, limit)).map(presentLine);

export async function listNotAudited(db: Db, filter: repo.NotAuditedFilter, limit: number, cursor?: string) {
  const [lines, items] = await Promise.all([
    itemIdPage(fetchLines(db, filter), { limit, cursor }),
    repo.notAuditedCount(db, filter),
  ]);
  return { since: filter.since, ...lines, totals: { items } };
}

const columns: Column<NotAuditedLine>[] = [
  ...itemColumns((r: NotAuditedLine) => r, { name: 28, place: 18 }),
  { header: 'Last audited', kind: 'text', width: 18, value: (r) => r.last_audited_at ?? 'never' },
];

export const notAuditedReport = defineReport({
  key: 'not-audited-since',
  title: 'Items not audited since a date',
  filters: NotAuditedFilters,
  async table(db, filters, scope) {
    const filter = await notAuditedFilter(db, filters, scope);
    const items = await repo.notAuditedCount(db, filter);
    return {
      title: `Items not seen in a physical audit since ${filters.since}`,
      fileName: `not-audited-since-${filters.since}`,
      filters: [['Since', filters.since], ...(await printFilters(db, filters, scope))],
      generatedAt: new Date(),
      columns,
      rows: everyLine(fetchLines(db, filter), byItemId),
      totals: [`Total (${items} items)`, null, null, null, null, null],
    };
  },
});
