// Maintenance report SQL: per item, the work completed in the period (cost, downtime, labour), the time between
// its failures, and its overdue work now; rolled up per category.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { overdueScheduleSql } from '../maintenance/service.ts';
import { itemConditions, type ItemFilter } from './item-filter.ts';
import type { ItemRow } from './item-lines.ts';
import type { Period } from './period.ts';

/**
 * `lines`: one row per item with work completed in the period, a failure in it, or overdue work on `today`.
 * Downtime is each record's start to completion (the item is in repair meanwhile), counted in the period the
 * work was completed. A gap between failures runs from the completion of one corrective record to the start of
 * the item's next one, and counts in the period that next one started.
 */
function lines(f: ItemFilter, p: Period, today: string): SQL {
  const starts = sql`(${p.from}::date)::timestamp at time zone 'UTC'`;
  const ends = sql`(${p.to}::date + 1)::timestamp at time zone 'UTC'`;
  return sql`with items as (
      select i.id, i.category_id from inventory_items i where ${itemConditions(f)}
    ),
    work as (
      select r.item_id, count(*)::int as work_orders,
        (count(*) filter (where r.kind = 'corrective'))::int as corrective,
        sum(r.actual_cost) as cost, sum(r.parts_cost) as parts_cost,
        round(sum(extract(epoch from r.completed_at - r.started_at)) / 3600, 2) as downtime_hours,
        round(coalesce(sum(extract(epoch from r.actual_duration)), 0) / 3600, 2) as labour_hours
      from maintenance_records r join items i on i.id = r.item_id
      where r.completed_at >= ${starts} and r.completed_at < ${ends}
      group by r.item_id
    ),
    failures as (
      select r.item_id, r.started_at,
        lag(r.completed_at) over (partition by r.item_id order by r.started_at, r.id) as previous_completed
      from maintenance_records r join items i on i.id = r.item_id
      where r.kind = 'corrective' and r.started_at < ${ends}
    ),
    gaps as (
      select item_id, count(*)::int as gaps,
        sum(greatest(extract(epoch from started_at - previous_completed), 0)) as gap_seconds
      from failures
      where previous_completed is not null and started_at >= ${starts}
      group by item_id
    ),
    overdue as (
      select item_id, count(*)::int as overdue,
        min(scheduled_date) filter (where recurrence <> 'usage') as oldest_overdue
      from maintenance_schedules
      where ${overdueScheduleSql(today)} and item_id in (select id from items)
      group by item_id
    ),
    lines as (
      select i.id, i.category_id, coalesce(w.work_orders, 0) as work_orders,
        coalesce(w.corrective, 0) as corrective, coalesce(w.cost, 0) as cost,
        coalesce(w.parts_cost, 0) as parts_cost, coalesce(w.downtime_hours, 0) as downtime_hours,
        coalesce(w.labour_hours, 0) as labour_hours, coalesce(g.gaps, 0) as gaps,
        coalesce(g.gap_seconds, 0) as gap_seconds, coalesce(o.overdue, 0) as overdue, o.oldest_overdue
      from items i
      left join work w on w.item_id = i.id
      left join gaps g on g.item_id = i.id
      left join overdue o on o.item_id = i.id
      where w.item_id is not null or g.item_id is not null or o.item_id is not null
    )`;
}

const mtbf = sql`case when sum(gaps) > 0 then round(sum(gap_seconds) / sum(gaps) / 86400, 2)::text end`;

export interface MaintenanceSums {
  items: number;
  work_orders: number;
  corrective: number;
  cost: string;
  parts_cost: string;
  downtime_hours: string;
  labour_hours: string;
  mtbf_days: string | null;
  overdue: number;
}

export interface MaintenanceGroupRow extends MaintenanceSums {
  is_total: boolean;
  /** A bigint: node-postgres hands it over as a string, PGlite as a number. */
  category_id: number | string | null;
  category: string | null;
}

/** The totals and one row per category (the items' own), in one scan. */
export async function maintenanceGroups(
  ex: Executor,
  f: ItemFilter,
  p: Period,
  today: string,
): Promise<MaintenanceGroupRow[]> {
  return queryRows<MaintenanceGroupRow>(
    ex,
    sql`${lines(f, p, today)},
      grouped as (
        select grouping(category_id) = 1 as is_total, category_id, count(*)::int as items,
          sum(work_orders)::int as work_orders, sum(corrective)::int as corrective,
          coalesce(sum(cost), 0)::text as cost, coalesce(sum(parts_cost), 0)::text as parts_cost,
          coalesce(sum(downtime_hours), 0)::text as downtime_hours,
          coalesce(sum(labour_hours), 0)::text as labour_hours,
          ${mtbf} as mtbf_days, coalesce(sum(overdue), 0)::int as overdue
        from lines
        group by grouping sets ((), (category_id))
      )
      select g.*, c.name as category
      from grouped g left join categories c on c.id = g.category_id
      order by g.is_total desc, c.name nulls last, g.category_id`,
  );
}

/** An item's line: the item (without its status) and its figures. */
export interface MaintenanceLineRow extends Omit<ItemRow, 'status'>, Omit<MaintenanceSums, 'items'> {
  oldest_overdue: string | null;
}

/** Up to `limit` item lines after item id `afterId`, in id order. */
export async function maintenancePage(
  ex: Executor,
  f: ItemFilter,
  p: Period,
  today: string,
  afterId: number | null,
  limit: number,
): Promise<MaintenanceLineRow[]> {
  return queryRows<MaintenanceLineRow>(
    ex,
    sql`${lines(f, p, today)}
      select l.id, i.sku, i.name, c.name as category, loc.name as location, l.work_orders, l.corrective,
        l.cost::text as cost, l.parts_cost::text as parts_cost, l.downtime_hours::text as downtime_hours,
        l.labour_hours::text as labour_hours,
        case when l.gaps > 0 then round(l.gap_seconds / l.gaps / 86400, 2)::text end as mtbf_days,
        l.overdue, l.oldest_overdue::text as oldest_overdue
      from lines l
      join inventory_items i on i.id = l.id
      left join categories c on c.id = l.category_id
      left join locations loc on loc.id = i.location_id
      where ${afterId === null ? sql`true` : sql`l.id > ${afterId}`}
      order by l.id
      limit ${limit}`,
  );
}
