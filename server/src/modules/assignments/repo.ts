// Check-outs SQL: the assignment rows with the item, person, place or kit they name, and the kit graph.
import { and, asc, desc, eq, getTableColumns, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../../db/connection.ts';
import { checkouts, inventoryItems, locations, users } from '../../db/schema.ts';
import { locationTree, subtreeIds } from '../../db/tree.ts';

export type CheckoutRow = typeof checkouts.$inferSelect;
export type NewCheckout = typeof checkouts.$inferInsert;

const kit = alias(inventoryItems, 'kit');

const detailColumns = {
  ...getTableColumns(checkouts),
  item_sku: inventoryItems.sku,
  item_name: inventoryItems.name,
  item_serial_number: inventoryItems.serial_number,
  assignee_display_name: users.display_name,
  assignee_email: users.email,
  location_name: locations.name,
  kit_sku: kit.sku,
  kit_name: kit.name,
};

export type CheckoutDetail = CheckoutRow & {
  item_sku: string;
  item_name: string;
  item_serial_number: string | null;
  assignee_display_name: string | null;
  assignee_email: string | null;
  location_name: string | null;
  kit_sku: string | null;
  kit_name: string | null;
};

function details(ex: Executor) {
  return ex
    .select(detailColumns)
    .from(checkouts)
    .innerJoin(inventoryItems, eq(inventoryItems.id, checkouts.item_id))
    .leftJoin(users, eq(users.id, checkouts.assignee_user_id))
    .leftJoin(locations, eq(locations.id, checkouts.location_id))
    .leftJoin(kit, eq(kit.id, checkouts.parent_item_id));
}

/** Only items placed inside the caller's subtree; null sees everything. */
function inScope(scopeRootId: number | null): SQL | undefined {
  return scopeRootId === null
    ? undefined
    : sql`${inventoryItems.location_id} in ${subtreeIds(locationTree, scopeRootId)}`;
}

export type State = 'open' | 'returned' | 'all';

function inState(state: State): SQL | undefined {
  if (state === 'open') return isNull(checkouts.checked_in_at);
  return state === 'returned' ? isNotNull(checkouts.checked_in_at) : undefined;
}

export async function findById(ex: Executor, id: number): Promise<CheckoutDetail | undefined> {
  const [row] = await details(ex).where(eq(checkouts.id, id));
  return row;
}

export async function findForUpdate(ex: Executor, id: number): Promise<CheckoutRow | undefined> {
  const [row] = await ex.select().from(checkouts).where(eq(checkouts.id, id)).for('update');
  return row;
}

export async function findOpenForItem(ex: Executor, itemId: number): Promise<CheckoutDetail | undefined> {
  const [row] = await details(ex).where(and(eq(checkouts.item_id, itemId), isNull(checkouts.checked_in_at)));
  return row;
}

export async function insert(ex: Executor, values: NewCheckout): Promise<CheckoutRow> {
  const [row] = await ex.insert(checkouts).values(values).returning();
  return row!;
}

export async function update(ex: Executor, id: number, values: Partial<NewCheckout>): Promise<void> {
  await ex
    .update(checkouts)
    .set({ ...values, version: sql`${checkouts.version} + 1`, updated_at: sql`now()` })
    .where(eq(checkouts.id, id));
}

/** Kit check-outs are serialised, so two of them cannot together close a loop that neither would alone. */
export async function lockKits(ex: Executor): Promise<void> {
  await ex.execute(sql`select pg_advisory_xact_lock(hashtext('checkouts.kits'))`);
}

/** Is `itemId` the kit `parentId` itself, or (through open kit check-outs) the kit it sits in, or above? */
export async function kitContains(ex: Executor, itemId: number, parentId: number): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    ex,
    sql`with recursive up(id, depth) as (
          select ${parentId}::bigint, 0
          union all
          select c.parent_item_id, up.depth + 1 from checkouts c join up on c.item_id = up.id
          where c.checked_in_at is null and c.parent_item_id is not null and up.depth < 100
        )
        select exists(select 1 from up where id = ${itemId}) as found`,
  );
  return row?.found ?? false;
}

/** Newest first, keyset on id. */
export async function list(
  ex: Executor,
  filter: { itemId?: number; userId?: number; state: State; scopeRootId: number | null },
  beforeId: number | undefined,
  limit: number,
): Promise<CheckoutDetail[]> {
  return details(ex)
    .where(
      and(
        filter.itemId === undefined ? undefined : eq(checkouts.item_id, filter.itemId),
        filter.userId === undefined ? undefined : eq(checkouts.assignee_user_id, filter.userId),
        inState(filter.state),
        inScope(filter.scopeRootId),
        beforeId === undefined ? undefined : lt(checkouts.id, beforeId),
      ),
    )
    .orderBy(desc(checkouts.id))
    .limit(limit + 1);
}

/** Still out and expected back before `asOf`. */
export function isOverdue(asOf: Date): SQL {
  return sql`${checkouts.checked_in_at} is null and ${checkouts.expected_checkin} < ${asOf.toISOString()}::timestamptz`;
}

/** Open check-outs expected back before `asOf`, longest overdue first; keyset on (expected_checkin, id). */
export async function overdue(
  ex: Executor,
  asOf: Date,
  scopeRootId: number | null,
  after: { expected: Date; id: number } | undefined,
  limit: number,
): Promise<CheckoutDetail[]> {
  return details(ex)
    .where(
      and(
        isOverdue(asOf),
        inScope(scopeRootId),
        after &&
          sql`(${checkouts.expected_checkin}, ${checkouts.id}) > (${after.expected.toISOString()}::timestamptz, ${after.id})`,
      ),
    )
    .orderBy(asc(checkouts.expected_checkin), asc(checkouts.id))
    .limit(limit + 1);
}
