// Supplier rules: names are unique ignoring case, and a supplier items still refer to is not deleted.
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { suppliers } from '../../db/schema.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { cursorOf, decodeCursor, parseSort, toPage, type Page } from '../../platform/pagination.ts';
import { presentSupplier } from './presenter.ts';
import * as repo from './repo.ts';
import type { CreateSupplier, ListSuppliersQuery, UpdateSupplier } from './schemas.ts';

export async function getSupplier(db: Db, id: number) {
  const row = await repo.findById(db, id);
  if (!row) throw new NotFoundError('Supplier', id);
  return presentSupplier(row);
}

export async function listSuppliers(
  db: Db,
  query: ListSuppliersQuery,
): Promise<Page<ReturnType<typeof presentSupplier>>> {
  const sort = parseSort(query.sort, repo.sortable, 'name', sql`${suppliers.id}`);
  const cursor = query.cursor ? decodeCursor(query.cursor, sort.length) : undefined;
  const rows = await repo.list(
    db,
    { q: query.q, isPreferred: query.is_preferred },
    sort,
    cursor,
    query.limit,
  );
  return toPage(rows, query.limit, cursorOf(sort), presentSupplier);
}

/** The unique index on lower(name) is the backstop for a race; this check gives the clearer answer first. */
async function assertNameFree(ex: Executor, name: string, exceptId?: number): Promise<void> {
  if (await repo.nameTaken(ex, name, exceptId)) {
    throw new ConflictError(`A supplier named ${name} already exists`, [
      { field: 'name', message: 'is already taken (names are compared ignoring case)' },
    ]);
  }
}

export async function createSupplier(db: Db, input: CreateSupplier) {
  const id = await db.transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    return (await repo.insert(tx, input)).id;
  });
  return getSupplier(db, id);
}

export async function updateSupplier(
  db: Db,
  id: number,
  input: UpdateSupplier,
  expectedVersion: number | undefined,
) {
  await db.transaction(async (tx) => {
    const current = await repo.findForUpdate(tx, id);
    if (!current) throw new NotFoundError('Supplier', id);
    assertVersion(current.version, expectedVersion);
    if (input.name !== undefined) await assertNameFree(tx, input.name, id);
    await repo.update(tx, id, input);
  });
  return getSupplier(db, id);
}

export async function deleteSupplier(db: Db, id: number, expectedVersion: number | undefined): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await repo.findForUpdate(tx, id);
    if (!current) throw new NotFoundError('Supplier', id);
    assertVersion(current.version, expectedVersion);
    const itemCount = (await repo.findById(tx, id))?.item_count ?? 0;
    if (itemCount > 0) {
      throw new ConflictError(
        `Supplier ${id} is still named on ${itemCount} items; point them at another supplier first`,
      );
    }
    await repo.remove(tx, id);
  });
}
