// The asset register as of a date: pages with totals for the API, and every line in batches for exports.
import { Decimal } from 'decimal.js';
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../../platform/scope.ts';
import { valueIfMaintained } from '../dashboards/valuation.ts';
import type { OwnedFilter } from '../depreciation/service.ts';
import { money } from './figures.ts';
import { itemFilterFor } from './item-filter.ts';
import { presentItem } from './item-lines.ts';
import { byItemId, everyLine, itemIdPage } from './keyset.ts';
import * as repo from './repo.ts';
import type { RegisterFilters, RegisterLine, RegisterTotals } from './schemas.ts';

/** The register's filter for the caller; a location outside their scope answers 404 as if it did not exist. */
export async function registerFilter(
  db: Db,
  query: RegisterFilters,
  asOf: string,
  scope: Scope,
): Promise<OwnedFilter> {
  return { asOf, ...(await itemFilterFor(db, query, scope)) };
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

const fetchLines = (db: Db, filter: OwnedFilter) => async (afterId: number | null, limit: number) =>
  (await repo.registerPage(db, filter, afterId, limit)).map(presentLine);

/** One page of register lines, with the totals of the whole filtered register. */
export async function listRegister(db: Db, filter: OwnedFilter, limit: number, cursor?: string) {
  const [lines, totals] = await Promise.all([
    itemIdPage(fetchLines(db, filter), { limit, cursor }),
    totalRegister(db, filter),
  ]);
  return { as_of: filter.asOf, ...lines, totals };
}

/** Every register line in id order, fetched a batch at a time so an export never holds the whole set. */
export const readRegister = (db: Db, filter: OwnedFilter) => everyLine(fetchLines(db, filter), byItemId);
