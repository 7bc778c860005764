// Depreciation SQL: a category's settings, fleet valuation and revaluation, each one statement over
// eis_book_value (migration *_depreciation_functions), which computes what calculator.ts does, in the database.
import { eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { categories } from '../../db/schema.ts';
import { categoryTree, locationTree, subtreeIds } from '../../db/tree.ts';
import type { CategorySettings } from './settings.ts';

export async function categorySettings(ex: Executor, id: number): Promise<CategorySettings | undefined> {
  const [row] = await ex
    .select({
      depreciation_method: categories.depreciation_method,
      depreciation_rate: categories.depreciation_rate,
      useful_life_months: categories.useful_life_months,
      salvage_value: categories.salvage_value,
      recovery_period: categories.recovery_period,
    })
    .from(categories)
    .where(eq(categories.id, id));
  return row;
}

/**
 * An item's book value at the end of `asOf` (an ISO date, or a date expression such as a disposal's date) with
 * the effective settings (item over category); needs `i` and `c`.
 */
export const bookValueAt = (asOf: string | SQL) => sql`eis_book_value(
  i.purchase_price, i.purchase_date,
  coalesce(i.depreciation_method, c.depreciation_method), c.depreciation_rate,
  coalesce(i.useful_life_months, c.useful_life_months), coalesce(i.salvage_value, c.salvage_value),
  coalesce(i.recovery_period, c.recovery_period), ${typeof asOf === 'string' ? sql`${asOf}::date` : asOf})`;

export interface ValuationFilter extends OwnedFilter {
  groupBy?: 'category' | 'location' | undefined;
}

export interface ValuationRow {
  is_total: boolean;
  /** A bigint: node-postgres hands it over as a string, PGlite as a number. */
  group_id: number | string | null;
  group_name: string | null;
  items: number;
  cost: string;
  accumulated_depreciation: string;
  book_value: string;
  not_depreciated: number;
}

export interface OwnedFilter {
  asOf: string;
  scopeRootId: number | null;
  locationId?: number | undefined;
  categoryId?: number | undefined;
  supplierId?: number | undefined;
  status?: string | undefined;
}

/**
 * Conditions on `i` (items) and `d` (its item_disposals row, left-joined) for the items valued at `asOf`:
 * bought by then and not yet disposed of, in the filters' subtrees.
 */
export function ownedAt(f: OwnedFilter): SQL[] {
  const conditions: SQL[] = [
    sql`i.purchase_price is not null`,
    sql`(i.purchase_date is null or i.purchase_date <= ${f.asOf}::date)`,
    // A disposed item without a disposal record (imported that way) counts as gone all along.
    sql`(i.status <> 'disposed' or d.disposed_on > ${f.asOf}::date)`,
  ];
  if (f.scopeRootId !== null)
    conditions.push(sql`i.location_id in ${subtreeIds(locationTree, f.scopeRootId)}`);
  if (f.locationId) conditions.push(sql`i.location_id in ${subtreeIds(locationTree, f.locationId)}`);
  if (f.categoryId) conditions.push(sql`i.category_id in ${subtreeIds(categoryTree, f.categoryId)}`);
  if (f.supplierId) conditions.push(sql`i.supplier_id = ${f.supplierId}`);
  if (f.status) conditions.push(sql`i.status = ${f.status}`);
  return conditions;
}

/**
 * Totals, and one row per group if asked, in one scan: the items owned at `asOf` (bought by then, not yet
 * disposed of), each at its book value then, or at cost when its settings do not allow a schedule.
 */
export async function valuation(ex: Executor, f: ValuationFilter): Promise<ValuationRow[]> {
  const conditions = ownedAt(f);
  const key =
    f.groupBy === 'category' ? sql`category_id` : f.groupBy === 'location' ? sql`location_id` : null;
  const names = f.groupBy === 'category' ? sql`categories` : sql`locations`;
  const grouped = sql`select ${key ?? sql`null::bigint`} as group_id,
        ${key ? sql`grouping(${key}) = 1` : sql`true`} as is_total,
        count(*)::int as items,
        coalesce(sum(cost), 0)::text as cost,
        coalesce(sum(cost - coalesce(book_value, cost)), 0)::text as accumulated_depreciation,
        coalesce(sum(coalesce(book_value, cost)), 0)::text as book_value,
        (count(*) filter (where book_value is null))::int as not_depreciated
      from valued
      ${key ? sql`group by grouping sets ((), (${key}))` : sql``}`;
  return queryRows<ValuationRow>(
    ex,
    sql`with valued as (
        select i.category_id, i.location_id, i.purchase_price as cost, round(${bookValueAt(f.asOf)}, 2) as book_value
        from inventory_items i
        left join categories c on c.id = i.category_id
        left join item_disposals d on d.item_id = i.id
        where ${sql.join(conditions, sql` and `)}
      )
      select g.*, ${key ? sql`n.name` : sql`null`} as group_name
      from (${grouped}) g
      ${key ? sql`left join ${names} n on n.id = g.group_id` : sql``}
      order by g.is_total desc, g.book_value::numeric desc, g.group_id`,
  );
}

/**
 * Sets every owned item's current_value to its book value at `asOf`, in one statement that also appends an
 * asset_history row for each item whose value changed. Rows are locked as they are read, so a concurrent edit
 * is either seen or waits. Returns how many items changed.
 */
export async function revalue(ex: Executor, asOf: string, actor: string): Promise<number> {
  const [row] = await queryRows<{ revalued: number }>(
    ex,
    sql`with target as (
        select i.id, i.current_value as before, round(${bookValueAt(asOf)}, 2) as after
        from inventory_items i
        left join categories c on c.id = i.category_id
        where i.status <> 'disposed' and i.purchase_price is not null
          and i.purchase_date is not null and i.purchase_date <= ${asOf}::date
        for no key update of i
      ), changed as (
        update inventory_items i
        set current_value = t.after, version = i.version + 1, updated_at = now()
        from target t
        where i.id = t.id and t.after is not null and t.before is distinct from t.after
        returning i.id, t.before, t.after
      ), logged as (
        insert into asset_history (item_id, action, performed_by, notes, additional_data)
        select id, 'revalued', ${actor}, ${`Book value as of ${asOf}`},
          jsonb_build_object(
            'as_of', ${asOf}::text,
            'changes', jsonb_build_object(
              'current_value', jsonb_build_object('before', to_jsonb(before::text), 'after', to_jsonb(after::text))))
        from changed
        returning 1
      )
      select count(*)::int as revalued from logged`,
  );
  return row?.revalued ?? 0;
}
