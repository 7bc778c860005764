// Stock levels and the movement ledger: SQL only.
import { and, asc, desc, eq, getTableColumns, gt, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { inventoryItems, locations, stockLevels, stockMovements, suppliers } from '../../db/schema.ts';
import { containing } from '../../db/like.ts';
import { locationTree, subtreeIds } from '../../db/tree.ts';

export type LevelRow = typeof stockLevels.$inferSelect;
export type MovementRow = typeof stockMovements.$inferSelect;
export type NewMovement = typeof stockMovements.$inferInsert;
export type LevelDetail = LevelRow & { location_name: string };

/**
 * Serialises every change to the given (item, location) levels, taken in location order before any write.
 * An advisory lock rather than a row lock, because the level row may not exist yet; and taken before the first
 * audited write, so no transaction holds the audit chain's head while it waits for one of these.
 */
export async function lockLevels(ex: Executor, itemId: number, locationIds: number[]): Promise<void> {
  for (const locationId of [...new Set(locationIds)].sort((a, b) => a - b)) {
    await ex.execute(
      sql`select pg_advisory_xact_lock(hashtext('stock_levels'), hashtext(${`${itemId}:${locationId}`}))`,
    );
  }
}

export async function locationExists(ex: Executor, id: number): Promise<boolean> {
  const [row] = await ex.select({ id: locations.id }).from(locations).where(eq(locations.id, id));
  return row !== undefined;
}

export async function findLevel(
  ex: Executor,
  itemId: number,
  locationId: number,
): Promise<LevelRow | undefined> {
  const [row] = await ex
    .select()
    .from(stockLevels)
    .where(and(eq(stockLevels.item_id, itemId), eq(stockLevels.location_id, locationId)));
  return row;
}

export async function insertLevel(ex: Executor, values: typeof stockLevels.$inferInsert): Promise<LevelRow> {
  const [row] = await ex.insert(stockLevels).values(values).returning();
  return row!;
}

export async function updateLevel(
  ex: Executor,
  id: number,
  values: Partial<typeof stockLevels.$inferInsert>,
): Promise<LevelRow> {
  const [row] = await ex
    .update(stockLevels)
    .set({ ...values, version: sql`${stockLevels.version} + 1`, updated_at: sql`now()` })
    .where(eq(stockLevels.id, id))
    .returning();
  return row!;
}

export async function insertMovement(ex: Executor, values: NewMovement): Promise<MovementRow> {
  const [row] = await ex.insert(stockMovements).values(values).returning();
  return row!;
}

const inScope = (column: SQL | typeof stockLevels.location_id, rootId: number | null) =>
  rootId === null ? undefined : sql`${column} in ${subtreeIds(locationTree, rootId)}`;

const levelDetail = { ...getTableColumns(stockLevels), location_name: locations.name };

/** An item's levels at the given locations (all of them when `locationIds` is undefined), scoped. */
export async function listLevels(
  ex: Executor,
  itemId: number,
  scopeRootId: number | null,
  locationIds?: number[],
): Promise<LevelDetail[]> {
  return ex
    .select(levelDetail)
    .from(stockLevels)
    .innerJoin(locations, eq(locations.id, stockLevels.location_id))
    .where(
      and(
        eq(stockLevels.item_id, itemId),
        locationIds ? inArray(stockLevels.location_id, locationIds) : undefined,
        inScope(stockLevels.location_id, scopeRootId),
      ),
    )
    .orderBy(asc(locations.name), asc(stockLevels.location_id));
}

/** Where a levels listing resumes: the last row's item name, location name and level id. */
export type LevelsCursor = [string, string, number];

/**
 * Levels of every item, by item name then location name (keyset), scoped; filtered by a location subtree, by
 * part of the item's name or SKU, and to the low ones (below the minimum or at or below the reorder point).
 */
export async function levelsAcrossItems(
  ex: Executor,
  filter: { scopeRootId: number | null; locationId?: number; q?: string; low: boolean },
  after: LevelsCursor | undefined,
  limit: number,
) {
  return ex
    .select({
      ...levelDetail,
      sku: inventoryItems.sku,
      item_name: inventoryItems.name,
      unit: inventoryItems.unit,
    })
    .from(stockLevels)
    .innerJoin(inventoryItems, eq(inventoryItems.id, stockLevels.item_id))
    .innerJoin(locations, eq(locations.id, stockLevels.location_id))
    .where(
      and(
        inScope(stockLevels.location_id, filter.scopeRootId),
        filter.locationId === undefined ? undefined : inScope(stockLevels.location_id, filter.locationId),
        filter.q === undefined
          ? undefined
          : or(
              ilike(inventoryItems.name, containing(filter.q)),
              ilike(inventoryItems.sku, containing(filter.q)),
            ),
        filter.low
          ? sql`(${stockLevels.quantity} < ${stockLevels.min_level} or ${stockLevels.quantity} <= ${stockLevels.reorder_point})`
          : undefined,
        after === undefined
          ? undefined
          : sql`(${inventoryItems.name}, ${locations.name}, ${stockLevels.id}) > (${after[0]}, ${after[1]}, ${after[2]})`,
      ),
    )
    .orderBy(asc(inventoryItems.name), asc(locations.name), asc(stockLevels.id))
    .limit(limit + 1);
}
export type LevelEntryRow = Awaited<ReturnType<typeof levelsAcrossItems>>[number];

/** Newest first, keyset on id; a scoped caller sees movements into or out of their locations. */
export async function listMovements(
  ex: Executor,
  itemId: number,
  scopeRootId: number | null,
  beforeId: number | undefined,
  limit: number,
): Promise<MovementRow[]> {
  const visible =
    scopeRootId === null
      ? undefined
      : or(
          inScope(sql`${stockMovements.from_location_id}`, scopeRootId),
          inScope(sql`${stockMovements.to_location_id}`, scopeRootId),
        );
  return ex
    .select()
    .from(stockMovements)
    .where(
      and(
        eq(stockMovements.item_id, itemId),
        beforeId === undefined ? undefined : lt(stockMovements.id, beforeId),
        visible,
      ),
    )
    .orderBy(desc(stockMovements.id))
    .limit(limit + 1);
}

/** The unit cost of the item's latest receipt that had one. */
const lastUnitCost = sql<string | null>`(
  select m.unit_cost from ${stockMovements} m
   where m.item_id = ${inventoryItems.id} and m.kind = 'receive' and m.unit_cost is not null
   order by m.id desc limit 1)`;

/** Levels at or below their reorder point, in level order (keyset on the level id), scoped and filtered. */
export async function reorderCandidates(
  ex: Executor,
  filter: { scopeRootId: number | null; locationId?: number },
  afterId: number | undefined,
  limit: number,
) {
  return ex
    .select({
      level_id: stockLevels.id,
      item_id: inventoryItems.id,
      sku: inventoryItems.sku,
      item_name: inventoryItems.name,
      unit: inventoryItems.unit,
      location_id: locations.id,
      location_name: locations.name,
      quantity: stockLevels.quantity,
      min_level: stockLevels.min_level,
      reorder_point: stockLevels.reorder_point,
      reorder_quantity: stockLevels.reorder_quantity,
      supplier_id: suppliers.id,
      supplier_name: suppliers.name,
      last_unit_cost: lastUnitCost,
    })
    .from(stockLevels)
    .innerJoin(inventoryItems, eq(inventoryItems.id, stockLevels.item_id))
    .innerJoin(locations, eq(locations.id, stockLevels.location_id))
    .leftJoin(suppliers, eq(suppliers.id, inventoryItems.supplier_id))
    .where(
      and(
        sql`${stockLevels.quantity} <= ${stockLevels.reorder_point}`,
        afterId === undefined ? undefined : gt(stockLevels.id, afterId),
        inScope(stockLevels.location_id, filter.scopeRootId),
        filter.locationId === undefined ? undefined : inScope(stockLevels.location_id, filter.locationId),
      ),
    )
    .orderBy(asc(stockLevels.id))
    .limit(limit + 1);
}
export type ReorderRow = Awaited<ReturnType<typeof reorderCandidates>>[number];
