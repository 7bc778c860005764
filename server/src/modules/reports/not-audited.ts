// Items not seen in a physical audit since a date: a compliance report, as JSON pages for the API and, through
// the catalogue, every line for CSV, Excel and PDF.
import type { Db } from '../../db/connection.ts';
import { BadRequestError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { isoTimestamp } from '../../platform/schemas.ts';
import type { Scope } from '../../platform/scope.ts';
import { getLocation } from '../locations/service.ts';
import { defineReport } from './catalog.ts';
import { printFilters } from './filters.ts';
import { itemColumns, presentItem } from './item-lines.ts';
import * as repo from './not-audited-repo.ts';
import { NotAuditedFilters, type NotAuditedLine } from './not-audited-schemas.ts';
import { exportBatchSize } from './service.ts';
import type { Column } from './table.ts';

/** The filter for the caller; a location outside their scope answers 404 as if it did not exist. */
export async function notAuditedFilter(
  db: Db,
  f: NotAuditedFilters,
  scope: Scope,
): Promise<repo.NotAuditedFilter> {
  if (f.location_id !== undefined) await getLocation(db, f.location_id, scope);
  return {
    since: f.since,
    scopeRootId: scope.locationRootId,
    locationId: f.location_id,
    categoryId: f.category_id,
    supplierId: f.supplier_id,
    status: f.status,
  };
}

function presentLine(row: repo.NotAuditedRow): NotAuditedLine {
  return {
    ...presentItem(row),
    last_audited_at: row.last_audited_at === null ? null : isoTimestamp(row.last_audited_at),
  };
}

function afterIdOf(cursor: string | undefined): number | null {
  if (cursor === undefined) return null;
  const [id] = decodeCursor(cursor, 1);
  if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
  throw new BadRequestError('The cursor is not one this listing issued', [
    { field: 'cursor', message: 'is invalid' },
  ]);
}

export async function listNotAudited(db: Db, filter: repo.NotAuditedFilter, limit: number, cursor?: string) {
  const [rows, items] = await Promise.all([
    repo.notAuditedPage(db, filter, afterIdOf(cursor), limit + 1),
    repo.notAuditedCount(db, filter),
  ]);
  const lines = rows.slice(0, limit).map(presentLine);
  const last = lines.at(-1);
  return {
    since: filter.since,
    data: lines,
    next_cursor: rows.length > limit && last ? encodeCursor([last.item_id]) : null,
    totals: { items },
  };
}

async function* readNotAudited(db: Db, filter: repo.NotAuditedFilter): AsyncGenerator<NotAuditedLine> {
  let afterId: number | null = null;
  for (;;) {
    const rows = await repo.notAuditedPage(db, filter, afterId, exportBatchSize);
    for (const row of rows) yield presentLine(row);
    if (rows.length < exportBatchSize) return;
    afterId = Number(rows.at(-1)!.id);
  }
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
      rows: readNotAudited(db, filter),
      totals: [`Total (${items} items)`, null, null, null, null, null],
    };
  },
});
