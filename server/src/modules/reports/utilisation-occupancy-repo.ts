// Location occupancy SQL: items held now, and at each month end, rebuilt from the item history, where every
// change of an item's location is recorded with its before and after.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { locationTree, subtreeIds } from '../../db/tree.ts';
import { itemConditions, type ItemFilter } from './item-filter.ts';

/**
 * `stays(item_id, location_id, starts, ends)`: where each counted item was, from when until when. Before its first
 * recorded move an item was where that move took it from (or, never moved, where it is now); after each move,
 * where the move took it. Items deleted since are not counted: their rows are gone.
 */
function stays(counted: SQL): SQL {
  return sql`moves as (
      select h.item_id, h.created_at as at,
        (h.additional_data #>> '{changes,location_id,before}')::bigint as before_location,
        (h.additional_data #>> '{changes,location_id,after}')::bigint as after_location,
        row_number() over w as n, lead(h.created_at) over w as next_at
      from asset_history h join inventory_items i on i.id = h.item_id
      where h.additional_data -> 'changes' -> 'location_id' is not null and ${counted}
      window w as (partition by h.item_id order by h.created_at, h.id)
    ),
    stays as (
      select i.id as item_id, case when m.item_id is null then i.location_id else m.before_location end as location_id,
        i.created_at as starts, coalesce(m.at, 'infinity') as ends
      from inventory_items i left join moves m on m.item_id = i.id and m.n = 1
      where ${counted}
      union all
      select item_id, after_location, at, coalesce(next_at, 'infinity') from moves
    )`;
}

export interface OccupancyRow {
  /** A bigint: node-postgres hands it over as a string, PGlite as a number. */
  id: number | string;
  name: string;
  capacity: number | null;
  occupancy: number;
  /** Items there at the end of each month end asked for, in that order. */
  trend: number[];
}

/**
 * Locations in the scope and filter's subtrees (a page of them after id `afterId`, or all), with the items of the
 * filter's category, supplier and status there now and at the end of each of `monthEnds`.
 */
function occupancy(
  f: ItemFilter,
  monthEnds: string[],
  page: { afterId: number | null; limit: number } | null,
) {
  const counted = itemConditions({ ...f, scopeRootId: null, locationId: undefined });
  const within: SQL[] = [sql`true`];
  if (f.scopeRootId !== null) within.push(sql`l.id in ${subtreeIds(locationTree, f.scopeRootId)}`);
  if (f.locationId) within.push(sql`l.id in ${subtreeIds(locationTree, f.locationId)}`);
  if (page && page.afterId !== null) within.push(sql`l.id > ${page.afterId}`);
  const points = monthEnds.length
    ? sql`select * from (values ${sql.join(
        monthEnds.map((day, n) => sql`(${n}::int, (${day}::date + 1)::timestamp at time zone 'UTC')`),
        sql`, `,
      )}) p(n, at)`
    : sql`select 0 as n, now() as at where false`;
  return sql`with places as (
      select l.id, l.name, l.capacity from locations l
      where ${sql.join(within, sql` and `)}
      order by l.id ${page ? sql`limit ${page.limit}` : sql``}
    ),
    ${stays(counted)},
    points as (${points}),
    counts as (
      select s.location_id, p.n, count(*)::int as items
      from stays s join points p on s.starts <= p.at and s.ends > p.at
      where s.location_id in (select id from places)
      group by s.location_id, p.n
    ),
    occupancy as (
      select pl.id, pl.name, pl.capacity,
        (select count(*)::int from inventory_items i where i.location_id = pl.id and ${counted}) as occupancy,
        (select coalesce(json_agg(coalesce(c.items, 0) order by p.n), '[]'::json)
          from points p left join counts c on c.location_id = pl.id and c.n = p.n) as trend
      from places pl
    )`;
}

export async function occupancyPage(
  ex: Executor,
  f: ItemFilter,
  monthEnds: string[],
  afterId: number | null,
  limit: number,
): Promise<OccupancyRow[]> {
  return queryRows<OccupancyRow>(
    ex,
    sql`${occupancy(f, monthEnds, { afterId, limit })} select * from occupancy order by id`,
  );
}

export interface OccupancyTotalsRow {
  locations: number;
  /** Of the locations that have a capacity. */
  capacity: number | null;
  occupancy: number;
  trend: number[];
}

/** Every location's figures added up: capacity (of those that have one), items now and at each month end. */
export async function occupancyTotals(
  ex: Executor,
  f: ItemFilter,
  monthEnds: string[],
): Promise<OccupancyTotalsRow> {
  const [row] = await queryRows<OccupancyTotalsRow>(
    ex,
    sql`${occupancy(f, monthEnds, null)}
      select count(*)::int as locations, sum(capacity)::int as capacity,
        coalesce(sum(occupancy), 0)::int as occupancy,
        (select coalesce(json_agg(coalesce(c.items, 0) order by p.n), '[]'::json)
          from points p left join (select n, sum(items)::int as items from counts group by n) c on c.n = p.n) as trend
      from occupancy`,
  );
  return row!;
}
