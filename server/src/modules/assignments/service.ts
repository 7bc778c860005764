// Check-out and check-in: an item has at most one holder at a time (a person, a location or a kit), moves along
// the status lifecycle as it goes out and comes back, and respects other people's reservations. Concurrent
// check-outs of one item queue on the item's row lock; a partial unique index is the database's backstop.
import type { Db, Executor } from '../../db/connection.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/permissions.ts';
import type { Scope } from '../../platform/scope.ts';
import { findPerson } from '../identity/users.ts';
import { changeCustody, findVisibleItem, lockItemForCustody } from '../items/service.ts';
import { openTransferOf } from '../transfers/service.ts';
import { locationVisible } from '../locations/service.ts';
import { assertNotReservedForOthers } from '../reservations/service.ts';
import { describeHolder, presentAssignment } from './presenter.ts';
import * as repo from './repo.ts';
import type { CheckIn, CheckOut } from './schemas.ts';

/** For reports counting overdue check-outs in their own query: the condition on `checkouts`. */
export { isOverdue as overdueCheckoutSql } from './repo.ts';

/** Statuses an item may be handed out from: `deployed` covers items deployed before assignments were kept. */
const checkoutable = new Set(['in_stock', 'deployed']);

function exactlyOneTarget(input: CheckOut): void {
  const given = (['assignee_user_id', 'location_id', 'parent_item_id'] as const).filter(
    (field) => input[field] !== undefined,
  );
  if (given.length !== 1) {
    throw ValidationError.field(
      given[1] ?? 'assignee_user_id',
      'give exactly one of assignee_user_id, location_id or parent_item_id',
    );
  }
}

async function assertPlaceVisible(tx: Executor, scope: Scope, locationId: number): Promise<void> {
  if (!(await locationVisible(tx, scope, locationId))) {
    throw ValidationError.field('location_id', `location ${locationId} does not exist`);
  }
}

/** The person, place or kit the item goes to, checked; answers the holder's label for the item's assigned_to. */
async function checkTarget(tx: Executor, itemId: number, input: CheckOut, scope: Scope) {
  if (input.assignee_user_id !== undefined) {
    const person = await findPerson(tx, input.assignee_user_id);
    if (!person)
      throw ValidationError.field('assignee_user_id', `user ${input.assignee_user_id} does not exist`);
    if (!person.is_active) {
      throw ValidationError.field('assignee_user_id', `user ${input.assignee_user_id} is not active`);
    }
    return { assignedTo: person.email };
  }
  if (input.location_id !== undefined) {
    await assertPlaceVisible(tx, scope, input.location_id);
    return { assignedTo: null };
  }
  const kitId = input.parent_item_id!;
  if (kitId === itemId) throw ValidationError.field('parent_item_id', 'an item cannot be a kit of itself');
  if (!(await findVisibleItem(tx, kitId, scope))) {
    throw ValidationError.field('parent_item_id', `item ${kitId} does not exist`);
  }
  if (await repo.kitContains(tx, itemId, kitId)) {
    throw ValidationError.field(
      'parent_item_id',
      `item ${kitId} is inside this item's kit: that would be a cycle`,
    );
  }
  return { assignedTo: null };
}

/** The check-out itself, inside the caller's transaction (an approved request checks out in its own). */
export async function checkOutInTransaction(
  tx: Executor,
  itemId: number,
  input: CheckOut,
  expectedVersion: number | undefined,
  actor: Actor,
  scope: Scope,
): Promise<number> {
  exactlyOneTarget(input);
  const now = new Date();
  const expected = input.expected_checkin === undefined ? undefined : new Date(input.expected_checkin);
  if (expected && expected <= now) throw ValidationError.field('expected_checkin', 'must be in the future');
  if (input.parent_item_id !== undefined) await repo.lockKits(tx);

  const item = await lockItemForCustody(tx, itemId, scope);
  assertVersion(item.version, expectedVersion);
  const open = await repo.findOpenForItem(tx, itemId);
  if (open) {
    const holder = describeHolder(open);
    throw new ConflictError(`Item ${itemId} is already checked out to ${holder}`, [
      { field: 'item_id', message: `is checked out to ${holder} (assignment ${open.id})` },
    ]);
  }
  if (!checkoutable.has(item.status)) {
    throw ValidationError.field('status', `a ${item.status} item cannot be checked out; it must be in_stock`);
  }
  const transferId = await openTransferOf(tx, itemId);
  if (transferId !== undefined) {
    throw new ConflictError(`Item ${itemId} is in transfer ${transferId}; receive or cancel it first`, [
      { field: 'item_id', message: `is being transferred (transfer ${transferId})` },
    ]);
  }
  const { assignedTo } = await checkTarget(tx, itemId, input, scope);
  await assertNotReservedForOthers(tx, itemId, input.assignee_user_id ?? null, now, expected ?? now);

  const checkout = await repo.insert(tx, {
    item_id: itemId,
    assignee_user_id: input.assignee_user_id ?? null,
    location_id: input.location_id ?? null,
    parent_item_id: input.parent_item_id ?? null,
    checked_out_by: actor.label,
    expected_checkin: expected ?? null,
    checkout_note: input.note ?? null,
  });
  const target = {
    assignee_user_id: checkout.assignee_user_id,
    location_id: checkout.location_id,
    parent_item_id: checkout.parent_item_id,
  };
  // Into a kit, an item keeps its status: it goes out when the kit does.
  await changeCustody(
    tx,
    item,
    {
      status: input.parent_item_id === undefined ? 'deployed' : item.status,
      assigned_to: assignedTo,
      ...(input.location_id !== undefined && { location_id: input.location_id }),
    },
    { action: 'checked_out', notes: input.note ?? null, details: { checkout_id: checkout.id, ...target } },
    actor,
  );
  await recordEvent(tx, {
    type: 'item.checked_out',
    aggregateType: 'item',
    aggregateId: itemId,
    payload: { checkout_id: checkout.id, ...target, expected_checkin: input.expected_checkin ?? null },
  });
  return checkout.id;
}

export async function checkOutItem(
  db: Db,
  itemId: number,
  input: CheckOut,
  expectedVersion: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  const id = await db.transaction((tx) =>
    checkOutInTransaction(tx, itemId, input, expectedVersion, actor, scope),
  );
  return getAssignment(db, id);
}

export async function checkInItem(
  db: Db,
  itemId: number,
  input: CheckIn,
  expectedVersion: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  const id = await db.transaction(async (tx) => {
    const item = await lockItemForCustody(tx, itemId, scope);
    assertVersion(item.version, expectedVersion);
    const open = await repo.findOpenForItem(tx, itemId);
    if (!open) {
      throw new ConflictError(`Item ${itemId} is not checked out`, [
        { field: 'item_id', message: 'is not checked out' },
      ]);
    }
    if (input.location_id !== undefined) await assertPlaceVisible(tx, scope, input.location_id);
    await repo.update(tx, open.id, {
      checked_in_at: new Date(),
      checked_in_by: actor.label,
      checkin_condition: input.condition,
      checkin_location_id: input.location_id ?? null,
      checkin_note: input.note ?? null,
    });
    const fromKit = open.parent_item_id !== null;
    const status = input.condition === 'damaged' ? 'in_repair' : fromKit ? item.status : 'in_stock';
    await changeCustody(
      tx,
      item,
      {
        status,
        assigned_to: null,
        ...(input.location_id !== undefined && { location_id: input.location_id }),
      },
      {
        action: 'checked_in',
        notes: input.note ?? null,
        details: { checkout_id: open.id, condition: input.condition },
      },
      actor,
    );
    await recordEvent(tx, {
      type: 'item.checked_in',
      aggregateType: 'item',
      aggregateId: itemId,
      payload: { checkout_id: open.id, condition: input.condition, location_id: input.location_id ?? null },
    });
    return open.id;
  });
  return getAssignment(db, id);
}

export async function getAssignment(ex: Executor, id: number) {
  const row = await repo.findById(ex, id);
  if (!row) throw new NotFoundError('Assignment', id);
  return presentAssignment(row);
}
