// Reading audits: one by id and a page of them (by location and state), each with its progress counts. A scoped
// caller sees the audits of locations in their subtree; anything else is not found.
import type { Db, Executor } from '../../db/connection.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { decodeIdCursor, toPage } from '../../platform/pagination.ts';
import type { Scope } from '../../platform/scope.ts';
import { getLocation } from '../locations/service.ts';
import { presentProgress, presentStocktake } from './presenter.ts';
import * as repo from './repo.ts';
import type { ListStocktakesQuery } from './schemas.ts';

/** A location given in a body or a filter: it must exist and be in the caller's scope, else 422 naming the field. */
export async function assertLocationGiven(ex: Executor, id: number, scope: Scope, field: string) {
  try {
    return await getLocation(ex, id, scope);
  } catch (error) {
    if (error instanceof NotFoundError) throw ValidationError.field(field, `location ${id} does not exist`);
    throw error;
  }
}

export async function findVisible(ex: Executor, id: number, scope: Scope): Promise<repo.StocktakeDetail> {
  const row = await repo.findById(ex, id, scope.locationRootId);
  if (!row) throw new NotFoundError('Stocktake', id);
  return row;
}

export async function progressOf(ex: Executor, id: number) {
  const [row] = await repo.progressOf(ex, [id]);
  return presentProgress(row);
}

export async function getStocktake(ex: Executor, id: number, scope: Scope) {
  const row = await findVisible(ex, id, scope);
  const [progress] = await repo.progressOf(ex, [id]);
  return presentStocktake(row, progress);
}

export async function listStocktakes(db: Db, query: ListStocktakesQuery, scope: Scope) {
  if (query.location_id !== undefined) await assertLocationGiven(db, query.location_id, scope, 'location_id');
  const rows = await repo.list(
    db,
    { locationId: query.location_id, state: query.state, scopeRootId: scope.locationRootId },
    decodeIdCursor(query.cursor) ?? undefined,
    query.limit,
  );
  const progress = await repo.progressOf(
    db,
    rows.slice(0, query.limit).map((r) => r.id),
  );
  return toPage(
    rows,
    query.limit,
    (r) => [r.id],
    (r) =>
      presentStocktake(
        r,
        progress.find((p) => p.stocktake_id === r.id),
      ),
  );
}
