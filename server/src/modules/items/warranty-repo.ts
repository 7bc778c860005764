// Warranty SQL: items (not disposed) whose warranty ends within a window, soonest first, keyset on (expiry, id).
import { and, asc, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { inventoryItems } from '../../db/schema.ts';
import { locationTree, subtreeIds } from '../../db/tree.ts';
import { itemColumns, type ItemRow } from './repo.ts';

export type ExpiringRow = ItemRow & { days_left: number };

export async function expiringWithin(
  ex: Executor,
  window: { from: string; days: number; scopeRootId: number | null },
  after: { expiry: string; id: number } | undefined,
  limit: number,
): Promise<ExpiringRow[]> {
  const from = sql`${window.from}::date`;
  return ex
    .select({ ...itemColumns, days_left: sql<number>`(${inventoryItems.warranty_expiry} - ${from})::int` })
    .from(inventoryItems)
    .where(
      and(
        sql`${inventoryItems.warranty_expiry} between ${from} and ${from} + ${window.days}::int`,
        ne(inventoryItems.status, 'disposed'),
        window.scopeRootId === null
          ? undefined
          : sql`${inventoryItems.location_id} in ${subtreeIds(locationTree, window.scopeRootId)}`,
        after &&
          sql`(${inventoryItems.warranty_expiry}, ${inventoryItems.id}) > (${after.expiry}::date, ${after.id}::bigint)`,
      ),
    )
    .orderBy(asc(inventoryItems.warranty_expiry), asc(inventoryItems.id))
    .limit(limit + 1);
}
