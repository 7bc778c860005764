// Physical audits: start one for a location (its whole subtree), scan what is there, close it. Starting records
// who and when and snapshots the items expected; one open audit per location (a partial unique index backs the
// check). Scans hold the audit row in share mode, so technicians scan side by side, while closing takes it
// exclusively: a scan either lands before the close and counts, or sees the audit closed (409). Closing is one
// transaction; it may move unexpected items to the room they were scanned in and mark missing ones lost, each
// through the items service, so the lifecycle holds and history is written.
import type { Db, Executor } from '../../db/connection.ts';
import { isInSubtree, locationTree } from '../../db/tree.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { AppError, ConflictError, ValidationError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/permissions.ts';
import { everywhere, type Scope } from '../../platform/scope.ts';
import {
  findItemRow,
  findItemsByCode,
  markAudited,
  mayBecomeLost,
  type ItemRow,
} from '../items/physical-audit.ts';
import { changeCustody, lockItemForCustody, noteItemHistory, openCheckoutOf } from '../items/service.ts';
import { openTransferOf } from '../transfers/service.ts';
import { assertLocationGiven, findVisible, getStocktake, progressOf } from './listings.ts';
import { presentLine } from './presenter.ts';
import * as repo from './repo.ts';
import type { CloseStocktake, ScanItem, StartStocktake } from './schemas.ts';

export async function startStocktake(db: Db, input: StartStocktake, actor: Actor, scope: Scope) {
  const locationId = input.location_id;
  const id = await db.transaction(async (tx) => {
    await assertLocationGiven(tx, locationId, scope, 'location_id');
    const open = await repo.openAt(tx, locationId);
    if (open !== undefined) {
      throw new ConflictError(`Location ${locationId} is already being audited (stocktake ${open})`, [
        { field: 'location_id', message: `has an open audit already (stocktake ${open}); close it first` },
      ]);
    }
    const stocktake = await repo.insert(tx, {
      location_id: locationId,
      note: input.note ?? null,
      started_by: actor.label,
    });
    await repo.snapshotExpected(tx, stocktake.id, locationId);
    await recordEvent(tx, {
      type: 'stocktake.started',
      aggregateType: 'stocktake',
      aggregateId: stocktake.id,
      payload: { location_id: locationId, ...(await progressOf(tx, stocktake.id)) },
    });
    return stocktake.id;
  });
  return getStocktake(db, id, scope);
}

function refuseUnlessOpen(row: repo.StocktakeRow, doing: string): void {
  if (row.state !== 'open') {
    throw new ConflictError(`Stocktake ${row.id} is ${row.state}; it cannot ${doing}`, [
      { field: 'state', message: `is ${row.state}: only an open audit can ${doing}` },
    ]);
  }
}

/** A visible audit, locked: scans share it, closing holds it alone. */
async function lockVisible(tx: Executor, id: number, scope: Scope, strength: 'share' | 'update') {
  await findVisible(tx, id, scope);
  return (await repo.lock(tx, id, strength))!;
}

/** A 404 that says which part of the scan named nothing, so the screen can show it as it is. */
const notFound = (field: string, detail: string) =>
  new AppError(404, 'not-found', 'Not found', detail, [{ field, message: detail }]);

/** The item a scan names, by id or by code; one the caller cannot see is as unknown as one that does not exist. */
async function scannedItem(tx: Executor, input: ScanItem, scope: Scope): Promise<ItemRow> {
  if (input.item_id !== undefined) {
    const item = await findItemRow(tx, input.item_id, scope);
    if (!item) throw notFound('item_id', `Item ${input.item_id} does not exist`);
    return item;
  }
  const code = input.code!;
  const items = await findItemsByCode(tx, code, scope);
  if (items.length === 1) return items[0]!;
  if (!items.length) throw notFound('code', `No item has the SKU or serial number "${code}"`);
  throw ValidationError.field(
    'code',
    `"${code}" matches several items (${items.map((i) => i.sku).join(', ')}); scan the SKU instead`,
  );
}

export async function scanItem(db: Db, id: number, input: ScanItem, actor: Actor, scope: Scope) {
  if ((input.item_id === undefined) === (input.code === undefined)) {
    throw ValidationError.field('code', 'give one of code or item_id');
  }
  const field = input.code === undefined ? 'item_id' : 'code';
  return db.transaction(async (tx) => {
    const stocktake = await lockVisible(tx, id, scope, 'share');
    refuseUnlessOpen(stocktake, 'take scans');
    const item = await scannedItem(tx, input, scope);
    if (item.tracking !== 'serial') {
      throw ValidationError.field(field, `${item.sku} is counted by quantity: count it on the stock screen`);
    }
    const at = input.location_id ?? null;
    if (at !== null && !(await isInSubtree(tx, locationTree, stocktake.location_id, at))) {
      throw ValidationError.field('location_id', `location ${at} is not within the audited location`);
    }
    // The item row first, before the scan's audited write: see lockItems below.
    await markAudited(tx, item.id);
    const line = await repo.recordScan(tx, {
      stocktake_id: id,
      item_id: item.id,
      recorded_location_id: item.location_id,
      scanned_location_id: at,
      scanned_code: input.code ?? null,
      scanned_by: actor.label,
    });
    const repeated = line.scan_count > 1;
    if (!repeated) {
      const details = { stocktake_id: id, location_id: at, code: input.code ?? null };
      await noteItemHistory(tx, item.id, { action: 'audit_scanned', details }, actor);
      await recordEvent(tx, {
        type: 'stocktake.item_scanned',
        aggregateType: 'stocktake',
        aggregateId: id,
        payload: { item_id: item.id, expected: line.expected, ...details },
      });
    }
    const [detail] = await repo.lines(tx, { stocktakeId: id, itemId: item.id }, 1);
    return { line: presentLine(detail!), repeated, progress: await progressOf(tx, id) };
  });
}

/** Can closing change the item's place or status? Not while someone holds it or it is on its way somewhere. */
async function heldElsewhere(tx: Executor, item: ItemRow): Promise<boolean> {
  return (
    (await openCheckoutOf(tx, item.id)) !== undefined || (await openTransferOf(tx, item.id)) !== undefined
  );
}

type Locked = Map<number, ItemRow>;

/**
 * The items closing may change, locked in id order (as transfers lock theirs) and all before the first audited
 * write: no transaction then waits for an item while holding the audit chain's head.
 */
async function lockItems(tx: Executor, lines: repo.LineRow[]): Promise<Locked> {
  const locked: Locked = new Map();
  for (const id of lines.map((l) => l.item_id).sort((a, b) => a - b)) {
    locked.set(id, await lockItemForCustody(tx, id, everywhere));
  }
  return locked;
}

/** Each unexpected item goes on record where it was scanned. */
async function moveUnexpected(
  tx: Executor,
  stocktakeId: number,
  lines: repo.LineRow[],
  items: Locked,
  actor: Actor,
): Promise<void> {
  for (const line of lines) {
    const item = items.get(line.item_id)!;
    const to = line.scanned_location_id!;
    if (item.location_id === to || item.status === 'disposed' || (await heldElsewhere(tx, item))) continue;
    await changeCustody(
      tx,
      item,
      { status: item.status, assigned_to: item.assigned_to, location_id: to },
      {
        action: 'audit_moved',
        notes: null,
        details: { stocktake_id: stocktakeId, from_location_id: item.location_id, to_location_id: to },
      },
      actor,
      // The item is there already: the record follows what was found, whatever the room's capacity says.
      { roomChecked: true },
    );
    await repo.setOutcome(tx, line.id, 'moved');
  }
}

/** Each missing item still recorded where the audit expected it is marked lost, if its status allows. */
async function markMissingLost(
  tx: Executor,
  stocktakeId: number,
  lines: repo.LineRow[],
  items: Locked,
  actor: Actor,
): Promise<void> {
  for (const line of lines) {
    const item = items.get(line.item_id)!;
    // Moved on record since the start (a transfer, an edit): it is accounted for elsewhere, not missing.
    if (item.location_id !== line.recorded_location_id) continue;
    if (!mayBecomeLost(item.status) || (await heldElsewhere(tx, item))) continue;
    await changeCustody(
      tx,
      item,
      { status: 'lost', assigned_to: item.assigned_to },
      { action: 'audit_missing', notes: null, details: { stocktake_id: stocktakeId } },
      actor,
    );
    await repo.setOutcome(tx, line.id, 'marked_lost');
  }
}

export async function closeStocktake(
  db: Db,
  id: number,
  input: CloseStocktake,
  version: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  await db.transaction(async (tx) => {
    const stocktake = await lockVisible(tx, id, scope, 'update');
    assertVersion(stocktake.version, version);
    refuseUnlessOpen(stocktake, 'be closed');
    // Unexpected items move only when the scanner said which room they were in.
    const toMove = input.move_unexpected
      ? (await repo.linesWithResult(tx, id, 'unexpected')).filter((l) => l.scanned_location_id !== null)
      : [];
    const toMark = input.mark_missing_lost ? await repo.linesWithResult(tx, id, 'missing') : [];
    const items = await lockItems(tx, [...toMove, ...toMark]);
    await moveUnexpected(tx, id, toMove, items, actor);
    await markMissingLost(tx, id, toMark, items, actor);
    await repo.update(tx, id, {
      state: 'closed',
      closed_by: actor.label,
      closed_at: new Date(),
      move_unexpected: input.move_unexpected,
      mark_missing_lost: input.mark_missing_lost,
    });
    await recordEvent(tx, {
      type: 'stocktake.closed',
      aggregateType: 'stocktake',
      aggregateId: id,
      payload: { location_id: stocktake.location_id, ...(await progressOf(tx, id)) },
    });
  });
  return getStocktake(db, id, scope);
}
