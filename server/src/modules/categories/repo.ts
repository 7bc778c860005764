// Categories SQL: rows, counts, and the hierarchy walked with recursive CTEs.
import { and, eq, getTableColumns, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { containing } from '../../db/like.ts';
import * as tree from '../../db/tree.ts';
import { categories } from '../../db/schema.ts';
import {
  afterCursor,
  msTimestamp,
  orderBySql,
  sortSelection,
  type SortKey,
} from '../../platform/pagination.ts';

export type CategoryRow = typeof categories.$inferSelect;
export type CategoryWithCounts = CategoryRow & { item_count: number; children_count: number };
export type NewCategory = typeof categories.$inferInsert;

// Correlated subqueries name their tables explicitly: Drizzle renders bare column references unqualified.
const counts = {
  item_count: sql<number>`(select count(*) from inventory_items i where i.category_id = "categories"."id")::int`,
  children_count: sql<number>`(select count(*) from categories c where c.parent_category_id = "categories"."id")::int`,
};

export const sortable = {
  id: { column: sql`${categories.id}`, nullable: false },
  name: { column: sql`${categories.name}`, nullable: false },
  depreciation_method: { column: sql`${categories.depreciation_method}`, nullable: false },
  useful_life_months: { column: sql`${categories.useful_life_months}`, nullable: true },
  // Ids grow with creation, and unlike the timestamp they are exact in a cursor.
  created_at: { column: sql`${categories.id}`, nullable: false },
  updated_at: { column: msTimestamp(categories.updated_at), nullable: false },
};

export async function findById(ex: Executor, id: number): Promise<CategoryWithCounts | undefined> {
  const [row] = await ex
    .select({ ...getTableColumns(categories), ...counts })
    .from(categories)
    .where(eq(categories.id, id));
  return row;
}

export async function findForUpdate(ex: Executor, id: number): Promise<CategoryRow | undefined> {
  const [row] = await ex.select().from(categories).where(eq(categories.id, id)).for('update');
  return row;
}

/** Locks the category against deletion while something is added under it (e.g. a field definition). */
export async function lockForShare(ex: Executor, id: number): Promise<boolean> {
  const rows = await ex
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.id, id))
    .for('share');
  return rows.length > 0;
}

export async function exists(ex: Executor, id: number): Promise<boolean> {
  const [row] = await ex.select({ id: categories.id }).from(categories).where(eq(categories.id, id));
  return row !== undefined;
}

export interface ListFilter {
  q?: string | undefined;
  parent?: number | 'root' | undefined;
}

export async function list(
  ex: Executor,
  filter: ListFilter,
  sort: SortKey[],
  cursor: unknown[] | undefined,
  limit: number,
): Promise<CategoryWithCounts[]> {
  const conditions: (SQL | undefined)[] = [
    filter.q ? ilike(categories.name, containing(filter.q)) : undefined,
    filter.parent === 'root' ? isNull(categories.parent_category_id) : undefined,
    typeof filter.parent === 'number' ? eq(categories.parent_category_id, filter.parent) : undefined,
    cursor ? afterCursor(sort, cursor) : undefined,
  ];
  return ex
    .select({ ...getTableColumns(categories), ...counts, ...sortSelection(sort) })
    .from(categories)
    .where(and(...conditions))
    .orderBy(orderBySql(sort))
    .limit(limit + 1);
}

export async function insert(ex: Executor, values: NewCategory): Promise<CategoryRow> {
  const [row] = await ex.insert(categories).values(values).returning();
  return row!;
}

export async function update(ex: Executor, id: number, values: Partial<NewCategory>): Promise<CategoryRow> {
  const [row] = await ex
    .update(categories)
    .set({ ...values, version: sql`${categories.version} + 1`, updated_at: sql`now()` })
    .where(eq(categories.id, id))
    .returning();
  return row!;
}

export async function remove(ex: Executor, id: number): Promise<void> {
  await ex.delete(categories).where(eq(categories.id, id));
}

export interface CategoryRef {
  id: number;
  name: string;
}

/** Every category's name and parent: the whole tree, small enough to send at once. */
export async function allNames(
  ex: Executor,
): Promise<(CategoryRef & { parent_category_id: number | null })[]> {
  return ex
    .select({ id: categories.id, name: categories.name, parent_category_id: categories.parent_category_id })
    .from(categories)
    .orderBy(categories.name, categories.id);
}

/** Ancestors of a category, root first, excluding the category itself. */
export async function ancestors(ex: Executor, id: number): Promise<CategoryRef[]> {
  return queryRows<CategoryRef>(
    ex,
    sql`with recursive up(id, name, parent_category_id, depth) as (
          select id, name, parent_category_id, 0 from categories where id = ${id}
          union all
          select c.id, c.name, c.parent_category_id, up.depth + 1
          from categories c join up on c.id = up.parent_category_id
          where up.depth < 100
        )
        select id::int as id, name from up where depth > 0 order by depth desc`,
  );
}

export interface SubtreeRow extends CategoryRef {
  parent_category_id: number | null;
  depth: number;
  item_count: number;
}

/** The category and everything below it, depth-first by name. */
export async function subtree(ex: Executor, id: number): Promise<SubtreeRow[]> {
  return queryRows<SubtreeRow>(
    ex,
    sql`with recursive down(id, depth, sort_path) as (
          select id, 0, array[name::text] from categories where id = ${id}
          union all
          select c.id, down.depth + 1, down.sort_path || c.name::text
          from categories c join down on c.parent_category_id = down.id
          where down.depth < 100
        )
        select c.id::int as id, c.name, c.parent_category_id::int as parent_category_id, down.depth,
               (select count(*) from inventory_items i where i.category_id = c.id)::int as item_count
        from down join categories c using (id)
        order by down.sort_path, c.id`,
  );
}

export const isInSubtree = (ex: Executor, root: number, candidate: number) =>
  tree.isInSubtree(ex, tree.categoryTree, root, candidate);

export const lockHierarchy = (ex: Executor) => tree.lockTree(ex, tree.categoryTree);
