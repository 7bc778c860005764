// An audit's report: every line with its result (found, missing, unexpected), as JSON pages or, through the
// report catalogue, a CSV, Excel or PDF download.
import type { Db } from '../../db/connection.ts';
import { BadRequestError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import type { Scope } from '../../platform/scope.ts';
import { defineReport } from '../reports/catalog.ts';
import type { Column } from '../reports/table.ts';
import { getStocktake } from './listings.ts';
import type { Stocktake } from './presenter.ts';
import { presentLine } from './presenter.ts';
import * as repo from './repo.ts';
import { StocktakeReportFilters, type StocktakeLine, type StocktakeResult } from './schemas.ts';

/** Lines an export reads per query: few round trips, flat memory. */
const exportBatchSize = 5000;

function afterOf(cursor: string | undefined) {
  if (cursor === undefined) return undefined;
  const [sku, id] = decodeCursor(cursor, 2);
  if (typeof sku !== 'string' || typeof id !== 'number' || !Number.isSafeInteger(id)) {
    throw new BadRequestError('The cursor is not one this listing issued', [
      { field: 'cursor', message: 'is invalid' },
    ]);
  }
  return { sku, id };
}

/** A page of the audit's lines by SKU, with the audit itself (state and counts) for context. */
export async function reportPage(
  db: Db,
  id: number,
  query: { result?: StocktakeResult | undefined; limit: number; cursor?: string | undefined },
  scope: Scope,
) {
  const stocktake = await getStocktake(db, id, scope);
  const rows = await repo.lines(
    db,
    { stocktakeId: id, result: query.result, after: afterOf(query.cursor) },
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    stocktake,
    data: page.map(presentLine),
    next_cursor: rows.length > query.limit && last ? encodeCursor([last.sku, last.id]) : null,
  };
}

async function* readLines(db: Db, id: number, result: StocktakeResult | undefined) {
  let after: { sku: string; id: number } | undefined;
  for (;;) {
    const rows = await repo.lines(db, { stocktakeId: id, result, after }, exportBatchSize);
    for (const row of rows) yield presentLine(row);
    const last = rows.at(-1);
    if (rows.length < exportBatchSize || !last) return;
    after = { sku: last.sku, id: last.id };
  }
}

const columns: Column<StocktakeLine>[] = [
  { header: 'SKU', kind: 'text', width: 14, value: (r) => r.sku },
  { header: 'Name', kind: 'text', width: 28, value: (r) => r.name },
  { header: 'Result', kind: 'text', width: 11, value: (r) => r.result },
  { header: 'Expected location', kind: 'text', width: 20, value: (r) => r.expected_location?.name ?? null },
  { header: 'Scanned location', kind: 'text', width: 20, value: (r) => r.scanned_location?.name ?? null },
  { header: 'Scans', kind: 'count', width: 7, value: (r) => r.scan_count },
  { header: 'Scanned by', kind: 'text', width: 18, value: (r) => r.scanned_by },
  { header: 'Scanned at', kind: 'text', width: 18, value: (r) => r.scanned_at },
  { header: 'Outcome', kind: 'text', width: 11, value: (r) => r.outcome },
];

function printed(s: Stocktake, result: StocktakeResult | undefined): [string, string][] {
  const lines: [string, string][] = [
    ['Location (and below)', s.location.name],
    ['State', s.state],
    ['Started', `${s.started_at} by ${s.started_by ?? 'unknown'}`],
  ];
  if (s.closed_at) lines.push(['Closed', `${s.closed_at} by ${s.closed_by ?? 'unknown'}`]);
  if (result) lines.push(['Result', result]);
  return lines;
}

export const stocktakeReport = defineReport({
  key: 'stocktake',
  title: 'Physical audit',
  filters: StocktakeReportFilters,
  permission: 'stocktakes:read',
  async table(db, filters, scope) {
    const s = await getStocktake(db, filters.stocktake_id, scope);
    const p = s.progress;
    return {
      title: `Physical audit ${s.id}: ${s.location.name}`,
      fileName: `stocktake-${s.id}`,
      filters: printed(s, filters.result),
      generatedAt: new Date(),
      columns,
      rows: readLines(db, s.id, filters.result),
      totals: [
        'Audit totals',
        `${p.expected} expected`,
        `${p.found} found, ${p.missing} missing, ${p.unexpected} unexpected`,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    };
  },
});
