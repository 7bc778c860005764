// Category rules: the hierarchy never forms a cycle, MACRS comes with its recovery period (and only MACRS does),
// and a category that still holds items or sub-categories is not deleted. Also what the items module asks of
// categories: whether one exists, and which custom fields apply to its items.
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { categories } from '../../db/schema.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { cursorOf, decodeCursor, parseSort, toPage, type Page } from '../../platform/pagination.ts';
import type { FieldDefinition } from './custom-field-values.ts';
import * as fieldRepo from './field-repo.ts';
import { presentCategory, presentCategoryDetail } from './presenter.ts';
import * as repo from './repo.ts';
import type { CreateCategory, ListCategoriesQuery, UpdateCategory } from './schemas.ts';

export { checkCustomFields, type FieldDefinition } from './custom-field-values.ts';

export async function categoryExists(ex: Executor, id: number): Promise<boolean> {
  return repo.exists(ex, id);
}

/** Definitions that apply to items of this category: its own and its ancestors'; a nearer category's definition wins on the same name. */
export async function effectiveFieldDefinitions(
  ex: Executor,
  categoryId: number,
): Promise<FieldDefinition[]> {
  const rows = await fieldRepo.effective(ex, categoryId);
  return rows.map((row) => ({
    name: row.name,
    label: row.label,
    field_type: row.field_type as FieldDefinition['field_type'],
    required: row.required,
    options: row.options,
    sensitive: row.sensitive,
  }));
}

/** Sensitive values are sealed, so they cannot be filtered on; the caller is told rather than shown nothing. */
export async function assertFilterable(ex: Executor, fieldNames: string[]): Promise<void> {
  if (!fieldNames.length) return;
  const sensitive = await fieldRepo.sensitiveNames(ex, fieldNames);
  if (sensitive.length) {
    throw new ValidationError(
      sensitive.map((name) => ({
        field: `cf.${name}`,
        message: 'is a sensitive field: encrypted, so not filterable',
      })),
    );
  }
}

export async function getCategory(db: Db, id: number) {
  const row = await repo.findById(db, id);
  if (!row) throw new NotFoundError('Category', id);
  return presentCategoryDetail(row, await repo.ancestors(db, id));
}

export async function listCategories(
  db: Db,
  query: ListCategoriesQuery,
): Promise<Page<ReturnType<typeof presentCategory>>> {
  const sort = parseSort(query.sort, repo.sortable, 'name', sql`${categories.id}`);
  const cursor = query.cursor ? decodeCursor(query.cursor, sort.length) : undefined;
  const rows = await repo.list(
    db,
    { q: query.q, parent: query.parent_category_id },
    sort,
    cursor,
    query.limit,
  );
  return toPage(rows, query.limit, cursorOf(sort), presentCategory);
}

/** The kinds of things there are, named, for those who may ask for one but not browse the catalogue. */
export async function listCategoryNames(db: Db) {
  return { data: await repo.allNames(db) };
}

export async function getSubtree(db: Db, id: number) {
  if (!(await repo.exists(db, id))) throw new NotFoundError('Category', id);
  return repo.subtree(db, id);
}

/** MACRS depreciates over a fixed recovery period; the other methods use useful_life_months instead. */
function checkRecoveryPeriod(method: string, recoveryPeriod: number | null | undefined): void {
  if (method === 'macrs' && recoveryPeriod == null) {
    throw ValidationError.field('recovery_period', 'is required when depreciation_method is macrs');
  }
  if (method !== 'macrs' && recoveryPeriod != null) {
    throw ValidationError.field(
      'recovery_period',
      `applies only to macrs, not ${method}; send null to clear it`,
    );
  }
}

async function assertParentExists(ex: Executor, parentId: number): Promise<void> {
  if (!(await repo.exists(ex, parentId))) {
    throw ValidationError.field('parent_category_id', `category ${parentId} does not exist`);
  }
}

export async function createCategory(db: Db, input: CreateCategory) {
  checkRecoveryPeriod(input.depreciation_method ?? 'straight_line', input.recovery_period);
  const id = await db.transaction(async (tx) => {
    if (input.parent_category_id != null) await assertParentExists(tx, input.parent_category_id);
    return (await repo.insert(tx, input)).id;
  });
  return getCategory(db, id);
}

export async function updateCategory(
  db: Db,
  id: number,
  input: UpdateCategory,
  expectedVersion: number | undefined,
) {
  const newParent = input.parent_category_id;
  await db.transaction(async (tx) => {
    // A move takes the hierarchy lock before any row lock: the other way round, two crossing moves each hold
    // their own row while the foreign key check waits for the other's, and deadlock.
    if (newParent != null) await repo.lockHierarchy(tx);
    const current = await repo.findForUpdate(tx, id);
    if (!current) throw new NotFoundError('Category', id);
    assertVersion(current.version, expectedVersion);
    checkRecoveryPeriod(
      input.depreciation_method ?? current.depreciation_method,
      input.recovery_period !== undefined ? input.recovery_period : current.recovery_period,
    );

    if (newParent != null && newParent !== current.parent_category_id) {
      await assertParentExists(tx, newParent);
      if (await repo.isInSubtree(tx, id, newParent)) {
        throw ValidationError.field(
          'parent_category_id',
          newParent === id
            ? 'a category cannot be its own parent'
            : `category ${newParent} is inside this category; moving here would make a cycle`,
        );
      }
    }
    await repo.update(tx, id, input);
  });
  return getCategory(db, id);
}

export async function deleteCategory(db: Db, id: number, expectedVersion: number | undefined): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await repo.findForUpdate(tx, id);
    if (!current) throw new NotFoundError('Category', id);
    assertVersion(current.version, expectedVersion);
    const counts = await repo.findById(tx, id);
    if (counts && (counts.item_count > 0 || counts.children_count > 0)) {
      throw new ConflictError(
        `Category ${id} still holds ${counts.item_count} items and ${counts.children_count} sub-categories; move them first`,
      );
    }
    // Its custom field definitions go with it (ON DELETE CASCADE): no item can use them any more.
    await repo.remove(tx, id);
  });
}
