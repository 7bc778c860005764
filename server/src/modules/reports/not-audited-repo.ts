// Not-audited SQL: items in use (tracked one by one, not disposed) no physical audit has scanned since a date,
// keyset paged by id.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { itemConditions, type ItemFilter } from './item-filter.ts';
import type { ItemRow } from './item-lines.ts';

export interface NotAuditedFilter extends ItemFilter {
  since: string;
}

export interface NotAuditedRow extends ItemRow {
  last_audited_at: Date | string | null;
}

function conditions(f: NotAuditedFilter): SQL {
  return sql`i.tracking = 'serial' and i.status <> 'disposed'
    and (i.last_audited_at is null or i.last_audited_at < ${f.since}::date) and ${itemConditions(f)}`;
}

/** Up to `limit` lines after item id `afterId`, in id order. */
export async function notAuditedPage(
  ex: Executor,
  f: NotAuditedFilter,
  afterId: number | null,
  limit: number,
): Promise<NotAuditedRow[]> {
  const after = afterId === null ? sql`` : sql` and i.id > ${afterId}`;
  return queryRows<NotAuditedRow>(
    ex,
    sql`select i.id, i.sku, i.name, i.status, c.name as category, l.name as location, i.last_audited_at
      from inventory_items i
      left join categories c on c.id = i.category_id
      left join locations l on l.id = i.location_id
      where ${conditions(f)}${after}
      order by i.id limit ${limit}`,
  );
}

export async function notAuditedCount(ex: Executor, f: NotAuditedFilter): Promise<number> {
  const [row] = await queryRows<{ items: number }>(
    ex,
    sql`select count(*)::int as items from inventory_items i where ${conditions(f)}`,
  );
  return row?.items ?? 0;
}
