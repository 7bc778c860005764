// Dashboard SQL: item counts, utilisation and overdue work, each one aggregate statement over the items in the
// caller's scope and filters. (Values come from the valuation rollup: rollup-repo.ts.)
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { categoryTree, locationTree, subtreeIds } from '../../db/tree.ts';
import { overdueCheckoutSql } from '../assignments/service.ts';
import { overdueMaintenanceSql } from '../maintenance/service.ts';

export interface ItemFilter {
  scopeRootId: number | null;
  locationId?: number | undefined;
  categoryId?: number | undefined;
  status?: string | undefined;
}

/** Conditions on `i`: in scope and filters; without a status filter, disposed items are left out. */
function heldItems(f: ItemFilter): SQL {
  const conditions: SQL[] = [f.status ? sql`i.status = ${f.status}` : sql`i.status <> 'disposed'`];
  if (f.scopeRootId !== null)
    conditions.push(sql`i.location_id in ${subtreeIds(locationTree, f.scopeRootId)}`);
  if (f.locationId) conditions.push(sql`i.location_id in ${subtreeIds(locationTree, f.locationId)}`);
  if (f.categoryId) conditions.push(sql`i.category_id in ${subtreeIds(categoryTree, f.categoryId)}`);
  return sql.join(conditions, sql` and `);
}

/** A bigint id: node-postgres hands it over as a string, PGlite as a number. */
type BigId = number | string | null;

export interface FleetGroup {
  status: string;
  category_id: BigId;
  category: string | null;
  /** The location at the top of the tree in view holding the items (see fleetCounts); null for none. */
  top_id: BigId;
  top: string | null;
  count: number;
  /** Of them, serialised items in stock, deployed or in repair. */
  in_service: number;
}

/**
 * The items counted by status, own category and the location at the top of the tree in view: the sites, or the
 * children of `below` (items placed at `below` itself count under it). One scan of the items, grouped by
 * status, category and location first (a few thousand groups), then placed under their top location.
 */
export async function fleetCounts(ex: Executor, f: ItemFilter, below: number | null): Promise<FleetGroup[]> {
  const tops = below === null ? sql`parent_location_id is null` : sql`parent_location_id = ${below}`;
  return queryRows<FleetGroup>(
    ex,
    sql`with recursive tops(id, top_id) as (
          select id, id from locations where ${tops}
          union all
          select l.id, t.top_id from locations l join tops t on l.parent_location_id = t.id
        ), groups as (
          select i.status, i.category_id, i.location_id, count(*) as count,
            count(*) filter (where i.tracking = 'serial' and i.status in ('in_stock', 'deployed', 'in_repair'))
              as in_service
          from inventory_items i where ${heldItems(f)} group by 1, 2, 3
        )
        select g.status, g.category_id, c.name as category, coalesce(t.top_id, g.location_id) as top_id,
          l.name as top, sum(g.count)::int as count, sum(g.in_service)::int as in_service
        from groups g
        left join tops t on t.id = g.location_id
        left join categories c on c.id = g.category_id
        left join locations l on l.id = coalesce(t.top_id, g.location_id)
        group by 1, 2, 3, 4, 5`,
  );
}

/** Serialised items in service but not deployed, yet checked out (into a kit, say): in use all the same. */
export async function checkedOutUndeployed(ex: Executor, f: ItemFilter): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    ex,
    sql`select count(*)::int as count from checkouts
        join inventory_items i on i.id = checkouts.item_id
        where checkouts.checked_in_at is null and i.tracking = 'serial' and i.status in ('in_stock', 'in_repair')
          and ${heldItems(f)}`,
  );
  return row!.count;
}

export async function overdueMaintenance(ex: Executor, f: ItemFilter, asOf: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    ex,
    sql`select count(*)::int as count from maintenance_schedules
        join inventory_items i on i.id = maintenance_schedules.item_id
        where ${overdueMaintenanceSql(asOf)} and ${heldItems(f)}`,
  );
  return row!.count;
}

export async function overdueCheckIns(ex: Executor, f: ItemFilter, now: Date): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    ex,
    sql`select count(*)::int as count from checkouts
        join inventory_items i on i.id = checkouts.item_id
        where ${overdueCheckoutSql(now)} and ${heldItems(f)}`,
  );
  return row!.count;
}
