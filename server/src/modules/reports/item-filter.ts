// Which items a report covers: the caller's location scope and the usual filters, as SQL conditions on `i`.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { categoryTree, locationTree, subtreeIds } from '../../db/tree.ts';
import type { Scope } from '../../platform/scope.ts';
import { getLocation } from '../locations/service.ts';
import type { ReportFilters } from './filters.ts';
import { resolvePeriod, thisMonth, type Period, type PeriodQuery } from './period.ts';

export interface ItemFilter {
  scopeRootId: number | null;
  locationId?: number | undefined;
  categoryId?: number | undefined;
  supplierId?: number | undefined;
  status?: string | undefined;
}

/** The caller's item filter; a location outside their scope answers 404 as if it did not exist. */
export async function itemFilterFor(db: Db, query: ReportFilters, scope: Scope): Promise<ItemFilter> {
  if (query.location_id !== undefined) await getLocation(db, query.location_id, scope);
  return {
    scopeRootId: scope.locationRootId,
    locationId: query.location_id,
    categoryId: query.category_id,
    supplierId: query.supplier_id,
    status: query.status,
  };
}

/** The caller's item filter and the period asked for (`fallback` when none is): what most reports cover. */
export async function itemsInPeriod(
  db: Db,
  query: ReportFilters & PeriodQuery,
  scope: Scope,
  fallback: () => Period = thisMonth,
): Promise<{ filter: ItemFilter; period: Period }> {
  return { filter: await itemFilterFor(db, query, scope), period: resolvePeriod(query, fallback) };
}

/** Conditions on `i` (inventory_items); `true` when nothing narrows the items. */
export function itemConditions(f: ItemFilter): SQL {
  const conditions: SQL[] = [sql`true`];
  if (f.scopeRootId !== null) {
    conditions.push(sql`i.location_id in ${subtreeIds(locationTree, f.scopeRootId)}`);
  }
  if (f.locationId) conditions.push(sql`i.location_id in ${subtreeIds(locationTree, f.locationId)}`);
  if (f.categoryId) conditions.push(sql`i.category_id in ${subtreeIds(categoryTree, f.categoryId)}`);
  if (f.supplierId) conditions.push(sql`i.supplier_id = ${f.supplierId}`);
  if (f.status) conditions.push(sql`i.status = ${f.status}`);
  return sql.join(conditions, sql` and `);
}
