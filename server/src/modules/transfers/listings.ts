// Reading transfers: one by id, all of them (by state, location or item), and a location's incoming and outgoing
// ones. A scoped caller sees a transfer when either end lies in their locations: the sending site and the
// receiving site both follow it; anything else is not found.
import type { Db, Executor } from '../../db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { decodeIdCursor, toPage } from '../../platform/pagination.ts';
import type { Scope } from '../../platform/scope.ts';
import { getLocation } from '../locations/service.ts';
import { presentLocationTransfer, presentTransfer } from './presenter.ts';
import * as repo from './repo.ts';
import type { ListTransfersQuery, LocationTransfersQuery } from './schemas.ts';

export async function getTransfer(ex: Executor, id: number, scope: Scope) {
  const row = await repo.findById(ex, id, scope.locationRootId);
  if (!row) throw new NotFoundError('Transfer', id);
  return presentTransfer(row, await repo.itemsOf(ex, [id]));
}

/** A page of transfers with all their items, fetched in one more query. */
async function page<T>(
  db: Db,
  filter: repo.ListFilter,
  query: { cursor?: string | undefined; limit: number },
  present: (row: repo.TransferDetail, items: repo.TransferItemDetail[]) => T,
) {
  const rows = await repo.list(db, filter, decodeIdCursor(query.cursor) ?? undefined, query.limit);
  const items = await repo.itemsOf(
    db,
    rows.slice(0, query.limit).map((r) => r.id),
  );
  return toPage(
    rows,
    query.limit,
    (r) => [r.id],
    (r) =>
      present(
        r,
        items.filter((i) => i.transfer_id === r.id),
      ),
  );
}

export async function listTransfers(db: Db, query: ListTransfersQuery, scope: Scope) {
  return page(
    db,
    {
      state: query.state,
      itemId: query.item_id,
      locationId: query.location_id,
      scopeRootId: scope.locationRootId,
    },
    query,
    presentTransfer,
  );
}

/** Everything coming to or leaving the location (not its sub-locations), newest first. */
export async function listLocationTransfers(
  db: Db,
  locationId: number,
  query: LocationTransfersQuery,
  scope: Scope,
) {
  await getLocation(db, locationId, scope);
  return page(
    db,
    { state: query.state, locationId, direction: query.direction, scopeRootId: null },
    query,
    (row, items) => presentLocationTransfer(locationId, row, items),
  );
}
