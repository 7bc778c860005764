// Transfers SQL: the transfer rows, their items with where each came from, what is on its way to a location,
// and the listings (newest first, keyset on id).
import { and, desc, eq, getTableColumns, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../../db/connection.ts';
import { inventoryItems, locations, transferItems, transfers } from '../../db/schema.ts';
import { locationTree, subtreeIds } from '../../db/tree.ts';

export type TransferRow = typeof transfers.$inferSelect;
export type NewTransfer = typeof transfers.$inferInsert;
export type TransferDetail = TransferRow & { to_location_name: string };

export interface TransferItemDetail {
  transfer_id: number;
  item_id: number;
  sku: string;
  name: string;
  from_location_id: number | null;
  from_location_name: string | null;
}

const source = alias(locations, 'source');

function details(ex: Executor) {
  return ex
    .select({ ...getTableColumns(transfers), to_location_name: locations.name })
    .from(transfers)
    .innerJoin(locations, eq(locations.id, transfers.to_location_id));
}

/** Transfers with either end inside the subtree: the destination, or where any of its items came from. */
function touching(rootId: number, subtree: boolean): SQL {
  const ids = subtree ? subtreeIds(locationTree, rootId) : sql`(${rootId})`;
  return sql`(${transfers.to_location_id} in ${ids} or exists (
    select 1 from transfer_items ti where ti.transfer_id = ${transfers.id} and ti.from_location_id in ${ids}))`;
}

function leaving(locationId: number): SQL {
  return sql`exists (select 1 from transfer_items ti
    where ti.transfer_id = ${transfers.id} and ti.from_location_id = ${locationId})`;
}

export async function findById(
  ex: Executor,
  id: number,
  scopeRootId: number | null,
): Promise<TransferDetail | undefined> {
  const [row] = await details(ex).where(
    and(eq(transfers.id, id), scopeRootId === null ? undefined : touching(scopeRootId, true)),
  );
  return row;
}

export async function findForUpdate(ex: Executor, id: number): Promise<TransferRow | undefined> {
  const [row] = await ex.select().from(transfers).where(eq(transfers.id, id)).for('update');
  return row;
}

export async function insert(ex: Executor, values: NewTransfer): Promise<TransferRow> {
  const [row] = await ex.insert(transfers).values(values).returning();
  return row!;
}

export async function update(ex: Executor, id: number, values: Partial<NewTransfer>): Promise<void> {
  await ex
    .update(transfers)
    .set({ ...values, version: sql`${transfers.version} + 1`, updated_at: sql`now()` })
    .where(eq(transfers.id, id));
}

export async function insertItems(
  ex: Executor,
  transferId: number,
  items: { item_id: number; from_location_id: number | null }[],
): Promise<void> {
  await ex.insert(transferItems).values(items.map((item) => ({ transfer_id: transferId, ...item })));
}

/** A received or cancelled transfer no longer holds its items: they are free to move again. */
export async function closeItems(ex: Executor, transferId: number): Promise<void> {
  await ex
    .update(transferItems)
    .set({ closed_at: sql`now()` })
    .where(and(eq(transferItems.transfer_id, transferId), isNull(transferItems.closed_at)));
}

/** The transfers' items in the order they were asked for, each with the place it left (or is leaving). */
export async function itemsOf(ex: Executor, transferIds: number[]): Promise<TransferItemDetail[]> {
  if (!transferIds.length) return [];
  return ex
    .select({
      transfer_id: transferItems.transfer_id,
      item_id: transferItems.item_id,
      sku: inventoryItems.sku,
      name: inventoryItems.name,
      from_location_id: transferItems.from_location_id,
      from_location_name: source.name,
    })
    .from(transferItems)
    .innerJoin(inventoryItems, eq(inventoryItems.id, transferItems.item_id))
    .leftJoin(source, eq(source.id, transferItems.from_location_id))
    .where(inArray(transferItems.transfer_id, transferIds))
    .orderBy(transferItems.id);
}

/** The open transfer each of these items is in, if any. */
export async function openTransfersOf(
  ex: Executor,
  itemIds: number[],
): Promise<{ item_id: number; transfer_id: number }[]> {
  return ex
    .select({ item_id: transferItems.item_id, transfer_id: transferItems.transfer_id })
    .from(transferItems)
    .where(and(inArray(transferItems.item_id, itemIds), isNull(transferItems.closed_at)));
}

/** Items in open transfers (requested or in transit) to the location: room they have already been promised. */
export async function countOnTheirWay(
  ex: Executor,
  locationId: number,
  exceptTransferId = 0,
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    ex,
    sql`select count(*)::int as n from transfer_items ti join transfers t on t.id = ti.transfer_id
        where t.to_location_id = ${locationId} and ti.closed_at is null and t.id <> ${exceptTransferId}`,
  );
  return row?.n ?? 0;
}

export interface ListFilter {
  state?: string | undefined;
  itemId?: number | undefined;
  /** Transfers from or to exactly this location. */
  locationId?: number | undefined;
  direction?: 'incoming' | 'outgoing' | undefined;
  scopeRootId: number | null;
}

function directionCondition(filter: ListFilter): SQL | undefined {
  const at = filter.locationId;
  if (at === undefined) return undefined;
  if (filter.direction === 'incoming') return eq(transfers.to_location_id, at);
  if (filter.direction === 'outgoing') return and(ne(transfers.to_location_id, at), leaving(at));
  return touching(at, false);
}

export async function list(
  ex: Executor,
  filter: ListFilter,
  beforeId: number | undefined,
  limit: number,
): Promise<TransferDetail[]> {
  return details(ex)
    .where(
      and(
        filter.state === undefined ? undefined : eq(transfers.state, filter.state),
        filter.itemId === undefined
          ? undefined
          : sql`exists (select 1 from transfer_items ti
              where ti.transfer_id = ${transfers.id} and ti.item_id = ${filter.itemId})`,
        directionCondition(filter),
        filter.scopeRootId === null ? undefined : touching(filter.scopeRootId, true),
        beforeId === undefined ? undefined : lt(transfers.id, beforeId),
      ),
    )
    .orderBy(desc(transfers.id))
    .limit(limit + 1);
}
