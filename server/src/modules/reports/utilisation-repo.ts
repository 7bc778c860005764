// Utilisation SQL: for each serial item, the time within the period it was on the books and the part of it it
// was checked out, from the check-out records; how long it has been idle at the period's end.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { groupedByCategoryAndPlace, type GroupKey } from './group-sql.ts';
import { itemConditions, type ItemFilter } from './item-filter.ts';
import type { ItemRow } from './item-lines.ts';
import type { Period } from './period.ts';

const utc = (date: SQL) => sql`(${date})::timestamp at time zone 'UTC'`;

/**
 * `usage`: one row per item held in the period, with seconds available and deployed, check-outs started and idle
 * days at the end. The period ends at the end of `to`, or now if that is sooner. An item is available from its
 * purchase date (else from when it was registered) until its disposal date. Deployed: checked out to a person or
 * a location, or inside a kit while that kit was itself checked out (one level of kit).
 */
function usage(f: ItemFilter, p: Period, idleDays: number | undefined): SQL {
  return sql`with bounds as (
      select ${utc(sql`${p.from}::date`)} as starts, least(${utc(sql`${p.to}::date + 1`)}, now()) as ends
    ),
    held as (
      select i.id, i.category_id, i.location_id, coalesce(${utc(sql`i.purchase_date`)}, i.created_at) as acquired,
        greatest(b.starts, coalesce(${utc(sql`i.purchase_date`)}, i.created_at)) as held_from,
        least(b.ends, coalesce(${utc(sql`d.disposed_on`)}, b.ends)) as held_until
      from inventory_items i
      cross join bounds b
      left join item_disposals d on d.item_id = i.id
      -- A disposed item without a disposal record (imported that way) counts as gone all along.
      where i.tracking = 'serial' and (i.status <> 'disposed' or d.id is not null) and ${itemConditions(f)}
    ),
    deployments as (
      select co.item_id, co.checked_out_at as starts, coalesce(co.checked_in_at, 'infinity') as ends, true as own
      from checkouts co join held h on h.id = co.item_id
      where co.parent_item_id is null
      union all
      select m.item_id, greatest(m.checked_out_at, k.checked_out_at),
        least(coalesce(m.checked_in_at, 'infinity'), coalesce(k.checked_in_at, 'infinity')), false
      from checkouts m join held h on h.id = m.item_id
      join checkouts k on k.item_id = m.parent_item_id and k.parent_item_id is null
        and k.checked_out_at < coalesce(m.checked_in_at, 'infinity')
        and m.checked_out_at < coalesce(k.checked_in_at, 'infinity')
    ),
    totals as (
      select h.id, h.category_id, h.location_id,
        extract(epoch from h.held_until - h.held_from)::numeric as available,
        -- least/greatest skip nulls: an item never out must not count its whole time as deployed.
        coalesce(sum(greatest(extract(epoch from least(dp.ends, h.held_until) - greatest(dp.starts, h.held_from)), 0))
          filter (where dp.item_id is not null), 0)::numeric as deployed,
        (count(dp.item_id) filter (where dp.own and dp.starts >= b.starts))::int as checkouts,
        bool_or(dp.ends > b.ends) as out_at_end,
        greatest(max(dp.ends) filter (where dp.ends <= b.ends), h.acquired) as idle_since,
        b.ends
      from held h
      cross join bounds b
      left join deployments dp on dp.item_id = h.id and dp.starts < b.ends
      where h.held_from < h.held_until
      group by h.id, h.category_id, h.location_id, h.acquired, h.held_from, h.held_until, b.starts, b.ends
    ),
    usage as (
      select id, category_id, location_id, checkouts, available, deployed,
        round(available / 86400, 2) as available_days, round(deployed / 86400, 2) as deployed_days,
        case when coalesce(out_at_end, false) then 0
          else floor(extract(epoch from ends - idle_since) / 86400)::int end as idle_days
      from totals
    )${idleDays === undefined ? sql`` : sql`, idle as (select * from usage where idle_days >= ${idleDays})`}`;
}

/** The usage rows, narrowed to the idle ones when `idle_days` is asked for. */
const usageRows = (idleDays: number | undefined) => (idleDays === undefined ? sql`usage` : sql`idle`);

const sums = sql`count(*)::int as items,
  coalesce(sum(available_days), 0)::text as available_days,
  coalesce(sum(deployed_days), 0)::text as deployed_days,
  case when sum(available) > 0 then round(100 * sum(deployed) / sum(available), 2)::text end as utilisation_percent,
  coalesce(sum(checkouts), 0)::int as checkouts`;

export interface UsageSums {
  items: number;
  available_days: string;
  deployed_days: string;
  utilisation_percent: string | null;
  checkouts: number;
}

export interface UsageGroupRow extends UsageSums, GroupKey<'location'> {}

/** The totals, one row per category and one per location (the items' own), in one scan. */
export async function utilisationGroups(
  ex: Executor,
  f: ItemFilter,
  p: Period,
  idleDays: number | undefined,
): Promise<UsageGroupRow[]> {
  return queryRows<UsageGroupRow>(
    ex,
    sql`${usage(f, p, idleDays)},
      ${groupedByCategoryAndPlace(usageRows(idleDays), sums, { column: 'location_id', dimension: 'location' })}`,
  );
}

export interface UsageLineRow extends ItemRow {
  available_days: string;
  deployed_days: string;
  utilisation_percent: string | null;
  checkouts: number;
  idle_days: number;
}

/** Up to `limit` item lines after item id `afterId`, in id order. */
export async function utilisationPage(
  ex: Executor,
  f: ItemFilter,
  p: Period,
  idleDays: number | undefined,
  afterId: number | null,
  limit: number,
): Promise<UsageLineRow[]> {
  return queryRows<UsageLineRow>(
    ex,
    sql`${usage(f, p, idleDays)}
      select u.id, i.sku, i.name, i.status, cat.name as category, loc.name as location,
        u.available_days::text as available_days, u.deployed_days::text as deployed_days,
        case when u.available > 0 then round(100 * u.deployed / u.available, 2)::text end as utilisation_percent,
        u.checkouts, u.idle_days
      from ${usageRows(idleDays)} u
      join inventory_items i on i.id = u.id
      left join categories cat on cat.id = u.category_id
      left join locations loc on loc.id = u.location_id
      where ${afterId === null ? sql`true` : sql`u.id > ${afterId}`}
      order by u.id
      limit ${limit}`,
  );
}
