// Reservations SQL. The no-overlap rule lives in the database (EXCLUDE constraint, migration 0008).
import { and, asc, eq, getTableColumns, gt, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { checkouts, inventoryItems, reservations, users } from '../../db/schema.ts';
import { locationTree, subtreeIds } from '../../db/tree.ts';

export type ReservationRow = typeof reservations.$inferSelect;
export type ReservationDetail = ReservationRow & {
  item_sku: string;
  item_name: string;
  user_display_name: string;
  user_email: string;
};

const detailColumns = {
  ...getTableColumns(reservations),
  item_sku: inventoryItems.sku,
  item_name: inventoryItems.name,
  user_display_name: users.display_name,
  user_email: users.email,
};

function details(ex: Executor) {
  return ex
    .select(detailColumns)
    .from(reservations)
    .innerJoin(inventoryItems, eq(inventoryItems.id, reservations.item_id))
    .innerJoin(users, eq(users.id, reservations.user_id));
}

/** Only items placed inside the caller's subtree; null sees everything. */
function inScope(scopeRootId: number | null): SQL | undefined {
  return scopeRootId === null
    ? undefined
    : sql`${inventoryItems.location_id} in ${subtreeIds(locationTree, scopeRootId)}`;
}

const active = eq(reservations.status, 'active');
/** Half-open like the EXCLUDE constraint; a single instant (from = until) is the closed point range. */
function overlaps(from: Date, until: Date): SQL {
  const bounds = until > from ? '[)' : '[]';
  return sql`tstzrange(${reservations.starts_at}, ${reservations.ends_at}, '[)') && tstzrange(${from.toISOString()}::timestamptz, ${until.toISOString()}::timestamptz, ${bounds})`;
}

export async function findById(ex: Executor, id: number): Promise<ReservationDetail | undefined> {
  const [row] = await details(ex).where(eq(reservations.id, id));
  return row;
}

export async function findForUpdate(ex: Executor, id: number): Promise<ReservationRow | undefined> {
  const [row] = await ex.select().from(reservations).where(eq(reservations.id, id)).for('update');
  return row;
}

export async function insert(
  ex: Executor,
  values: typeof reservations.$inferInsert,
): Promise<ReservationRow> {
  const [row] = await ex.insert(reservations).values(values).returning();
  return row!;
}

export async function cancel(ex: Executor, id: number, by: string): Promise<void> {
  await ex
    .update(reservations)
    .set({
      status: 'cancelled',
      cancelled_at: sql`now()`,
      cancelled_by: by,
      version: sql`${reservations.version} + 1`,
      updated_at: sql`now()`,
    })
    .where(eq(reservations.id, id));
}

/** The first active reservation of the item that overlaps [from, until], optionally ignoring one person's. */
export async function firstOverlapping(
  ex: Executor,
  itemId: number,
  from: Date,
  until: Date,
  exceptUserId?: number,
): Promise<ReservationDetail | undefined> {
  const [row] = await details(ex)
    .where(
      and(
        eq(reservations.item_id, itemId),
        active,
        overlaps(from, until),
        exceptUserId === undefined ? undefined : ne(reservations.user_id, exceptUserId),
      ),
    )
    .orderBy(asc(reservations.starts_at))
    .limit(1);
  return row;
}

/** Active reservations of an item that have not ended, soonest first. */
export async function currentForItem(ex: Executor, itemId: number, now: Date): Promise<ReservationDetail[]> {
  return details(ex)
    .where(and(eq(reservations.item_id, itemId), active, gt(reservations.ends_at, now)))
    .orderBy(asc(reservations.starts_at), asc(reservations.id))
    .limit(500);
}

/** Active reservations starting in [from, until), keyset-paged on (starts_at, id). */
export async function startingBetween(
  ex: Executor,
  from: Date,
  until: Date,
  scopeRootId: number | null,
  after: { startsAt: Date; id: number } | undefined,
  limit: number,
): Promise<ReservationDetail[]> {
  return details(ex)
    .where(
      and(
        active,
        sql`${reservations.starts_at} >= ${from.toISOString()}::timestamptz`,
        lt(reservations.starts_at, until),
        inScope(scopeRootId),
        after &&
          sql`(${reservations.starts_at}, ${reservations.id}) > (${after.startsAt.toISOString()}::timestamptz, ${after.id})`,
      ),
    )
    .orderBy(asc(reservations.starts_at), asc(reservations.id))
    .limit(limit + 1);
}

/**
 * An open check-out of the item to anyone but `userId` that is expected back after `startsAt`: it would still be
 * out when the reservation begins. (One with no expected return is not assumed to last forever.)
 */
export async function checkoutInTheWay(ex: Executor, itemId: number, userId: number, startsAt: Date) {
  const [row] = await ex
    .select({ id: checkouts.id, expected_checkin: checkouts.expected_checkin })
    .from(checkouts)
    .where(
      and(
        eq(checkouts.item_id, itemId),
        sql`${checkouts.checked_in_at} is null`,
        sql`${checkouts.assignee_user_id} is distinct from ${userId}`,
        gt(checkouts.expected_checkin, startsAt),
      ),
    );
  return row;
}
