// The asset register as of a date: pages with totals for the API, and every line in batches for exports.
import { Decimal } from 'decimal.js';
import type { Db } from '../../db/connection.ts';
import { decodeIdCursor, encodeCursor } from '../../platform/pagination.ts';
import type { Scope } from '../../platform/scope.ts';
import { valueIfMaintained } from '../dashboards/valuation.ts';
import type { OwnedFilter } from '../depreciation/service.ts';
import { getLocation } from '../locations/service.ts';
import { money } from './figures.ts';
import { presentItem } from './item-lines.ts';
import * as repo from './repo.ts';
import type { RegisterFilters, RegisterLine, RegisterTotals } from './schemas.ts';

/** Rows an export reads per query: enough to keep round trips few, small enough to keep memory flat. */
export const exportBatchSize = 5000;

/** The register's filter for the caller; a location outside their scope answers 404 as if it did not exist. */
export async function registerFilter(
  db: Db,
  query: RegisterFilters,
  asOf: string,
  scope: Scope,
): Promise<OwnedFilter> {
  if (query.location_id !== undefined) await getLocation(db, query.location_id, scope);
  return {
    asOf,
    scopeRootId: scope.locationRootId,
    locationId: query.location_id,
    categoryId: query.category_id,
    supplierId: query.supplier_id,
    status: query.status,
  };
}

function presentLine(row: repo.RegisterRow): RegisterLine {
  return {
    ...presentItem(row),
    supplier: row.supplier,
    purchase_date: row.purchase_date,
    cost: money(row.cost),
    accumulated_depreciation: money(row.accumulated_depreciation),
    book_value: money(row.book_value),
  };
}

/**
 * The whole filtered register's totals: from the valuation rollup where it holds the date and the filters (it has
 * no supplier), otherwise by valuing every line. Both are sums of the lines' rounded amounts, so either way they
 * reconcile to the lines to the cent.
 */
export async function totalRegister(db: Db, filter: OwnedFilter): Promise<RegisterTotals> {
  const rolledUp = filter.supplierId === undefined ? await valueIfMaintained(db, filter, filter.asOf) : null;
  const row = rolledUp
    ? {
        ...rolledUp,
        accumulated_depreciation: new Decimal(rolledUp.cost).minus(rolledUp.book_value).toString(),
      }
    : await repo.registerTotals(db, filter);
  return {
    items: row.items,
    cost: money(row.cost),
    accumulated_depreciation: money(row.accumulated_depreciation),
    book_value: money(row.book_value),
  };
}

/** One page of register lines, with the totals of the whole filtered register. */
export async function listRegister(db: Db, filter: OwnedFilter, limit: number, cursor?: string) {
  const [rows, totals] = await Promise.all([
    repo.registerPage(db, filter, decodeIdCursor(cursor), limit + 1),
    totalRegister(db, filter),
  ]);
  const lines = rows.slice(0, limit).map(presentLine);
  const last = lines.at(-1);
  return {
    as_of: filter.asOf,
    data: lines,
    next_cursor: rows.length > limit && last ? encodeCursor([last.item_id]) : null,
    totals,
  };
}

/** Every register line in id order, fetched a batch at a time so an export never holds the whole set. */
export async function* readRegister(db: Db, filter: OwnedFilter): AsyncGenerator<RegisterLine> {
  let afterId: number | null = null;
  for (;;) {
    const rows = await repo.registerPage(db, filter, afterId, exportBatchSize);
    for (const row of rows) yield presentLine(row);
    if (rows.length < exportBatchSize) return;
    afterId = Number(rows.at(-1)!.id);
  }
}
