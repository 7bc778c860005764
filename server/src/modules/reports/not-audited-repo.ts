// Not-audited SQL: items in use (tracked one by one, not disposed) no physical audit has scanned since a date,
// keyset paged by id.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { categoryTree, locationTree, subtreeIds } from '../../db/tree.ts';
import type { ItemRow } from './item-lines.ts';

export interface NotAuditedFilter {
  since: string;
  scopeRootId: number | null;
  locationId?: number | undefined;
  categoryId?: number | undefined;
  supplierId?: number | undefined;
  status?: string | undefined;
}

export interface NotAuditedRow extends ItemRow {
  last_audited_at: Date | string | null;
}

function conditions(f: NotAuditedFilter): SQL {
  const all: SQL[] = [
    sql`i.tracking = 'serial'`,
    sql`i.status <> 'disposed'`,
    sql`(i.last_audited_at is null or i.last_audited_at < ${f.since}::date)`,
  ];
  if (f.scopeRootId !== null) all.push(sql`i.location_id in ${subtreeIds(locationTree, f.scopeRootId)}`);
  if (f.locationId) all.push(sql`i.location_id in ${subtreeIds(locationTree, f.locationId)}`);
  if (f.categoryId) all.push(sql`i.category_id in ${subtreeIds(categoryTree, f.categoryId)}`);
  if (f.supplierId) all.push(sql`i.supplier_id = ${f.supplierId}`);
  if (f.status) all.push(sql`i.status = ${f.status}`);
  return sql.join(all, sql` and `);
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
