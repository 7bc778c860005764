// Reservation rules: an item is held for one person at a time (overlaps are refused, by the database too), only
// for an active person and an item that can still be used; check-out asks here before handing an item to anyone.
import type { Db, Executor } from '../../db/connection.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { BadRequestError, ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { Actor } from '../../platform/permissions.ts';
import type { Scope } from '../../platform/scope.ts';
import { findPerson } from '../identity/users.ts';
import { findVisibleItem, lockItemForCustody } from '../items/service.ts';
import { presentReservation } from './presenter.ts';
import * as repo from './repo.ts';
import type { CreateReservation, UpcomingQuery } from './schemas.ts';

const unusable = new Set(['lost', 'retired', 'disposed']);

function overlapConflict(other: repo.ReservationDetail, field: string): ConflictError {
  const span = `${other.starts_at.toISOString()} to ${other.ends_at.toISOString()}`;
  return new ConflictError(
    `Reservation ${other.id} holds the item for ${other.user_display_name} from ${span}`,
    [{ field, message: `overlaps reservation ${other.id} (${other.user_display_name}, ${span})` }],
  );
}

export async function createReservation(
  db: Db,
  itemId: number,
  input: CreateReservation,
  actor: Actor,
  scope: Scope,
) {
  const startsAt = new Date(input.starts_at);
  const endsAt = new Date(input.ends_at);
  if (endsAt <= startsAt) throw ValidationError.field('ends_at', 'must be after starts_at');
  if (endsAt <= new Date()) throw ValidationError.field('ends_at', 'is in the past');
  const id = await db.transaction(async (tx) => {
    // The item row lock orders this against check-outs and other reservations of the same item.
    const item = await lockItemForCustody(tx, itemId, scope);
    if (unusable.has(item.status))
      throw ValidationError.field('status', `a ${item.status} item cannot be reserved`);
    const person = await findPerson(tx, input.user_id);
    if (!person) throw ValidationError.field('user_id', `user ${input.user_id} does not exist`);
    if (!person.is_active) throw ValidationError.field('user_id', `user ${input.user_id} is not active`);
    const out = await repo.checkoutInTheWay(tx, itemId, input.user_id, startsAt);
    if (out) {
      throw new ConflictError(
        `The item is checked out (assignment ${out.id}) and expected back ${out.expected_checkin!.toISOString()}`,
        [{ field: 'starts_at', message: `is before the item is expected back (assignment ${out.id})` }],
      );
    }
    const clash = await repo.firstOverlapping(tx, itemId, startsAt, endsAt);
    if (clash) throw overlapConflict(clash, 'starts_at');
    const row = await repo.insert(tx, {
      item_id: itemId,
      user_id: input.user_id,
      starts_at: startsAt,
      ends_at: endsAt,
      note: input.note ?? null,
      created_by: actor.label,
    });
    await recordEvent(tx, {
      type: 'reservation.created',
      aggregateType: 'reservation',
      aggregateId: row.id,
      payload: {
        item_id: itemId,
        user_id: input.user_id,
        starts_at: input.starts_at,
        ends_at: input.ends_at,
      },
    });
    return row.id;
  });
  return getReservation(db, id);
}

async function getReservation(ex: Executor, id: number) {
  const row = await repo.findById(ex, id);
  if (!row) throw new NotFoundError('Reservation', id);
  return presentReservation(row);
}

export async function cancelReservation(
  db: Db,
  id: number,
  expectedVersion: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  await db.transaction(async (tx) => {
    const current = await repo.findForUpdate(tx, id);
    if (!current || !(await findVisibleItem(tx, current.item_id, scope)))
      throw new NotFoundError('Reservation', id);
    assertVersion(current.version, expectedVersion);
    if (current.status !== 'active')
      throw new ConflictError(`Reservation ${id} is already ${current.status}`);
    if (current.ends_at <= new Date()) throw new ConflictError(`Reservation ${id} has already ended`);
    await repo.cancel(tx, id, actor.label);
    await recordEvent(tx, {
      type: 'reservation.cancelled',
      aggregateType: 'reservation',
      aggregateId: id,
      payload: { item_id: current.item_id, user_id: current.user_id },
    });
  });
  return getReservation(db, id);
}

export async function listItemReservations(db: Db, itemId: number, scope: Scope) {
  if (!(await findVisibleItem(db, itemId, scope))) throw new NotFoundError('Item', itemId);
  return { data: (await repo.currentForItem(db, itemId, new Date())).map(presentReservation) };
}

function afterCursor(cursor: string): { startsAt: Date; id: number } {
  const [startsAt, id] = decodeCursor(cursor, 2);
  const after = { startsAt: new Date(String(startsAt)), id: Number(id) };
  if (Number.isNaN(after.startsAt.getTime()) || !Number.isSafeInteger(after.id)) {
    throw new BadRequestError('The cursor is not one this listing issued', [
      { field: 'cursor', message: 'is invalid' },
    ]);
  }
  return after;
}

export async function listUpcomingReservations(db: Db, query: UpcomingQuery, scope: Scope) {
  const now = new Date();
  const until = new Date(now.getTime() + query.days * 86_400_000);
  const rows = await repo.startingBetween(
    db,
    now,
    until,
    scope.locationRootId,
    query.cursor === undefined ? undefined : afterCursor(query.cursor),
    query.limit,
  );
  return toPage(rows, query.limit, (r) => [r.starts_at.toISOString(), r.id], presentReservation);
}

/**
 * Check-out asks: is the item reserved for someone other than `holderUserId` at any time in [from, until]?
 * A hand-over to a location or a kit (no holder) is refused during anyone's reservation.
 */
export async function assertNotReservedForOthers(
  tx: Executor,
  itemId: number,
  holderUserId: number | null,
  from: Date,
  until: Date,
): Promise<void> {
  const clash = await repo.firstOverlapping(tx, itemId, from, until, holderUserId ?? undefined);
  if (clash) throw overlapConflict(clash, 'assignee_user_id');
}

/** Records `reservation.upcoming` once per reservation starting within the window; answers how many were new. */
export async function recordUpcomingReservationEvents(
  tx: Executor,
  now: Date,
  within: number,
): Promise<number> {
  let recorded = 0;
  for (let after: { startsAt: Date; id: number } | undefined, more = true; more;) {
    const rows = await repo.startingBetween(tx, now, new Date(now.getTime() + within), null, after, 500);
    for (const row of rows.slice(0, 500)) {
      const isNew = await recordEvent(tx, {
        type: 'reservation.upcoming',
        aggregateType: 'reservation',
        aggregateId: row.id,
        occurrenceKey: `reservation.upcoming:${row.id}`,
        payload: {
          item_id: row.item_id,
          user_id: row.user_id,
          starts_at: row.starts_at.toISOString(),
          ends_at: row.ends_at.toISOString(),
        },
      });
      if (isNew) recorded++;
    }
    const last = rows[Math.min(rows.length, 500) - 1];
    more = rows.length > 500;
    after = last && { startsAt: last.starts_at, id: last.id };
  }
  return recorded;
}
