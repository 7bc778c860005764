// Depreciation expense SQL: each item held in the period rolled forward from its opening book value to its
// closing one, every amount rounded to the cent first, so lines, groups and totals add up exactly and the
// expense of a year equals the sum of its months.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { bookValueSql } from '../depreciation/service.ts';
import { groupedByCategoryAndPlace, type GroupKey } from './group-sql.ts';
import { itemConditions, type ItemFilter } from './item-filter.ts';
import type { Period } from './period.ts';

/**
 * `centres(id, centre_id)`: every location with its cost centre, the top-level location above it. A caller
 * limited to a subtree sees their subtree's root as the top: what lies above it is not theirs to see.
 */
function costCentres(scopeRootId: number | null): SQL {
  const roots = scopeRootId === null ? sql`parent_location_id is null` : sql`id = ${scopeRootId}`;
  return sql`centres(id, centre_id) as (
      select id, id from locations where ${roots}
      union all
      select l.id, c.centre_id from locations l join centres c on l.parent_location_id = c.id)`;
}

/**
 * One row per item held at some time in the period (bought by its end, not disposed of before its start),
 * valued as the valuation does: at book value, or at cost when there is no schedule. Bought in the period, it
 * enters at cost (additions); disposed of in it, it leaves at its book value on the disposal day (disposals).
 */
function lines(f: ItemFilter, p: Period): SQL {
  const value = (asOf: string | SQL) => sql`coalesce(round(${bookValueSql(asOf)}, 2), i.purchase_price)`;
  const disposedInPeriod = sql`d.disposed_on <= ${p.to}::date`;
  return sql`with recursive ${costCentres(f.scopeRootId)},
    lines as (
      select i.id, i.sku, i.name, i.category_id, ce.centre_id,
        case when i.purchase_date is null or i.purchase_date < ${p.from}::date
          then ${value(sql`${p.from}::date - 1`)} else 0 end as opening,
        case when i.purchase_date >= ${p.from}::date then i.purchase_price else 0 end as additions,
        case when ${disposedInPeriod} then ${value(sql`d.disposed_on`)} else 0 end as disposals,
        case when ${disposedInPeriod} then 0 else ${value(p.to)} end as closing,
        ${bookValueSql(p.to)} is null as not_depreciated
      from inventory_items i
      left join categories c on c.id = i.category_id
      left join item_disposals d on d.item_id = i.id
      left join centres ce on ce.id = i.location_id
      where i.purchase_price is not null
        and (i.purchase_date is null or i.purchase_date <= ${p.to}::date)
        -- A disposed item without a disposal record (imported that way) counts as gone all along.
        and (i.status <> 'disposed' or d.disposed_on >= ${p.from}::date)
        and ${itemConditions(f)}
    )`;
}

const sums = sql`count(*)::int as items,
  coalesce(sum(opening), 0)::text as opening_book_value,
  coalesce(sum(additions), 0)::text as additions,
  coalesce(sum(opening + additions - disposals - closing), 0)::text as depreciation,
  coalesce(sum(disposals), 0)::text as disposals,
  coalesce(sum(closing), 0)::text as closing_book_value,
  (count(*) filter (where not_depreciated))::int as not_depreciated`;

export interface AmountsRow {
  items: number;
  opening_book_value: string;
  additions: string;
  depreciation: string;
  disposals: string;
  closing_book_value: string;
  not_depreciated: number;
}

export interface GroupRow extends AmountsRow, GroupKey<'cost_centre'> {}

/** The totals, one row per category and one per cost centre, in one scan. */
export async function expenseGroups(ex: Executor, f: ItemFilter, p: Period): Promise<GroupRow[]> {
  return queryRows<GroupRow>(
    ex,
    sql`${lines(f, p)},
      ${groupedByCategoryAndPlace(sql`lines`, sums, { column: 'centre_id', dimension: 'cost_centre' })}`,
  );
}

export interface ItemRow {
  id: number | string;
  sku: string;
  name: string;
  category: string | null;
  cost_centre: string | null;
  opening: string;
  additions: string;
  depreciation: string;
  disposals: string;
  closing: string;
}

/** Up to `limit` item lines after item id `afterId`, in id order. */
export async function expenseItemPage(
  ex: Executor,
  f: ItemFilter,
  p: Period,
  afterId: number | null,
  limit: number,
): Promise<ItemRow[]> {
  return queryRows<ItemRow>(
    ex,
    sql`${lines(f, p)}
      select l.id, l.sku, l.name, cat.name as category, loc.name as cost_centre,
        l.opening::text as opening, l.additions::text as additions,
        (l.opening + l.additions - l.disposals - l.closing)::text as depreciation,
        l.disposals::text as disposals, l.closing::text as closing
      from lines l
      left join categories cat on cat.id = l.category_id
      left join locations loc on loc.id = l.centre_id
      where ${afterId === null ? sql`true` : sql`l.id > ${afterId}`}
      order by l.id
      limit ${limit}`,
  );
}
