// Transfers between locations: requested → in_transit → received, or cancelled before arrival, with who and when
// at each step. A request moves all its items or none; an item is in at most one open transfer (a partial unique
// index backs the check) and never while checked out. Items stay at their source until received. The
// destination's room counts what it holds plus everything already on its way there, checked on request and on
// receipt with the location row locked, unless someone overrides it with a reason.
import type { Db, Executor } from '../../db/connection.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/permissions.ts';
import { everywhere, type Scope } from '../../platform/scope.ts';
import { changeCustody, lockItemForCustody, noteItemHistory, openCheckoutOf } from '../items/service.ts';
import { locationVisible, lockForIntake } from '../locations/service.ts';
import { getTransfer } from './listings.ts';
import * as repo from './repo.ts';
import type { CancelTransfer, CreateTransfer, DispatchTransfer, ReceiveTransfer } from './schemas.ts';

type LockedItem = Awaited<ReturnType<typeof lockItemForCustody>>;
type Step = 'dispatched' | 'received' | 'cancelled';

const movableFrom: Record<Step, readonly string[]> = {
  dispatched: ['requested'],
  received: ['in_transit'],
  cancelled: ['requested', 'in_transit'],
};
const unmovable = new Set(['lost', 'disposed']);
const itemField = (index: number) => `item_ids.${index}`;

/** Locks the visible transfer for a step, refusing a stale version (412) or a step its state forbids (409). */
async function lockTransfer(tx: Executor, id: number, step: Step, version: number | undefined, scope: Scope) {
  if (!(await repo.findById(tx, id, scope.locationRootId))) throw new NotFoundError('Transfer', id);
  const row = (await repo.findForUpdate(tx, id))!;
  assertVersion(row.version, version);
  const allowed = movableFrom[step];
  if (!allowed.includes(row.state)) {
    throw new ConflictError(`Transfer ${id} is ${row.state}; it cannot be ${step}`, [
      { field: 'state', message: `is ${row.state}: only a ${allowed.join(' or ')} transfer can be ${step}` },
    ]);
  }
  return row;
}

/** Items locked in id order, so transfers sharing items queue instead of deadlocking; unknown ones reported. */
async function lockItems(tx: Executor, itemIds: number[], scope: Scope) {
  const locked = new Map<number, LockedItem>();
  for (const id of [...new Set(itemIds)].sort((a, b) => a - b)) {
    try {
      locked.set(id, await lockItemForCustody(tx, id, scope));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return locked;
}

/** Checked-out items cannot travel: one conflict per item, named by its place in the list. */
async function checkedOutConflicts(tx: Executor, itemIds: number[]): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [index, id] of itemIds.entries()) {
    const checkoutId = await openCheckoutOf(tx, id);
    if (checkoutId !== undefined) {
      errors.push({
        field: itemField(index),
        message: `item ${id} is checked out (assignment ${checkoutId}); check it in first`,
      });
    }
  }
  return errors;
}

function refuseConflicts(errors: FieldError[], what: string): void {
  if (errors.length) throw new ConflictError(`${what}: ${errors.map((e) => e.message).join('; ')}`, errors);
}

/** Room at the destination for `incoming` more, counting what is on its way there; refused unless overridden. */
async function assertRoomAt(
  tx: Executor,
  locationId: number,
  incoming: number,
  override: string | null,
  exceptTransferId?: number,
): Promise<void> {
  const place = await lockForIntake(tx, locationId, 'to_location_id');
  if (place.capacity === null || override !== null) return;
  const onTheirWay = await repo.countOnTheirWay(tx, locationId, exceptTransferId);
  if (place.held + onTheirWay + incoming > place.capacity) {
    const load = `holds ${place.held}, ${onTheirWay} more are on their way, capacity ${place.capacity}`;
    throw new ConflictError(`${place.name} has no room for ${incoming} more items: it ${load}`, [
      {
        field: 'to_location_id',
        message: `location ${locationId} has no room (it ${load}); give capacity_override with a reason to send them anyway`,
      },
    ]);
  }
}

function checkRequestedItems(input: CreateTransfer, locked: Map<number, LockedItem>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [index, id] of input.item_ids.entries()) {
    const item = locked.get(id);
    const problem =
      input.item_ids.indexOf(id) !== index
        ? `item ${id} is listed twice`
        : !item
          ? `item ${id} does not exist`
          : unmovable.has(item.status)
            ? `item ${id} is ${item.status} and cannot be transferred`
            : item.location_id === input.to_location_id
              ? `item ${id} is already at location ${input.to_location_id}`
              : undefined;
    if (problem) errors.push({ field: itemField(index), message: problem });
  }
  return errors;
}

/** The open (requested or in transit) transfer an item is in, if any: it may not change hands meanwhile. */
export async function openTransferOf(ex: Executor, itemId: number): Promise<number | undefined> {
  const [open] = await repo.openTransfersOf(ex, [itemId]);
  return open?.transfer_id;
}

export async function requestTransfer(db: Db, input: CreateTransfer, actor: Actor, scope: Scope) {
  const to = input.to_location_id;
  const override = input.capacity_override?.reason ?? null;
  const id = await db.transaction(async (tx) => {
    if (!(await locationVisible(tx, scope, to))) {
      throw ValidationError.field('to_location_id', `location ${to} does not exist`);
    }
    const locked = await lockItems(tx, input.item_ids, scope);
    const invalid = checkRequestedItems(input, locked);
    if (invalid.length) throw new ValidationError(invalid);
    const busy = await checkedOutConflicts(tx, input.item_ids);
    for (const open of await repo.openTransfersOf(tx, input.item_ids)) {
      const index = input.item_ids.indexOf(open.item_id);
      busy.push({
        field: itemField(index),
        message: `item ${open.item_id} is already in transfer ${open.transfer_id}`,
      });
    }
    refuseConflicts(busy, 'Some items cannot be transferred now');
    await assertRoomAt(tx, to, input.item_ids.length, override);

    const transfer = await repo.insert(tx, {
      to_location_id: to,
      note: input.note ?? null,
      capacity_override_reason: override,
      requested_by: actor.label,
    });
    const moves = input.item_ids.map((itemId) => ({
      item_id: itemId,
      from_location_id: locked.get(itemId)!.location_id,
    }));
    await repo.insertItems(tx, transfer.id, moves);
    for (const move of moves) {
      await noteItemHistory(
        tx,
        move.item_id,
        {
          action: 'transfer_requested',
          details: {
            transfer_id: transfer.id,
            from_location_id: move.from_location_id,
            to_location_id: to,
            note: input.note ?? null,
            ...(override !== null && { capacity_override: { reason: override } }),
          },
        },
        actor,
      );
    }
    await recordEvent(tx, {
      type: 'transfer.requested',
      aggregateType: 'transfer',
      aggregateId: transfer.id,
      payload: { to_location_id: to, items: moves, capacity_override_reason: override },
    });
    return transfer.id;
  });
  return getTransfer(db, id, scope);
}

/** Notes the step on every item of the transfer and records its event. */
async function recordStep(
  tx: Executor,
  transfer: repo.TransferRow,
  step: Step,
  itemIds: number[],
  details: Record<string, unknown>,
  actor: Actor,
): Promise<void> {
  for (const itemId of itemIds) {
    await noteItemHistory(
      tx,
      itemId,
      { action: `transfer_${step}`, details: { transfer_id: transfer.id, ...details } },
      actor,
    );
  }
  await recordEvent(tx, {
    type: `transfer.${step}`,
    aggregateType: 'transfer',
    aggregateId: transfer.id,
    payload: { to_location_id: transfer.to_location_id, item_ids: itemIds, ...details },
  });
}

async function itemIdsOf(tx: Executor, transferId: number): Promise<number[]> {
  return (await repo.itemsOf(tx, [transferId])).map((i) => i.item_id);
}

export async function dispatchTransfer(
  db: Db,
  id: number,
  input: DispatchTransfer,
  version: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  await db.transaction(async (tx) => {
    const transfer = await lockTransfer(tx, id, 'dispatched', version, scope);
    const itemIds = await itemIdsOf(tx, id);
    await lockItems(tx, itemIds, everywhere);
    refuseConflicts(await checkedOutConflicts(tx, itemIds), `Transfer ${id} cannot leave`);
    await repo.update(tx, id, { state: 'in_transit', dispatched_by: actor.label, dispatched_at: new Date() });
    await recordStep(tx, transfer, 'dispatched', itemIds, { note: input.note ?? null }, actor);
  });
  return getTransfer(db, id, scope);
}

export async function receiveTransfer(
  db: Db,
  id: number,
  input: ReceiveTransfer,
  version: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  await db.transaction(async (tx) => {
    const transfer = await lockTransfer(tx, id, 'received', version, scope);
    const moves = await repo.itemsOf(tx, [id]);
    const itemIds = moves.map((m) => m.item_id);
    const items = await lockItems(tx, itemIds, everywhere);
    refuseConflicts(await checkedOutConflicts(tx, itemIds), `Transfer ${id} cannot be received`);
    const override = transfer.capacity_override_reason ?? input.capacity_override?.reason ?? null;
    await assertRoomAt(tx, transfer.to_location_id, itemIds.length, override, id);

    for (const move of moves) {
      const item = items.get(move.item_id)!;
      await changeCustody(
        tx,
        item,
        { status: item.status, assigned_to: item.assigned_to, location_id: transfer.to_location_id },
        {
          action: 'transfer_received',
          notes: input.note ?? null,
          details: {
            transfer_id: id,
            from_location_id: move.from_location_id,
            to_location_id: transfer.to_location_id,
            ...(override !== null && { capacity_override: { reason: override } }),
          },
        },
        actor,
        { roomChecked: true },
      );
    }
    await repo.update(tx, id, {
      state: 'received',
      received_by: actor.label,
      received_at: new Date(),
      capacity_override_reason: override,
    });
    await repo.closeItems(tx, id);
    await recordEvent(tx, {
      type: 'transfer.received',
      aggregateType: 'transfer',
      aggregateId: id,
      payload: { to_location_id: transfer.to_location_id, item_ids: itemIds, note: input.note ?? null },
    });
  });
  return getTransfer(db, id, scope);
}

/** Called off before arrival: the items stay (or go back to) where they came from, free to move again. */
export async function cancelTransfer(
  db: Db,
  id: number,
  input: CancelTransfer,
  version: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  await db.transaction(async (tx) => {
    const transfer = await lockTransfer(tx, id, 'cancelled', version, scope);
    const itemIds = await itemIdsOf(tx, id);
    await repo.update(tx, id, {
      state: 'cancelled',
      cancelled_by: actor.label,
      cancelled_at: new Date(),
      cancel_reason: input.reason,
    });
    await repo.closeItems(tx, id);
    await recordStep(
      tx,
      transfer,
      'cancelled',
      itemIds,
      { reason: input.reason, was: transfer.state },
      actor,
    );
  });
  return getTransfer(db, id, scope);
}
