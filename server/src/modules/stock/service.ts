// Stock movements of quantity-tracked items: receive, issue, adjust (a stocktake) and transfer between locations.
// Each is one transaction that locks the levels it touches, refuses to take a level below zero, appends to the
// ledger, notes the item's history and records its event. Concurrent movements of one level queue on its lock.
import { Decimal } from 'decimal.js';
import type { Db, Executor } from '../../db/connection.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/permissions.ts';
import type { Scope } from '../../platform/scope.ts';
import { findPerson } from '../identity/users.ts';
import { findVisibleItem, noteItemHistory } from '../items/service.ts';
import { locationVisible } from '../locations/service.ts';
import { amount, presentLevel, presentMovement } from './presenter.ts';
import * as repo from './repo.ts';
import type { Adjust, Issue, Receive, Transfer } from './schemas.ts';

export interface StockItem {
  id: number;
  unit: string;
}

/** A visible, quantity-tracked item. Serial items are counted one row per thing, so they have no stock. */
export async function findStockItem(ex: Executor, itemId: number, scope: Scope): Promise<StockItem> {
  const item = await findVisibleItem(ex, itemId, scope);
  if (!item) throw new NotFoundError('Item', itemId);
  if (item.tracking !== 'quantity' || item.unit === null) {
    throw ValidationError.field(
      'tracking',
      `item ${itemId} is serial-tracked (one item per thing); stock levels are for quantity-tracked items`,
    );
  }
  return { id: item.id, unit: item.unit };
}

/** Locations outside the caller's scope do not exist for them. */
export async function assertPlace(ex: Executor, scope: Scope, locationId: number, field: string) {
  if (!(await locationVisible(ex, scope, locationId)) || !(await repo.locationExists(ex, locationId))) {
    throw ValidationError.field(field, `location ${locationId} does not exist`);
  }
}

interface Leg {
  kind: repo.NewMovement['kind'];
  /** The level this leg changes, and by how much (negative takes stock away). */
  locationId: number;
  change: Decimal;
  /** The request field a shortfall is reported against. */
  field: string;
  details: Omit<repo.NewMovement, 'item_id' | 'kind' | 'quantity' | 'balance_after' | 'performed_by'>;
}

/** Changes one locked level and appends its ledger row; warns (an event) when stock falls to its reorder point. */
async function applyLeg(tx: Executor, item: StockItem, leg: Leg, actor: Actor) {
  const level = await repo.findLevel(tx, item.id, leg.locationId);
  const before = new Decimal(level?.quantity ?? 0);
  const after = before.plus(leg.change);
  if (after.isNegative()) {
    throw ValidationError.field(
      leg.field,
      `only ${amount(before)} ${item.unit} at location ${leg.locationId}; cannot take ${amount(leg.change.neg())}`,
    );
  }
  const quantity = after.toFixed(3);
  const updated = level
    ? await repo.updateLevel(tx, level.id, { quantity })
    : await repo.insertLevel(tx, { item_id: item.id, location_id: leg.locationId, quantity });
  const movement = await repo.insertMovement(tx, {
    ...leg.details,
    item_id: item.id,
    kind: leg.kind,
    quantity: leg.change.abs().toFixed(3),
    balance_after: quantity,
    performed_by: actor.label,
  });
  const point = updated.reorder_point;
  if (point !== null && before.gt(point) && after.lte(point)) {
    await recordEvent(tx, {
      type: 'stock.below_reorder_point',
      aggregateType: 'item',
      aggregateId: item.id,
      payload: {
        location_id: leg.locationId,
        quantity: amount(after),
        reorder_point: amount(point),
        movement_id: movement.id,
      },
    });
  }
  return movement;
}

/** Notes the movements on the item's history and in the outbox. */
async function finish(
  tx: Executor,
  item: StockItem,
  action: string,
  movements: repo.MovementRow[],
  actor: Actor,
) {
  const details = {
    movements: movements.map((m) => ({
      id: m.id,
      kind: m.kind,
      quantity: amount(m.quantity),
      from_location_id: m.from_location_id,
      to_location_id: m.to_location_id,
      balance_after: amount(m.balance_after),
    })),
  };
  if (!movements.length) return;
  await noteItemHistory(tx, item.id, { action: `stock_${action}`, details }, actor);
  await recordEvent(tx, {
    type: `stock.${action}`,
    aggregateType: 'item',
    aggregateId: item.id,
    payload: details,
  });
}

/** The movements with the levels they left. */
async function answer(tx: Executor, item: StockItem, movements: repo.MovementRow[], locationIds: number[]) {
  const levels = await repo.listLevels(tx, item.id, null, locationIds);
  return {
    movements: movements.map(presentMovement),
    levels: levels.map((l) => presentLevel(l, item.unit)),
  };
}

export async function receiveStock(db: Db, itemId: number, input: Receive, actor: Actor, scope: Scope) {
  return db.transaction(async (tx) => {
    const item = await findStockItem(tx, itemId, scope);
    await assertPlace(tx, scope, input.location_id, 'location_id');
    await repo.lockLevels(tx, item.id, [input.location_id]);
    const movement = await applyLeg(
      tx,
      item,
      {
        kind: 'receive',
        locationId: input.location_id,
        change: new Decimal(input.quantity),
        field: 'quantity',
        details: {
          to_location_id: input.location_id,
          unit_cost: input.unit_cost === undefined ? null : new Decimal(input.unit_cost).toFixed(2),
          reference: input.reference ?? null,
          reason: input.reason ?? null,
        },
      },
      actor,
    );
    await finish(tx, item, 'received', [movement], actor);
    return answer(tx, item, [movement], [input.location_id]);
  });
}

export async function issueStock(db: Db, itemId: number, input: Issue, actor: Actor, scope: Scope) {
  return db.transaction(async (tx) => {
    const item = await findStockItem(tx, itemId, scope);
    await assertPlace(tx, scope, input.location_id, 'location_id');
    if (input.issued_to_user_id !== undefined) {
      const person = await findPerson(tx, input.issued_to_user_id);
      if (!person?.is_active) {
        throw ValidationError.field(
          'issued_to_user_id',
          `user ${input.issued_to_user_id} ${person ? 'is not active' : 'does not exist'}`,
        );
      }
    }
    await repo.lockLevels(tx, item.id, [input.location_id]);
    const movement = await applyLeg(
      tx,
      item,
      {
        kind: 'issue',
        locationId: input.location_id,
        change: new Decimal(input.quantity).neg(),
        field: 'quantity',
        details: {
          from_location_id: input.location_id,
          reason: input.reason,
          reference: input.reference ?? null,
          issued_to_user_id: input.issued_to_user_id ?? null,
        },
      },
      actor,
    );
    await finish(tx, item, 'issued', [movement], actor);
    return answer(tx, item, [movement], [input.location_id]);
  });
}

/** A stocktake: the level becomes what was counted (or moves by `delta`); the difference goes on the ledger. */
export async function adjustStock(db: Db, itemId: number, input: Adjust, actor: Actor, scope: Scope) {
  if ((input.counted_quantity === undefined) === (input.delta === undefined)) {
    throw ValidationError.field(
      input.delta === undefined ? 'counted_quantity' : 'delta',
      'give exactly one of counted_quantity and delta',
    );
  }
  return db.transaction(async (tx) => {
    const item = await findStockItem(tx, itemId, scope);
    await assertPlace(tx, scope, input.location_id, 'location_id');
    await repo.lockLevels(tx, item.id, [input.location_id]);
    const current = new Decimal((await repo.findLevel(tx, item.id, input.location_id))?.quantity ?? 0);
    const change =
      input.counted_quantity === undefined
        ? new Decimal(input.delta!)
        : new Decimal(input.counted_quantity).minus(current);
    const movements = change.isZero()
      ? []
      : [
          await applyLeg(
            tx,
            item,
            {
              kind: 'adjust',
              locationId: input.location_id,
              change,
              field: 'delta',
              details: {
                ...(change.isNegative()
                  ? { from_location_id: input.location_id }
                  : { to_location_id: input.location_id }),
                reason: input.reason,
                reference: input.reference ?? null,
              },
            },
            actor,
          ),
        ];
    await finish(tx, item, 'adjusted', movements, actor);
    return answer(tx, item, movements, [input.location_id]);
  });
}

/** Moves stock from one location to another: a transfer_out and a transfer_in leg, both or neither. */
export async function transferStock(db: Db, itemId: number, input: Transfer, actor: Actor, scope: Scope) {
  const { from_location_id: from, to_location_id: to } = input;
  if (from === to) throw ValidationError.field('to_location_id', 'must differ from from_location_id');
  return db.transaction(async (tx) => {
    const item = await findStockItem(tx, itemId, scope);
    await assertPlace(tx, scope, from, 'from_location_id');
    await assertPlace(tx, scope, to, 'to_location_id');
    await repo.lockLevels(tx, item.id, [from, to]);
    const details = {
      from_location_id: from,
      to_location_id: to,
      reason: input.reason ?? null,
      reference: input.reference ?? null,
    };
    const quantity = new Decimal(input.quantity);
    const out = await applyLeg(
      tx,
      item,
      { kind: 'transfer_out', locationId: from, change: quantity.neg(), field: 'quantity', details },
      actor,
    );
    const into = await applyLeg(
      tx,
      item,
      { kind: 'transfer_in', locationId: to, change: quantity, field: 'quantity', details },
      actor,
    );
    await finish(tx, item, 'transferred', [out, into], actor);
    return answer(tx, item, [out, into], [from, to]);
  });
}
