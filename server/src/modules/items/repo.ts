// Item rows and their history: SQL only.
import { and, desc, eq, getTableColumns, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { batchedLookup } from '../../db/batched-lookup.ts';
import { preparedFor } from '../../db/prepared.ts';
import { blindIndex } from '../../platform/crypto/field-encryption.ts';
import { assetHistory, checkouts, inventoryItems } from '../../db/schema.ts';

const { search_vector: _searchVector, ...itemColumns } = getTableColumns(inventoryItems);
export { itemColumns };

export type ItemRow = Omit<typeof inventoryItems.$inferSelect, 'search_vector'>;
export type NewItem = typeof inventoryItems.$inferInsert;
export type HistoryRow = typeof assetHistory.$inferSelect;
export type NewHistory = typeof assetHistory.$inferInsert;

const byIds = preparedFor((ex) =>
  ex
    .select(itemColumns)
    .from(inventoryItems)
    .where(sql`${inventoryItems.id} = any(${sql.placeholder('ids')}::bigint[])`)
    .prepare('items_by_ids'),
);

/**
 * The hottest read: a named prepared statement (planned once per connection), and look-ups made at the same
 * moment (concurrent get-by-id requests) sent together as one.
 */
export const findById: (ex: Executor, id: number) => Promise<ItemRow | undefined> = batchedLookup(
  (ex, ids) => byIds(ex).execute({ ids }),
  (row) => row.id,
);

export async function findForUpdate(ex: Executor, id: number): Promise<ItemRow | undefined> {
  const [row] = await ex
    .select(itemColumns)
    .from(inventoryItems)
    .where(eq(inventoryItems.id, id))
    .for('update');
  return row;
}

export async function findIdBySku(ex: Executor, sku: string): Promise<number | undefined> {
  const [row] = await ex
    .select({ id: inventoryItems.id })
    .from(inventoryItems)
    .where(eq(inventoryItems.sku, sku));
  return row?.id;
}

/** The assignee is sealed; its blind index is what look-ups by assignee match. */
const withAssigneeIndex = <T extends Partial<NewItem>>(values: T): T =>
  values.assigned_to === undefined
    ? values
    : { ...values, assigned_to_index: values.assigned_to === null ? null : blindIndex(values.assigned_to) };

export async function insert(ex: Executor, values: NewItem): Promise<ItemRow> {
  const [row] = await ex.insert(inventoryItems).values(withAssigneeIndex(values)).returning(itemColumns);
  return row!;
}

export async function update(ex: Executor, id: number, values: Partial<NewItem>): Promise<ItemRow> {
  const [row] = await ex
    .update(inventoryItems)
    .set({
      ...withAssigneeIndex(values),
      version: sql`${inventoryItems.version} + 1`,
      updated_at: sql`now()`,
    })
    .where(eq(inventoryItems.id, id))
    .returning(itemColumns);
  return row!;
}

export async function remove(ex: Executor, id: number): Promise<void> {
  await ex.delete(inventoryItems).where(eq(inventoryItems.id, id));
}

/** The open check-out of the item, if it is out (the assignments module owns the rows; this only looks). */
export async function openCheckoutId(ex: Executor, itemId: number): Promise<number | undefined> {
  const [row] = await ex
    .select({ id: checkouts.id })
    .from(checkouts)
    .where(and(eq(checkouts.item_id, itemId), isNull(checkouts.checked_in_at)));
  return row?.id;
}

export async function appendHistory(ex: Executor, entry: NewHistory): Promise<void> {
  await ex.insert(assetHistory).values(entry);
}

/** Newest first, keyset on id. */
export async function history(
  ex: Executor,
  itemId: number,
  beforeId: number | undefined,
  limit: number,
): Promise<HistoryRow[]> {
  return ex
    .select()
    .from(assetHistory)
    .where(
      and(
        eq(assetHistory.item_id, itemId),
        beforeId === undefined ? undefined : lt(assetHistory.id, beforeId),
      ),
    )
    .orderBy(desc(assetHistory.id))
    .limit(limit + 1);
}
