// Reading stock: an item's levels and its ledger, and what needs reordering; plus each level's reorder settings.
// A scoped caller sees only levels and movements at their own locations.
import { Decimal } from 'decimal.js';
import type { Db } from '../../db/connection.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import {
  BadRequestError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from '../../platform/errors.ts';
import { decodeCursor, decodeIdCursor, toPage } from '../../platform/pagination.ts';
import type { Scope } from '../../platform/scope.ts';
import { locationVisible } from '../locations/service.ts';
import { amount, presentLevel, presentLevelEntry, presentMovement, presentSuggestion } from './presenter.ts';
import * as repo from './repo.ts';
import type { LevelSettings, LevelsQuery, MovementsQuery, ReorderQuery } from './schemas.ts';
import { findStockItem } from './service.ts';

/** The id a keyset cursor carries, refused with a 400 if it is not one these listings issued. */

export async function getItemStock(db: Db, itemId: number, scope: Scope) {
  const item = await findStockItem(db, itemId, scope);
  const levels = await repo.listLevels(db, item.id, scope.locationRootId);
  const total = levels.reduce((sum, l) => sum.plus(l.quantity), new Decimal(0));
  return {
    item_id: item.id,
    unit: item.unit,
    total_quantity: amount(total),
    levels: levels.map((l) => presentLevel(l, item.unit)),
  };
}

export async function listItemMovements(db: Db, itemId: number, query: MovementsQuery, scope: Scope) {
  const item = await findStockItem(db, itemId, scope);
  const rows = await repo.listMovements(
    db,
    item.id,
    scope.locationRootId,
    decodeIdCursor(query.cursor) ?? undefined,
    query.limit,
  );
  return toPage(rows, query.limit, (r) => [r.id], presentMovement);
}

function checkSettings(input: LevelSettings): void {
  const { min_level: min, reorder_point: point } = input;
  if (min !== null && point !== null && new Decimal(point).lt(min)) {
    throw ValidationError.field(
      'reorder_point',
      'must be at least min_level: reorder before stock runs short',
    );
  }
}

/** Sets a level's minimum, reorder point and lot size (a level not yet stocked is created empty). */
export async function setLevelSettings(
  db: Db,
  itemId: number,
  locationId: number,
  input: LevelSettings,
  expectedVersion: number | undefined,
  scope: Scope,
) {
  checkSettings(input);
  return db.transaction(async (tx) => {
    const item = await findStockItem(tx, itemId, scope);
    if (!(await locationVisible(tx, scope, locationId)) || !(await repo.locationExists(tx, locationId))) {
      throw new NotFoundError('Location', locationId);
    }
    await repo.lockLevels(tx, item.id, [locationId]);
    const level = await repo.findLevel(tx, item.id, locationId);
    if (level) assertVersion(level.version, expectedVersion);
    else if (expectedVersion !== undefined) {
      throw new PreconditionFailedError(`Item ${itemId} has no stock level at location ${locationId} yet`);
    }
    const settings = {
      min_level: input.min_level,
      reorder_point: input.reorder_point,
      reorder_quantity: input.reorder_quantity,
    };
    if (level) await repo.updateLevel(tx, level.id, settings);
    else await repo.insertLevel(tx, { item_id: item.id, location_id: locationId, ...settings });
    const [detail] = await repo.listLevels(tx, item.id, null, [locationId]);
    return presentLevel(detail!, item.unit);
  });
}

/** The location a listing is filtered by must be one the caller can see. */
async function assertFilterLocation(db: Db, scope: Scope, locationId: number | undefined) {
  if (locationId !== undefined && !(await locationVisible(db, scope, locationId))) {
    throw ValidationError.field('location_id', `location ${locationId} does not exist`);
  }
}

function levelsCursor(cursor: string | undefined): repo.LevelsCursor | undefined {
  if (cursor === undefined) return undefined;
  const [item, location, id] = decodeCursor(cursor, 3);
  if (typeof item !== 'string' || typeof location !== 'string' || !Number.isSafeInteger(id)) {
    throw new BadRequestError('The cursor is not one this listing issued', [
      { field: 'cursor', message: 'is invalid' },
    ]);
  }
  return [item, location, id as number];
}

/** Levels across items, by item then location: the stock screen. */
export async function listLevels(db: Db, query: LevelsQuery, scope: Scope) {
  await assertFilterLocation(db, scope, query.location_id);
  const rows = await repo.levelsAcrossItems(
    db,
    {
      scopeRootId: scope.locationRootId,
      locationId: query.location_id,
      q: query.q,
      low: query.low === 'true',
    },
    levelsCursor(query.cursor),
    query.limit,
  );
  return toPage(rows, query.limit, (r) => [r.item_name, r.location_name, r.id], presentLevelEntry);
}

export async function listReorderSuggestions(db: Db, query: ReorderQuery, scope: Scope) {
  await assertFilterLocation(db, scope, query.location_id);
  const rows = await repo.reorderCandidates(
    db,
    { scopeRootId: scope.locationRootId, locationId: query.location_id },
    decodeIdCursor(query.cursor) ?? undefined,
    query.limit,
  );
  return toPage(rows, query.limit, (r) => [r.level_id], presentSuggestion);
}
