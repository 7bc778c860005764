// Item requests SQL.
import { and, desc, eq, getTableColumns, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/connection.ts';
import { categories, checkouts, inventoryItems, itemRequests, users } from '../../db/schema.ts';

export type RequestRow = typeof itemRequests.$inferSelect;
export type RequestDetail = RequestRow & {
  requester_display_name: string;
  requester_email: string;
  item_sku: string | null;
  item_name: string | null;
  category_name: string | null;
  approved_item_id: number | null;
  approved_item_sku: string | null;
  approved_item_name: string | null;
};

// Named, so that a requester who may not read the catalogue still sees what they asked for and what they got.
const requested = alias(inventoryItems, 'requested');
const approved = alias(inventoryItems, 'approved');

function details(ex: Executor) {
  return ex
    .select({
      ...getTableColumns(itemRequests),
      requester_display_name: users.display_name,
      requester_email: users.email,
      item_sku: requested.sku,
      item_name: requested.name,
      category_name: categories.name,
      approved_item_id: checkouts.item_id,
      approved_item_sku: approved.sku,
      approved_item_name: approved.name,
    })
    .from(itemRequests)
    .innerJoin(users, eq(users.id, itemRequests.requester_user_id))
    .leftJoin(requested, eq(requested.id, itemRequests.item_id))
    .leftJoin(categories, eq(categories.id, itemRequests.category_id))
    .leftJoin(checkouts, eq(checkouts.id, itemRequests.checkout_id))
    .leftJoin(approved, eq(approved.id, checkouts.item_id));
}

export async function findById(ex: Executor, id: number): Promise<RequestDetail | undefined> {
  const [row] = await details(ex).where(eq(itemRequests.id, id));
  return row;
}

export async function findForUpdate(ex: Executor, id: number): Promise<RequestRow | undefined> {
  const [row] = await ex.select().from(itemRequests).where(eq(itemRequests.id, id)).for('update');
  return row;
}

export async function insert(ex: Executor, values: typeof itemRequests.$inferInsert): Promise<RequestRow> {
  const [row] = await ex.insert(itemRequests).values(values).returning();
  return row!;
}

export async function update(
  ex: Executor,
  id: number,
  values: Partial<typeof itemRequests.$inferInsert>,
): Promise<void> {
  await ex
    .update(itemRequests)
    .set({ ...values, version: sql`${itemRequests.version} + 1`, updated_at: sql`now()` })
    .where(eq(itemRequests.id, id));
}

/** Newest first, keyset on id. */
export async function list(
  ex: Executor,
  filter: { requesterId?: number; status?: string },
  beforeId: number | undefined,
  limit: number,
): Promise<RequestDetail[]> {
  return details(ex)
    .where(
      and(
        filter.requesterId === undefined ? undefined : eq(itemRequests.requester_user_id, filter.requesterId),
        filter.status === undefined ? undefined : eq(itemRequests.status, filter.status),
        beforeId === undefined ? undefined : lt(itemRequests.id, beforeId),
      ),
    )
    .orderBy(desc(itemRequests.id))
    .limit(limit + 1);
}
