// Item rules: SKU unique, custom fields valid for the category, only allowed status moves, room at the location,
// and every change written with its field-level history in the same transaction.
import { Decimal } from 'decimal.js';
import type { Db, Executor } from '../../db/connection.ts';
import { recordSearchTerms } from '../../db/search-terms.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { isSensitive, reveal, sealSensitive } from '../../platform/crypto/sealed-values.ts';
import {
  AppError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  ValidationError,
} from '../../platform/errors.ts';
import type { Actor } from '../../platform/permissions.ts';
import type { Scope } from '../../platform/scope.ts';
import { checkCustomFields, effectiveFieldDefinitions } from '../categories/service.ts';
import { assertRoomFor, locationVisible } from '../locations/service.ts';
import { ensureTags } from '../tags/service.ts';
import { actionFor, changesBetween } from './changes.ts';
import { historySnapshot, presentItem } from './presenter.ts';
import * as repo from './repo.ts';
import type { CreateItem, UpdateItem } from './schemas.ts';
import { canMove, initialStatuses, statusTransitions, type ItemStatus } from './status.ts';

/** Outside the caller's scope an item is not found, exactly as if it did not exist. */
export async function assertVisible(
  ex: Executor,
  scope: Scope,
  id: number,
  row: repo.ItemRow | undefined,
): Promise<repo.ItemRow> {
  if (!row || !(await locationVisible(ex, scope, row.location_id))) throw new NotFoundError('Item', id);
  return row;
}

/** A scoped caller may only place items in locations they can see; others are "not found" to them. */
async function assertPlaceable(
  ex: Executor,
  scope: Scope,
  locationId: number | null | undefined,
): Promise<void> {
  if (scope.locationRootId === null) return;
  if (locationId == null)
    throw ValidationError.field('location_id', 'is required: you are limited to your locations');
  if (!(await locationVisible(ex, scope, locationId))) {
    throw ValidationError.field('location_id', `location ${locationId} does not exist`);
  }
}

/** While an item is checked out, its status and holder change only through check-in. */
export async function assertNotCheckedOut(ex: Executor, id: number): Promise<void> {
  const checkoutId = await repo.openCheckoutId(ex, id);
  if (checkoutId !== undefined) {
    throw new ConflictError(`Item ${id} is checked out (assignment ${checkoutId}); check it in first`, [
      { field: 'status', message: `cannot change while the item is checked out (assignment ${checkoutId})` },
    ]);
  }
}

export async function getItem(db: Executor, id: number, scope: Scope) {
  return presentItem(await assertVisible(db, scope, id, await repo.findById(db, id)), scope);
}

const moneyFields = ['purchase_price', 'current_value', 'salvage_value'] as const;

/** "1200" and "1200.0" are stored and compared as "1200.00". */
function normaliseMoney<T extends Partial<Record<(typeof moneyFields)[number], string | null>>>(input: T): T {
  const out = { ...input };
  for (const field of moneyFields) {
    const value = out[field];
    if (typeof value === 'string') out[field] = new Decimal(value).toFixed(2);
  }
  return out;
}

async function assertSkuFree(tx: Executor, sku: string, exceptId?: number): Promise<void> {
  const holder = await repo.findIdBySku(tx, sku);
  if (holder !== undefined && holder !== exceptId) {
    throw new ConflictError(`SKU ${sku} is already used by item ${holder}`, [
      { field: 'sku', message: `is already used by item ${holder}` },
    ]);
  }
}

/**
 * Custom fields checked against the category's definitions, the sensitive ones sealed. A caller who may not see
 * sensitive values may not set them either; the ones already stored are kept.
 */
async function validCustomFields(
  tx: Executor,
  categoryId: number | null | undefined,
  given: Record<string, unknown>,
  scope: Scope,
  stored: Record<string, unknown> = {},
) {
  const definitions = categoryId ? await effectiveFieldDefinitions(tx, categoryId) : [];
  const sensitive = definitions.filter((d) => d.sensitive).map((d) => d.name);
  const values = { ...given };
  if (!scope.seesSensitive) {
    const refused = sensitive.filter((name) => name in given && !isSensitive(given[name]));
    if (refused.length) {
      throw new AppError(
        403,
        'forbidden',
        'Forbidden',
        'Sensitive custom fields are set by those allowed to see them',
        refused.map((name) => ({
          field: `custom_fields.${name}`,
          message: 'is sensitive: you may not set it',
        })),
      );
    }
    for (const name of sensitive) if (name in stored) values[name] = stored[name];
  }
  const checked = checkCustomFields(definitions, reveal(values, true) as Record<string, unknown>);
  if (checked.errors.length) throw new ValidationError(checked.errors);
  for (const name of sensitive) {
    if (checked.values[name] != null) checked.values[name] = sealSensitive(checked.values[name]);
  }
  return checked.values;
}

/** A quantity item is counted in a unit ("pcs" unless told); a serial item is one thing and has none. */
function countedIn(input: CreateItem): { tracking: 'serial' | 'quantity'; unit: string | null } {
  if (input.tracking === 'quantity') return { tracking: 'quantity', unit: input.unit ?? 'pcs' };
  if (input.unit !== undefined) {
    throw ValidationError.field('unit', 'only quantity-tracked items have a unit (set tracking: "quantity")');
  }
  return { tracking: 'serial', unit: null };
}

export async function createItem(db: Db, input: CreateItem, actor: Actor, scope: Scope) {
  const status: ItemStatus = input.status ?? 'in_stock';
  if (!initialStatuses.includes(status)) {
    throw ValidationError.field('status', `a new item starts as one of ${initialStatuses.join(', ')}`);
  }
  const values = normaliseMoney({ ...input, status, ...countedIn(input) });
  values.current_value ??= values.purchase_price ?? null;
  const row = await db.transaction(async (tx) => {
    await assertPlaceable(tx, scope, values.location_id);
    await assertSkuFree(tx, values.sku);
    values.custom_fields = await validCustomFields(tx, values.category_id, values.custom_fields ?? {}, scope);
    if (values.location_id) await assertRoomFor(tx, values.location_id, 1);
    if (values.tags?.length) await ensureTags(tx, values.tags);
    await recordSearchTerms(tx, [values.name, ...(values.tags ?? [])]);
    const created = await repo.insert(tx, values);
    await repo.appendHistory(tx, {
      item_id: created.id,
      action: 'created',
      performed_by: actor.label,
      additional_data: { changes: changesBetween({}, created) },
    });
    return created;
  });
  return presentItem(row, scope);
}

export async function updateItem(
  db: Db,
  id: number,
  input: UpdateItem,
  expectedVersion: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  const { notes, ...fields } = normaliseMoney(input);
  const row = await db.transaction(async (tx) => {
    // Tags are locked before the item, the order a tag rename takes them in, so the two cannot deadlock.
    if (fields.tags?.length) await ensureTags(tx, fields.tags);
    const current = await assertVisible(tx, scope, id, await repo.findForUpdate(tx, id));
    assertVersion(current.version, expectedVersion);

    const changes = changesBetween(current, fields);
    if ('location_id' in changes) await assertPlaceable(tx, scope, fields.location_id);
    if (!Object.keys(changes).length) return current;

    if ('status' in changes && fields.status === 'disposed') {
      throw ValidationError.field(
        'status',
        `dispose of an item with POST /api/v1/items/${id}/dispose: it records the method, date, proceeds and gain or loss`,
      );
    }
    if ('status' in changes || 'assigned_to' in changes) await assertNotCheckedOut(tx, id);
    if ('status' in changes && fields.status && !canMove(current.status as ItemStatus, fields.status)) {
      const allowed = statusTransitions[current.status as ItemStatus];
      throw ValidationError.field(
        'status',
        `cannot go from ${current.status} to ${fields.status}; allowed: ${allowed.join(', ') || 'none (final)'}`,
      );
    }
    if ('sku' in changes && fields.sku) await assertSkuFree(tx, fields.sku, id);
    if ('category_id' in changes || 'custom_fields' in changes) {
      const categoryId = fields.category_id !== undefined ? fields.category_id : current.category_id;
      fields.custom_fields = await validCustomFields(
        tx,
        categoryId,
        fields.custom_fields ?? current.custom_fields,
        scope,
        current.custom_fields,
      );
    }
    if ('location_id' in changes && fields.location_id) await assertRoomFor(tx, fields.location_id, 1);

    if ('name' in changes || 'tags' in changes)
      await recordSearchTerms(tx, [fields.name ?? '', ...(fields.tags ?? [])]);
    const updated = await repo.update(tx, id, fields);
    const recorded = changesBetween(current, fields);
    await repo.appendHistory(tx, {
      item_id: id,
      action: actionFor(recorded),
      performed_by: actor.label,
      notes: notes ?? null,
      additional_data: { changes: recorded },
    });
    return updated;
  });
  return presentItem(row, scope);
}

export async function deleteItem(
  db: Db,
  id: number,
  expectedVersion: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  await db.transaction(async (tx) => {
    const current = await assertVisible(tx, scope, id, await repo.findForUpdate(tx, id));
    assertVersion(current.version, expectedVersion);
    await repo.appendHistory(tx, {
      item_id: id,
      action: 'deleted',
      performed_by: actor.label,
      // The item row goes; its last state stays readable in the history.
      additional_data: { snapshot: historySnapshot(current) },
    });
    await repo.remove(tx, id);
  });
}

export async function itemHistory(
  db: Db,
  id: number,
  cursor: string | undefined,
  limit: number,
  scope: Scope,
) {
  // A scoped caller sees the history of items they can see; a deleted item is in nobody's locations any more.
  if (scope.locationRootId !== null) await assertVisible(db, scope, id, await repo.findById(db, id));
  const beforeId = cursor === undefined ? undefined : Number(Buffer.from(cursor, 'base64url').toString());
  if (beforeId !== undefined && !Number.isSafeInteger(beforeId)) {
    throw new BadRequestError('The cursor is not one this listing issued', [
      { field: 'cursor', message: 'is invalid' },
    ]);
  }
  const rows = await repo.history(db, id, beforeId, limit);
  if (!rows.length && beforeId === undefined && !(await repo.findById(db, id)))
    throw new NotFoundError('Item', id);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({
      ...r,
      additional_data: reveal(r.additional_data, scope.seesSensitive) as Record<string, unknown>,
      created_at: r.created_at.toISOString(),
    })),
    next_cursor: rows.length > limit && last ? Buffer.from(String(last.id)).toString('base64url') : null,
  };
}

// ── Custody: check-out and check-in (the assignments module) change an item only through these ──────────────

/** Locks a visible item for a change of custody: concurrent check-outs of one item queue on this row lock. */
export async function lockItemForCustody(tx: Executor, id: number, scope: Scope): Promise<repo.ItemRow> {
  return assertVisible(tx, scope, id, await repo.findForUpdate(tx, id));
}

/** A visible item, or undefined when it does not exist or lies outside the caller's scope. */
export async function findVisibleItem(ex: Executor, id: number, scope: Scope) {
  const row = await repo.findById(ex, id);
  return row && (await locationVisible(ex, scope, row.location_id)) ? presentItem(row, scope) : undefined;
}

/** A visible item by its SKU (as printed on its label), or undefined. */
export async function findVisibleItemBySku(ex: Executor, sku: string, scope: Scope) {
  const id = await repo.findIdBySku(ex, sku);
  return id === undefined ? undefined : findVisibleItem(ex, id, scope);
}

export interface CustodyChange {
  status: string;
  location_id?: number;
  assigned_to: string | null;
}

/** Moves a locked item to its new status, place and holder along the lifecycle, with its history entry. */
export async function changeCustody(
  tx: Executor,
  current: repo.ItemRow,
  change: CustodyChange,
  entry: { action: string; notes: string | null; details: Record<string, unknown> },
  actor: Actor,
  // A caller that has already counted the destination's room (a transfer, for all its items at once) says so.
  options: { roomChecked?: boolean } = {},
) {
  if (!canMove(current.status as ItemStatus, change.status as ItemStatus)) {
    throw ValidationError.field('status', `an item cannot go from ${current.status} to ${change.status}`);
  }
  const changes = changesBetween(current, change);
  if ('location_id' in changes && change.location_id && !options.roomChecked) {
    await assertRoomFor(tx, change.location_id, 1);
  }
  if (Object.keys(changes).length) await repo.update(tx, current.id, change);
  await repo.appendHistory(tx, {
    item_id: current.id,
    action: entry.action,
    performed_by: actor.label,
    notes: entry.notes,
    additional_data: { ...entry.details, changes },
  });
}

/** The open check-out of the item, if it is out: what holds it back from going anywhere else. */
export async function openCheckoutOf(ex: Executor, itemId: number): Promise<number | undefined> {
  return repo.openCheckoutId(ex, itemId);
}

/** A custody event that leaves the item itself unchanged (an assignee acknowledging it) still goes on its trail. */
export async function noteItemHistory(
  tx: Executor,
  itemId: number,
  entry: { action: string; details: Record<string, unknown> },
  actor: Actor,
): Promise<void> {
  await repo.appendHistory(tx, {
    item_id: itemId,
    action: entry.action,
    performed_by: actor.label,
    additional_data: entry.details,
  });
}
