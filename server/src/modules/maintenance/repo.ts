// Maintenance SQL: schedules with the item they concern, the work records, and the overdue and calendar reads.
import { and, asc, desc, eq, getTableColumns, gt, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { inventoryItems, maintenanceRecords, maintenanceSchedules as schedules } from '../../db/schema.ts';
import { locationTree, subtreeIds } from '../../db/tree.ts';

export type ScheduleRow = typeof schedules.$inferSelect;
export type NewSchedule = typeof schedules.$inferInsert;
export type NewRecord = typeof maintenanceRecords.$inferInsert;

const detailColumns = {
  ...getTableColumns(schedules),
  // INTERVAL read as PostgreSQL's text on both drivers; the presenter turns it into ISO 8601.
  estimated_duration: sql<string | null>`${schedules.estimated_duration}::text`,
  item_sku: inventoryItems.sku,
  item_name: inventoryItems.name,
  item_location_id: inventoryItems.location_id,
};

export type ScheduleDetail = ScheduleRow & {
  item_sku: string;
  item_name: string;
  item_location_id: number | null;
};

function details(ex: Executor) {
  return ex
    .select(detailColumns)
    .from(schedules)
    .innerJoin(inventoryItems, eq(inventoryItems.id, schedules.item_id));
}

/** Items at this location or below it; null means everywhere. */
function placedUnder(locationId: number | null | undefined): SQL | undefined {
  return locationId == null
    ? undefined
    : sql`${inventoryItems.location_id} in ${subtreeIds(locationTree, locationId)}`;
}

export async function findById(ex: Executor, id: number): Promise<ScheduleDetail | undefined> {
  const [row] = await details(ex).where(eq(schedules.id, id));
  return row;
}

export async function findForUpdate(ex: Executor, id: number): Promise<ScheduleRow | undefined> {
  const [row] = await ex.select().from(schedules).where(eq(schedules.id, id)).for('update');
  return row;
}

export async function insert(ex: Executor, values: NewSchedule): Promise<number> {
  const [row] = await ex.insert(schedules).values(values).returning({ id: schedules.id });
  return row!.id;
}

export async function update(ex: Executor, id: number, values: Partial<NewSchedule>): Promise<void> {
  await ex
    .update(schedules)
    .set({ ...values, version: sql`${schedules.version} + 1`, updated_at: sql`now()` })
    .where(eq(schedules.id, id));
}

export async function remove(ex: Executor, id: number): Promise<void> {
  await ex.delete(schedules).where(eq(schedules.id, id));
}

/** Another schedule of the item already being worked on, if any. */
export async function inProgressFor(
  ex: Executor,
  itemId: number,
  exceptId: number,
): Promise<number | undefined> {
  const [row] = await ex
    .select({ id: schedules.id })
    .from(schedules)
    .where(
      and(eq(schedules.item_id, itemId), eq(schedules.status, 'in_progress'), ne(schedules.id, exceptId)),
    );
  return row?.id;
}

export async function listForItem(
  ex: Executor,
  itemId: number,
  status: string | undefined,
  afterId: number | undefined,
  limit: number,
): Promise<ScheduleDetail[]> {
  return details(ex)
    .where(
      and(
        eq(schedules.item_id, itemId),
        status === undefined ? undefined : eq(schedules.status, status),
        afterId === undefined ? undefined : gt(schedules.id, afterId),
      ),
    )
    .orderBy(asc(schedules.id))
    .limit(limit + 1);
}

/** Due and not started: by date before `asOf`, or (usage schedules) by a reading at or past the due reading. */
export function isOverdue(asOf: string): SQL {
  return sql`${schedules.status} = 'scheduled' and case when ${schedules.recurrence} = 'usage'
      then ${schedules.usage_reading} >= ${schedules.next_due_usage}
      else ${schedules.scheduled_date} < ${asOf}::date end`;
}

/** Longest overdue first; keyset on (scheduled_date, id). */
export async function overdue(
  ex: Executor,
  asOf: string,
  scopeRootId: number | null,
  after: { date: string; id: number } | undefined,
  limit: number,
): Promise<ScheduleDetail[]> {
  return details(ex)
    .where(
      and(
        isOverdue(asOf),
        placedUnder(scopeRootId),
        after && sql`(${schedules.scheduled_date}, ${schedules.id}) > (${after.date}::date, ${after.id})`,
      ),
    )
    .orderBy(asc(schedules.scheduled_date), asc(schedules.id))
    .limit(limit + 1);
}

export interface CalendarFilter {
  from: string;
  to: string;
  scopeRootId: number | null;
  locationId?: number;
  technician?: string;
}

function byTechnician(technician: string | undefined): SQL | undefined {
  if (technician === undefined) return undefined;
  const byName = sql`lower(${schedules.technician}) = lower(${technician})`;
  return /^\d{1,15}$/.test(technician)
    ? or(eq(schedules.technician_user_id, Number(technician)), byName)
    : byName;
}

/**
 * Schedules with an occurrence that may fall in the window: calendar recurrences still running from before it,
 * and anything else dated inside it. Cancelled ones are left out.
 */
export async function calendarCandidates(ex: Executor, filter: CalendarFilter, max: number) {
  const recurring = and(inArray(schedules.recurrence, ['days', 'months']), ne(schedules.status, 'completed'));
  return details(ex)
    .where(
      and(
        ne(schedules.status, 'cancelled'),
        sql`${schedules.scheduled_date} <= ${filter.to}::date`,
        or(recurring, sql`${schedules.scheduled_date} >= ${filter.from}::date`),
        placedUnder(filter.scopeRootId),
        placedUnder(filter.locationId),
        byTechnician(filter.technician),
      ),
    )
    .orderBy(asc(schedules.scheduled_date), asc(schedules.id))
    .limit(max + 1);
}

// ── Work records ─────────────────────────────────────────────────────────────────────────────────────────────

const recordColumns = {
  ...getTableColumns(maintenanceRecords),
  actual_duration: sql<string | null>`${maintenanceRecords.actual_duration}::text`,
};

export type RecordRow = typeof maintenanceRecords.$inferSelect;

export async function insertRecord(ex: Executor, values: NewRecord): Promise<RecordRow> {
  const [row] = await ex.insert(maintenanceRecords).values(values).returning({ id: maintenanceRecords.id });
  const [record] = await ex
    .select(recordColumns)
    .from(maintenanceRecords)
    .where(eq(maintenanceRecords.id, row!.id));
  return record!;
}

/** An item's maintenance work, newest first; keyset on id. */
export async function recordsForItem(
  ex: Executor,
  itemId: number,
  beforeId: number | undefined,
  limit: number,
): Promise<RecordRow[]> {
  return ex
    .select(recordColumns)
    .from(maintenanceRecords)
    .where(
      and(
        eq(maintenanceRecords.item_id, itemId),
        beforeId === undefined ? undefined : lt(maintenanceRecords.id, beforeId),
      ),
    )
    .orderBy(desc(maintenanceRecords.id))
    .limit(limit + 1);
}
