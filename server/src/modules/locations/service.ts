// Location rules: the hierarchy never forms a cycle, capacity is never set below what a location holds,
// and a location that still holds items or sub-locations is not deleted.
import type { Db, Executor } from '../../db/connection.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import type { Scope } from '../../platform/scope.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { cursorOf, decodeCursor, parseSort, toPage, type Page } from '../../platform/pagination.ts';
import { sql } from 'drizzle-orm';
import { locations } from '../../db/schema.ts';
import { presentLocation, presentLocationDetail } from './presenter.ts';
import * as repo from './repo.ts';
import type { CreateLocation, ListLocationsQuery, UpdateLocation } from './schemas.ts';

async function assertVisible(ex: Executor, scope: Scope, id: number): Promise<void> {
  if (!(await locationVisible(ex, scope, id))) throw new NotFoundError('Location', id);
}

/** A scoped caller places new or moved locations under one they can see; others are "not found" to them. */
async function assertParentAllowed(
  ex: Executor,
  scope: Scope,
  parentId: number | null | undefined,
): Promise<void> {
  if (scope.locationRootId === null) return;
  if (parentId == null) {
    throw ValidationError.field('parent_location_id', 'is required: you are limited to your locations');
  }
  if (!(await locationVisible(ex, scope, parentId))) {
    throw ValidationError.field('parent_location_id', `location ${parentId} does not exist`);
  }
}

export async function getLocation(db: Db, id: number, scope: Scope) {
  await assertVisible(db, scope, id);
  const row = await repo.findById(db, id);
  if (!row) throw new NotFoundError('Location', id);
  const [ancestors, subtreeItems] = await Promise.all([
    repo.ancestors(db, id),
    repo.subtreeItemCount(db, id),
  ]);
  // A scoped caller's path starts at their own root: what lies above it is not theirs to see.
  const rootAt = ancestors.findIndex((a) => a.id === scope.locationRootId);
  const path = scope.locationRootId === null ? ancestors : rootAt === -1 ? [] : ancestors.slice(rootAt);
  return presentLocationDetail(row, path, subtreeItems);
}

export async function listLocations(
  db: Db,
  query: ListLocationsQuery,
  scope: Scope,
): Promise<Page<ReturnType<typeof presentLocation>>> {
  const sort = parseSort(query.sort, repo.sortable, 'name', sql`${locations.id}`);
  const cursor = query.cursor ? decodeCursor(query.cursor, sort.length) : undefined;
  const rows = await repo.list(
    db,
    { q: query.q, type: query.type, parent: query.parent_location_id, scopeRootId: scope.locationRootId },
    sort,
    cursor,
    query.limit,
  );
  return toPage(rows, query.limit, cursorOf(sort), presentLocation);
}

export async function getSubtree(db: Db, id: number, scope: Scope) {
  await assertVisible(db, scope, id);
  if (!(await repo.exists(db, id))) throw new NotFoundError('Location', id);
  return repo.subtree(db, id);
}

export async function createLocation(db: Db, input: CreateLocation, scope: Scope) {
  const id = await db.transaction(async (tx) => {
    await assertParentAllowed(tx, scope, input.parent_location_id);
    if (input.parent_location_id != null && !(await repo.exists(tx, input.parent_location_id))) {
      throw ValidationError.field(
        'parent_location_id',
        `location ${input.parent_location_id} does not exist`,
      );
    }
    return (await repo.insert(tx, input)).id;
  });
  return getLocation(db, id, scope);
}

export async function updateLocation(
  db: Db,
  id: number,
  input: UpdateLocation,
  expectedVersion: number | undefined,
  scope: Scope,
) {
  await db.transaction(async (tx) => {
    const newParent = input.parent_location_id;
    // Hierarchy lock before the row lock, always in that order, so crossing moves queue instead of deadlocking.
    if (newParent != null) await repo.lockHierarchy(tx);
    await assertVisible(tx, scope, id);
    const current = await repo.findForUpdate(tx, id);
    if (!current) throw new NotFoundError('Location', id);
    assertVersion(current.version, expectedVersion);
    if (newParent !== undefined && newParent !== current.parent_location_id) {
      if (id === scope.locationRootId)
        throw new ForbiddenError('This is the root of your locations; an admin can move it');
      await assertParentAllowed(tx, scope, newParent);
    }

    if (newParent != null && newParent !== current.parent_location_id) {
      if (!(await repo.exists(tx, newParent))) {
        throw ValidationError.field('parent_location_id', `location ${newParent} does not exist`);
      }
      if (await repo.isInSubtree(tx, id, newParent)) {
        throw ValidationError.field(
          'parent_location_id',
          newParent === id
            ? 'a location cannot be its own parent'
            : `location ${newParent} is inside this location; moving here would make a cycle`,
        );
      }
    }
    if (input.capacity !== undefined && input.capacity !== null) {
      const held = (await repo.findById(tx, id))?.occupancy ?? 0;
      if (input.capacity < held) {
        throw ValidationError.field(
          'capacity',
          `this location holds ${held} items; capacity cannot be below that`,
        );
      }
    }
    await repo.update(tx, id, input);
  });
  return getLocation(db, id, scope);
}

export async function deleteLocation(
  db: Db,
  id: number,
  expectedVersion: number | undefined,
  scope: Scope,
): Promise<void> {
  if (id === scope.locationRootId)
    throw new ForbiddenError('This is the root of your locations; an admin can delete it');
  await db.transaction(async (tx) => {
    await assertVisible(tx, scope, id);
    const current = await repo.findForUpdate(tx, id);
    if (!current) throw new NotFoundError('Location', id);
    assertVersion(current.version, expectedVersion);
    const counts = await repo.findById(tx, id);
    if (counts && (counts.occupancy > 0 || counts.children_count > 0)) {
      throw new ConflictError(
        `Location ${id} still holds ${counts.occupancy} items and ${counts.children_count} sub-locations; move them first`,
      );
    }
    await repo.remove(tx, id);
  });
}

/**
 * Makes sure the location exists and has room for `incoming` more items. Locks the location row for the rest of
 * the transaction, so two concurrent moves into the last free place cannot both succeed.
 */
export async function assertRoomFor(
  tx: Executor,
  locationId: number,
  incoming: number,
  field = 'location_id',
) {
  const location = await repo.findForUpdate(tx, locationId);
  if (!location) throw ValidationError.field(field, `location ${locationId} does not exist`);
  if (location.capacity === null) return;
  const held = (await repo.findById(tx, locationId))?.occupancy ?? 0;
  if (held + incoming > location.capacity) {
    throw new ConflictError(`${location.name} is full: it holds ${held} of ${location.capacity}`, [
      { field, message: `location ${locationId} has no room (capacity ${location.capacity})` },
    ]);
  }
}

/**
 * Locks the location row, as assertRoomFor does, and answers its capacity and how many items it holds: for a
 * caller whose own count includes more than the incoming items (transfers count those already on their way).
 */
export async function lockForIntake(tx: Executor, locationId: number, field = 'location_id') {
  const location = await repo.findForUpdate(tx, locationId);
  if (!location) throw ValidationError.field(field, `location ${locationId} does not exist`);
  const held = location.capacity === null ? 0 : ((await repo.findById(tx, locationId))?.occupancy ?? 0);
  return { name: location.name, capacity: location.capacity, held };
}

/** May a caller with this scope see the location? (Null, no location, is visible only to unscoped callers.) */
export async function locationVisible(
  ex: Executor,
  scope: Scope,
  locationId: number | null,
): Promise<boolean> {
  if (scope.locationRootId === null) return true;
  return locationId !== null && repo.isInSubtree(ex, scope.locationRootId, locationId);
}
