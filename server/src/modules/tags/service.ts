// Tag rules: names are unique; renaming or deleting a tag rewrites every item carrying it, with a history entry
// per item, in the same transaction; and every tag an item carries exists in the tags table (ensureTags).
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { tags } from '../../db/schema.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { cursorOf, decodeCursor, parseSort, toPage, type Page } from '../../platform/pagination.ts';
import type { Actor } from '../../platform/permissions.ts';
import { presentTag } from './presenter.ts';
import * as repo from './repo.ts';
import type { CreateTag, ListTagsQuery, UpdateTag } from './schemas.ts';

/**
 * Inserts the names the tags table does not hold yet (names already normalised by TagName). Call it inside the
 * transaction that writes the item's tags, before writing them: it also locks the tags against a concurrent
 * rename or delete until that transaction ends, so no item is left carrying a tag that no longer exists.
 */
export async function ensureTags(ex: Executor, names: string[]): Promise<void> {
  // Sorted, so two transactions tagging with the same names lock them in the same order.
  const wanted = [...new Set(names)].sort();
  if (!wanted.length) return;
  // A tag deleted or renamed while we waited for its lock is gone again; insert it once more.
  for (let attempt = 0; attempt < 3; attempt++) {
    await repo.insertMissing(ex, wanted);
    if ((await repo.lockNames(ex, wanted)).length === wanted.length) return;
  }
  throw new ConflictError('Tags were renamed or deleted while being applied; retry');
}

export async function getTag(db: Db, id: number) {
  const row = await repo.findById(db, id);
  if (!row) throw new NotFoundError('Tag', id);
  return presentTag(row);
}

export async function listTags(db: Db, query: ListTagsQuery): Promise<Page<ReturnType<typeof presentTag>>> {
  const sort = parseSort(undefined, repo.sortable, 'name', sql`${tags.id}`);
  const cursor = query.cursor ? decodeCursor(query.cursor, sort.length) : undefined;
  const rows = await repo.list(db, query.q, sort, cursor, query.limit);
  return toPage(rows, query.limit, cursorOf(sort), presentTag);
}

function nameConflict(name: string): ConflictError {
  return new ConflictError(`A tag named ${name} already exists`, [
    { field: 'name', message: 'is already taken' },
  ]);
}

export async function createTag(db: Db, input: CreateTag) {
  const id = await db.transaction(async (tx) => {
    if (await repo.nameTaken(tx, input.name)) throw nameConflict(input.name);
    return (await repo.insert(tx, input)).id;
  });
  return getTag(db, id);
}

export async function updateTag(
  db: Db,
  id: number,
  input: UpdateTag,
  expectedVersion: number | undefined,
  actor: Actor,
) {
  await db.transaction(async (tx) => {
    const current = await repo.findForUpdate(tx, id);
    if (!current) throw new NotFoundError('Tag', id);
    assertVersion(current.version, expectedVersion);
    const newName = input.name !== undefined && input.name !== current.name ? input.name : undefined;
    // Merging two tags by renaming one onto the other is refused: delete one instead.
    if (newName !== undefined && (await repo.nameTaken(tx, newName, id))) throw nameConflict(newName);
    await repo.update(tx, id, input);
    if (newName !== undefined) await repo.renameOnItems(tx, current.name, newName, actor.label);
  });
  return getTag(db, id);
}

export async function deleteTag(
  db: Db,
  id: number,
  expectedVersion: number | undefined,
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await repo.findForUpdate(tx, id);
    if (!current) throw new NotFoundError('Tag', id);
    assertVersion(current.version, expectedVersion);
    await repo.removeFromItems(tx, current.name, actor.label);
    await repo.remove(tx, id);
  });
}
