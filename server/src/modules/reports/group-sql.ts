// Report lines rolled up in one scan: the totals, then one row per category and one per place (a location the
// lines carry: the items' own, or their cost centre), each group named.
import { sql, type SQL } from 'drizzle-orm';

/** A row of `groupedByCategoryAndPlace`: which roll-up it is, and the category or location it groups. */
export interface GroupKey<Place extends string> {
  dimension: 'total' | 'category' | Place;
  /** A bigint: node-postgres hands it over as a string, PGlite as a number. */
  group_id: number | string | null;
  group_name: string | null;
}

/**
 * The statement's tail after the CTEs that define `lines`: a `grouped` CTE summing `sums` over `lines` by grouping
 * sets, then the groups with their names, totals last. `place.column` is the lines' location id column and
 * `place.dimension` the name its groups go by; both come from code, never from a request.
 */
export function groupedByCategoryAndPlace(
  lines: SQL,
  sums: SQL,
  place: { column: 'location_id' | 'centre_id'; dimension: 'location' | 'cost_centre' },
): SQL {
  const column = sql.raw(place.column);
  const dimension = sql.raw(`'${place.dimension}'`);
  return sql`grouped as (
      select case when grouping(category_id) = 0 then 'category'
          when grouping(${column}) = 0 then ${dimension} else 'total' end as dimension,
        coalesce(category_id, ${column}) as group_id, ${sums}
      from ${lines}
      group by grouping sets ((), (category_id), (${column}))
    )
    select g.*, coalesce(cat.name, loc.name) as group_name
    from grouped g
    left join categories cat on g.dimension = 'category' and cat.id = g.group_id
    left join locations loc on g.dimension = ${dimension} and loc.id = g.group_id
    order by g.dimension, group_name nulls last, g.group_id`;
}
