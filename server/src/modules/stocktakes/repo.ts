// Physical audit SQL: the audit rows, the expected snapshot, scans (an upsert that counts repeats), progress
// counts, and the lines with their items and places for the report.
import { and, asc, desc, eq, getTableColumns, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/connection.ts';
import { inventoryItems, locations, stocktakeLines, stocktakes } from '../../db/schema.ts';
import { locationTree, subtreeIds } from '../../db/tree.ts';
import { withoutRowAudit } from '../../platform/audit.ts';
import type { StocktakeResult } from './schemas.ts';

export type StocktakeRow = typeof stocktakes.$inferSelect;
export type NewStocktake = typeof stocktakes.$inferInsert;
export type StocktakeDetail = StocktakeRow & { location_name: string };
export type LineRow = typeof stocktakeLines.$inferSelect;

function details(ex: Executor) {
  return ex
    .select({ ...getTableColumns(stocktakes), location_name: locations.name })
    .from(stocktakes)
    .innerJoin(locations, eq(locations.id, stocktakes.location_id));
}

const withinScope = (scopeRootId: number | null): SQL | undefined =>
  scopeRootId === null
    ? undefined
    : sql`${stocktakes.location_id} in ${subtreeIds(locationTree, scopeRootId)}`;

export async function findById(
  ex: Executor,
  id: number,
  scopeRootId: number | null,
): Promise<StocktakeDetail | undefined> {
  const [row] = await details(ex).where(and(eq(stocktakes.id, id), withinScope(scopeRootId)));
  return row;
}

/** Locks the audit row: `share` lets scans run side by side, `update` (closing) waits for them and shuts them out. */
export async function lock(
  ex: Executor,
  id: number,
  strength: 'share' | 'update',
): Promise<StocktakeRow | undefined> {
  const [row] = await ex.select().from(stocktakes).where(eq(stocktakes.id, id)).for(strength);
  return row;
}

export async function openAt(ex: Executor, locationId: number): Promise<number | undefined> {
  const [row] = await ex
    .select({ id: stocktakes.id })
    .from(stocktakes)
    .where(and(eq(stocktakes.location_id, locationId), eq(stocktakes.state, 'open')));
  return row?.id;
}

export async function insert(ex: Executor, values: NewStocktake): Promise<StocktakeRow> {
  const [row] = await ex.insert(stocktakes).values(values).returning();
  return row!;
}

export async function update(ex: Executor, id: number, values: Partial<NewStocktake>): Promise<void> {
  await ex
    .update(stocktakes)
    .set({ ...values, version: sql`${stocktakes.version} + 1`, updated_at: sql`now()` })
    .where(eq(stocktakes.id, id));
}

/**
 * The items expected at the start: placed in the subtree, not disposed, counted one by one (not by quantity).
 * A copy of where items already were, logged by the audit's own creation: not an audit entry per item, which
 * would write tens of thousands for a site. Scans and closing change lines, and those are logged.
 */
export async function snapshotExpected(ex: Executor, stocktakeId: number, locationId: number): Promise<void> {
  await withoutRowAudit(ex, () =>
    ex.execute(sql`
      insert into stocktake_lines (stocktake_id, item_id, expected, recorded_location_id)
      select ${stocktakeId}, i.id, true, i.location_id from inventory_items i
      where i.location_id in ${subtreeIds(locationTree, locationId)}
        and i.status <> 'disposed' and i.tracking = 'serial'
      order by i.id`),
  );
}

export interface Scan {
  stocktake_id: number;
  item_id: number;
  recorded_location_id: number | null;
  scanned_location_id: number | null;
  scanned_code: string | null;
  scanned_by: string;
}

/**
 * Records a scan in one statement, so scans of one item racing each other both count: the first makes (or, for
 * an expected item, fills) the line; later ones add to its count and keep the latest room given.
 */
export async function recordScan(ex: Executor, scan: Scan): Promise<LineRow> {
  const [row] = await ex
    .insert(stocktakeLines)
    .values({
      ...scan,
      expected: false,
      scan_count: 1,
      scanned_at: sql`now()`,
      last_scanned_at: sql`now()`,
    })
    .onConflictDoUpdate({
      target: [stocktakeLines.stocktake_id, stocktakeLines.item_id],
      set: {
        scan_count: sql`${stocktakeLines.scan_count} + 1`,
        scanned_location_id: sql`coalesce(excluded.scanned_location_id, ${stocktakeLines.scanned_location_id})`,
        scanned_code: sql`coalesce(${stocktakeLines.scanned_code}, excluded.scanned_code)`,
        scanned_by: sql`coalesce(${stocktakeLines.scanned_by}, excluded.scanned_by)`,
        scanned_at: sql`coalesce(${stocktakeLines.scanned_at}, now())`,
        last_scanned_at: sql`now()`,
        version: sql`${stocktakeLines.version} + 1`,
        updated_at: sql`now()`,
      },
    })
    .returning();
  return row!;
}

export async function setOutcome(
  ex: Executor,
  lineId: number,
  outcome: 'moved' | 'marked_lost',
): Promise<void> {
  await ex
    .update(stocktakeLines)
    .set({ outcome, version: sql`${stocktakeLines.version} + 1`, updated_at: sql`now()` })
    .where(eq(stocktakeLines.id, lineId));
}

const resultOf = sql<StocktakeResult>`case
  when ${stocktakeLines.expected} and ${stocktakeLines.scan_count} > 0 then 'found'
  when ${stocktakeLines.expected} then 'missing'
  else 'unexpected' end`;

/** The lines with one result, in item id order: what closing acts on. */
export async function linesWithResult(
  ex: Executor,
  stocktakeId: number,
  result: StocktakeResult,
): Promise<LineRow[]> {
  return ex
    .select()
    .from(stocktakeLines)
    .where(and(eq(stocktakeLines.stocktake_id, stocktakeId), sql`${resultOf} = ${result}`))
    .orderBy(asc(stocktakeLines.item_id));
}

export interface ProgressRow {
  stocktake_id: number;
  expected: number;
  found: number;
  unexpected: number;
  moved: number;
  marked_lost: number;
}

export async function progressOf(ex: Executor, stocktakeIds: number[]): Promise<ProgressRow[]> {
  if (!stocktakeIds.length) return [];
  const count = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;
  return ex
    .select({
      stocktake_id: stocktakeLines.stocktake_id,
      expected: count(sql`${stocktakeLines.expected}`),
      found: count(sql`${stocktakeLines.expected} and ${stocktakeLines.scan_count} > 0`),
      unexpected: count(sql`not ${stocktakeLines.expected}`),
      moved: count(sql`${stocktakeLines.outcome} = 'moved'`),
      marked_lost: count(sql`${stocktakeLines.outcome} = 'marked_lost'`),
    })
    .from(stocktakeLines)
    .where(inArray(stocktakeLines.stocktake_id, stocktakeIds))
    .groupBy(stocktakeLines.stocktake_id);
}

export interface ListFilter {
  /** Audits of this location or any below it. */
  locationId?: number | undefined;
  state?: string | undefined;
  scopeRootId: number | null;
}

/** Newest first, keyset on id; one more row than asked, to tell whether a next page exists. */
export async function list(
  ex: Executor,
  filter: ListFilter,
  beforeId: number | undefined,
  limit: number,
): Promise<StocktakeDetail[]> {
  return details(ex)
    .where(
      and(
        filter.locationId === undefined
          ? undefined
          : sql`${stocktakes.location_id} in ${subtreeIds(locationTree, filter.locationId)}`,
        filter.state === undefined ? undefined : eq(stocktakes.state, filter.state),
        withinScope(filter.scopeRootId),
        beforeId === undefined ? undefined : lt(stocktakes.id, beforeId),
      ),
    )
    .orderBy(desc(stocktakes.id))
    .limit(limit + 1);
}

const recorded = alias(locations, 'recorded');
const scannedIn = alias(locations, 'scanned_in');

export interface LineDetail {
  id: number;
  item_id: number;
  sku: string;
  name: string;
  result: StocktakeResult;
  recorded_location_id: number | null;
  recorded_location_name: string | null;
  scanned_location_id: number | null;
  scanned_location_name: string | null;
  scan_count: number;
  scanned_by: string | null;
  scanned_at: Date | null;
  outcome: string | null;
}

export interface LineFilter {
  stocktakeId: number;
  result?: StocktakeResult | undefined;
  itemId?: number | undefined;
  /** Lines after this one in (sku, id) order. */
  after?: { sku: string; id: number } | undefined;
}

/** The audit's lines with their items and places, by SKU. */
export async function lines(ex: Executor, filter: LineFilter, limit: number): Promise<LineDetail[]> {
  const { after } = filter;
  return ex
    .select({
      id: stocktakeLines.id,
      item_id: stocktakeLines.item_id,
      sku: inventoryItems.sku,
      name: inventoryItems.name,
      result: resultOf,
      recorded_location_id: stocktakeLines.recorded_location_id,
      recorded_location_name: recorded.name,
      scanned_location_id: stocktakeLines.scanned_location_id,
      scanned_location_name: scannedIn.name,
      scan_count: stocktakeLines.scan_count,
      scanned_by: stocktakeLines.scanned_by,
      scanned_at: stocktakeLines.scanned_at,
      outcome: stocktakeLines.outcome,
    })
    .from(stocktakeLines)
    .innerJoin(inventoryItems, eq(inventoryItems.id, stocktakeLines.item_id))
    .leftJoin(recorded, eq(recorded.id, stocktakeLines.recorded_location_id))
    .leftJoin(scannedIn, eq(scannedIn.id, stocktakeLines.scanned_location_id))
    .where(
      and(
        eq(stocktakeLines.stocktake_id, filter.stocktakeId),
        filter.result === undefined ? undefined : sql`${resultOf} = ${filter.result}`,
        filter.itemId === undefined ? undefined : eq(stocktakeLines.item_id, filter.itemId),
        after && sql`(${inventoryItems.sku}, ${stocktakeLines.id}) > (${after.sku}, ${after.id}::bigint)`,
      ),
    )
    .orderBy(asc(inventoryItems.sku), asc(stocktakeLines.id))
    .limit(limit);
}
