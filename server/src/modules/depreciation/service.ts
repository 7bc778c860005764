// Depreciation: an item's schedule, its book value on a date, the fleet's valuation at any date and the
// revaluation that writes book values into current_value. The arithmetic is calculator.ts (one item) and its
// SQL twin eis_book_value (many items).
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { Scope } from '../../platform/scope.ts';
import { bookValueAt, depreciationSchedule, type Granularity } from './calculator.ts';
import * as repo from './repo.ts';
import type { ValuationQuery } from './schemas.ts';
import { effectiveSettings, type ItemSettings } from './settings.ts';

export interface DepreciableItem extends ItemSettings {
  id: number;
  purchase_price: string | null;
  purchase_date: string | null;
}

async function settingsOf(ex: Executor, item: DepreciableItem) {
  const category = item.category_id === null ? undefined : await repo.categorySettings(ex, item.category_id);
  return effectiveSettings(item, category);
}

/** The item's schedule from purchase to the end of its depreciation. */
export async function computeDepreciationSchedule(
  ex: Executor,
  item: DepreciableItem,
  granularity: Granularity,
) {
  if (item.purchase_price === null) {
    throw ValidationError.field('purchase_price', 'is needed to depreciate the item; set it first');
  }
  if (item.purchase_date === null) {
    throw ValidationError.field('purchase_date', 'is needed to depreciate the item; set it first');
  }
  const settings = await settingsOf(ex, item);
  const { schedule, salvage_value, life_months } = depreciationSchedule(
    { cost: item.purchase_price, purchaseDate: item.purchase_date, settings },
    granularity,
  );
  return {
    item_id: item.id,
    method: settings.method,
    cost: item.purchase_price,
    purchase_date: item.purchase_date,
    depreciation_rate: settings.rate,
    useful_life_months: settings.usefulLifeMonths,
    recovery_period: settings.recoveryPeriod,
    salvage_value,
    life_months,
    granularity,
    schedule,
  };
}

/**
 * Book value on a date: null without a purchase price (nothing to measure against); the cost itself when the
 * purchase date or the settings do not allow a schedule, as the fleet valuation counts such items.
 */
export async function bookValueOn(ex: Executor, item: DepreciableItem, date: string): Promise<string | null> {
  if (item.purchase_price === null) return null;
  if (item.purchase_date === null) return item.purchase_price;
  try {
    const settings = await settingsOf(ex, item);
    return bookValueAt({ cost: item.purchase_price, purchaseDate: item.purchase_date, settings }, date);
  } catch (error) {
    if (error instanceof ValidationError) return item.purchase_price;
    throw error;
  }
}

/**
 * For reports valuing items in their own query: the book value SQL expression (needs `i` items and `c` their
 * category) and the owned-at conditions (needs `d`, the item's item_disposals row), as the valuation uses them.
 */
export { bookValueAt as bookValueSql, ownedAt as ownedAtSql, type OwnedFilter } from './repo.ts';

const money = (value: string) => new Decimal(value).toFixed(2);

/** The fleet's cost, accumulated depreciation and book value at a date, in total and by category or location. */
export async function valueFleet(db: Db, query: ValuationQuery, asOf: string, scope: Scope) {
  const rows = await repo.valuation(db, {
    asOf,
    scopeRootId: scope.locationRootId,
    locationId: query.location_id,
    categoryId: query.category_id,
    groupBy: query.group_by,
  });
  const present = (row: repo.ValuationRow) => ({
    items: row.items,
    cost: money(row.cost),
    accumulated_depreciation: money(row.accumulated_depreciation),
    book_value: money(row.book_value),
    not_depreciated: row.not_depreciated,
  });
  const total = rows.find((row) => row.is_total);
  return {
    as_of: asOf,
    ...(total ? present(total) : present({ ...emptyTotal })),
    ...(query.group_by && {
      group_by: query.group_by,
      groups: rows
        .filter((row) => !row.is_total)
        .map((row) => ({
          id: row.group_id === null ? null : Number(row.group_id),
          name: row.group_name,
          ...present(row),
        })),
    }),
  };
}

const emptyTotal: repo.ValuationRow = {
  is_total: true,
  group_id: null,
  group_name: null,
  items: 0,
  cost: '0.00',
  accumulated_depreciation: '0.00',
  book_value: '0.00',
  not_depreciated: 0,
};

/**
 * Writes every owned item's book value at `asOf` into its current_value, with a history entry where it changed,
 * in one transaction. Meant to run monthly (`eis depreciation run`); running it twice changes nothing more.
 */
export async function revalueFleet(db: Db, asOf: string, actor = 'depreciation run'): Promise<number> {
  return db.transaction(async (tx) => {
    // One long statement over the whole fleet: the request-sized statement timeout does not fit it.
    await tx.execute(sql`set local statement_timeout = 0`);
    return repo.revalue(tx, asOf, actor);
  });
}
