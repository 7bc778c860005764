// Locations SQL: rows, counts, and the hierarchy walked with recursive CTEs.
import { and, eq, getTableColumns, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { containing } from '../../db/like.ts';
import * as tree from '../../db/tree.ts';
import { locations } from '../../db/schema.ts';
import {
  afterCursor,
  msTimestamp,
  orderBySql,
  sortSelection,
  type SortKey,
} from '../../platform/pagination.ts';

export type LocationRow = typeof locations.$inferSelect;
export type LocationWithCounts = LocationRow & { occupancy: number; children_count: number };
export type NewLocation = typeof locations.$inferInsert;

// Correlated subqueries name their tables explicitly: Drizzle renders bare column references unqualified.
const counts = {
  occupancy: sql<number>`(select count(*) from inventory_items i where i.location_id = "locations"."id")::int`,
  children_count: sql<number>`(select count(*) from locations c where c.parent_location_id = "locations"."id")::int`,
};

export const sortable = {
  id: { column: sql`${locations.id}`, nullable: false },
  name: { column: sql`${locations.name}`, nullable: false },
  code: { column: sql`${locations.code}`, nullable: true },
  type: { column: sql`${locations.type}`, nullable: false },
  // Ids grow with creation, and unlike the timestamp they are exact in a cursor.
  created_at: { column: sql`${locations.id}`, nullable: false },
  updated_at: { column: msTimestamp(locations.updated_at), nullable: false },
};

export async function findById(ex: Executor, id: number): Promise<LocationWithCounts | undefined> {
  const [row] = await ex
    .select({ ...getTableColumns(locations), ...counts })
    .from(locations)
    .where(eq(locations.id, id));
  return row;
}

export async function findForUpdate(ex: Executor, id: number): Promise<LocationRow | undefined> {
  const [row] = await ex.select().from(locations).where(eq(locations.id, id)).for('update');
  return row;
}

export async function exists(ex: Executor, id: number): Promise<boolean> {
  const [row] = await ex.select({ id: locations.id }).from(locations).where(eq(locations.id, id));
  return row !== undefined;
}

export interface ListFilter {
  /** Only this location and those below it (the caller's scope). */
  scopeRootId?: number | null;
  q?: string | undefined;
  type?: string | undefined;
  parent?: number | 'root' | undefined;
}

export async function list(
  ex: Executor,
  filter: ListFilter,
  sort: SortKey[],
  cursor: unknown[] | undefined,
  limit: number,
): Promise<LocationWithCounts[]> {
  const conditions: (SQL | undefined)[] = [
    filter.scopeRootId
      ? sql`${locations.id} in ${tree.subtreeIds(tree.locationTree, filter.scopeRootId)}`
      : undefined,
    filter.q
      ? or(ilike(locations.name, containing(filter.q)), ilike(locations.code, containing(filter.q)))
      : undefined,
    filter.type ? eq(locations.type, filter.type) : undefined,
    filter.parent === 'root' ? isNull(locations.parent_location_id) : undefined,
    typeof filter.parent === 'number' ? eq(locations.parent_location_id, filter.parent) : undefined,
    cursor ? afterCursor(sort, cursor) : undefined,
  ];
  return ex
    .select({ ...getTableColumns(locations), ...counts, ...sortSelection(sort) })
    .from(locations)
    .where(and(...conditions))
    .orderBy(orderBySql(sort))
    .limit(limit + 1);
}

export async function insert(ex: Executor, values: NewLocation): Promise<LocationRow> {
  const [row] = await ex.insert(locations).values(values).returning();
  return row!;
}

export async function update(ex: Executor, id: number, values: Partial<NewLocation>): Promise<LocationRow> {
  const [row] = await ex
    .update(locations)
    .set({ ...values, version: sql`${locations.version} + 1`, updated_at: sql`now()` })
    .where(eq(locations.id, id))
    .returning();
  return row!;
}

export async function remove(ex: Executor, id: number): Promise<void> {
  await ex.delete(locations).where(eq(locations.id, id));
}

export interface LocationRef {
  id: number;
  name: string;
  type: string;
}

/** Ancestors of a location, root first, excluding the location itself. */
export async function ancestors(ex: Executor, id: number): Promise<LocationRef[]> {
  return queryRows<LocationRef>(
    ex,
    sql`with recursive up(id, name, type, parent_location_id, depth) as (
          select id, name, type, parent_location_id, 0 from locations where id = ${id}
          union all
          select l.id, l.name, l.type, l.parent_location_id, up.depth + 1
          from locations l join up on l.id = up.parent_location_id
          where up.depth < 100
        )
        select id::int as id, name, type from up where depth > 0 order by depth desc`,
  );
}

export interface SubtreeRow extends LocationRef {
  parent_location_id: number | null;
  depth: number;
  capacity: number | null;
  occupancy: number;
}

/** The location and everything below it, depth-first by name. */
export async function subtree(ex: Executor, id: number): Promise<SubtreeRow[]> {
  return queryRows<SubtreeRow>(
    ex,
    sql`with recursive down(id, depth, sort_path) as (
          select id, 0, array[name::text] from locations where id = ${id}
          union all
          select l.id, down.depth + 1, down.sort_path || l.name::text
          from locations l join down on l.parent_location_id = down.id
          where down.depth < 100
        )
        select l.id::int as id, l.name, l.type, l.parent_location_id::int as parent_location_id, down.depth,
               l.capacity, (select count(*) from inventory_items i where i.location_id = l.id)::int as occupancy
        from down join locations l using (id)
        order by down.sort_path`,
  );
}

export const isInSubtree = (ex: Executor, root: number, candidate: number) =>
  tree.isInSubtree(ex, tree.locationTree, root, candidate);

export async function subtreeItemCount(ex: Executor, id: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    ex,
    sql`select count(*)::int as n from inventory_items where location_id in ${tree.subtreeIds(tree.locationTree, id)}`,
  );
  return row?.n ?? 0;
}

export const lockHierarchy = (ex: Executor) => tree.lockTree(ex, tree.locationTree);
