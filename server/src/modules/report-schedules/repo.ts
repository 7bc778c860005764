// Report schedules and runs in SQL: owner-scoped reads, the due-run planning and the claim of a run to attempt.
import { and, desc, eq, getTableColumns, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { reportRuns, reportSchedules } from '../../db/schema.ts';

export type ScheduleRow = typeof reportSchedules.$inferSelect;
export type NewSchedule = typeof reportSchedules.$inferInsert;
export type RunRow = Omit<typeof reportRuns.$inferSelect, 'file'>;

const lastRun = {
  last_run: sql<{ id: number; state: string; scheduled_for: string } | null>`(
    select json_build_object('id', r.id, 'state', r.state, 'scheduled_for', r.scheduled_for)
    from report_runs r where r.schedule_id = "report_schedules"."id"
    order by r.scheduled_for desc limit 1)`,
};
const ownedBy = (ownerId: number, id: number) =>
  and(eq(reportSchedules.id, id), eq(reportSchedules.owner_user_id, ownerId));

export async function findOwned(ex: Executor, ownerId: number, id: number) {
  const [row] = await ex
    .select({ ...getTableColumns(reportSchedules), ...lastRun })
    .from(reportSchedules)
    .where(ownedBy(ownerId, id));
  return row;
}

export async function findOwnedForUpdate(ex: Executor, ownerId: number, id: number) {
  const [row] = await ex.select().from(reportSchedules).where(ownedBy(ownerId, id)).for('update');
  return row;
}

export function listOwned(ex: Executor, ownerId: number, afterId: number | null, limit: number) {
  return ex
    .select({ ...getTableColumns(reportSchedules), ...lastRun })
    .from(reportSchedules)
    .where(
      and(
        eq(reportSchedules.owner_user_id, ownerId),
        afterId === null ? undefined : sql`${reportSchedules.id} > ${afterId}`,
      ),
    )
    .orderBy(reportSchedules.id)
    .limit(limit);
}

export async function insert(ex: Executor, row: NewSchedule): Promise<number> {
  const [created] = await ex.insert(reportSchedules).values(row).returning({ id: reportSchedules.id });
  return created!.id;
}

export async function update(ex: Executor, id: number, changes: Partial<NewSchedule>): Promise<void> {
  await ex
    .update(reportSchedules)
    .set({ ...changes, version: sql`${reportSchedules.version} + 1`, updated_at: new Date() })
    .where(eq(reportSchedules.id, id));
}

export async function remove(ex: Executor, id: number): Promise<void> {
  await ex.delete(reportSchedules).where(eq(reportSchedules.id, id));
}

export async function findSchedule(ex: Executor, id: number): Promise<ScheduleRow | undefined> {
  const [row] = await ex.select().from(reportSchedules).where(eq(reportSchedules.id, id));
  return row;
}

// ── Runs ─────────────────────────────────────────────────────────────────────────────────────────────────────

const { file: _file, ...runColumns } = getTableColumns(reportRuns);

export function listRuns(
  ex: Executor,
  scheduleId: number,
  state: string | undefined,
  beforeId: number | null,
  limit: number,
): Promise<RunRow[]> {
  return ex
    .select(runColumns)
    .from(reportRuns)
    .where(
      and(
        eq(reportRuns.schedule_id, scheduleId),
        state === undefined ? undefined : eq(reportRuns.state, state),
        beforeId === null ? undefined : lt(reportRuns.id, beforeId),
      ),
    )
    .orderBy(desc(reportRuns.id))
    .limit(limit);
}

/** A run with its file, if the run belongs to a schedule of this owner. */
export async function findOwnedRunFile(ex: Executor, ownerId: number, runId: number) {
  const [row] = await ex
    .select({
      state: reportRuns.state,
      file_name: reportRuns.file_name,
      content_type: reportRuns.content_type,
      file: reportRuns.file,
    })
    .from(reportRuns)
    .innerJoin(reportSchedules, eq(reportSchedules.id, reportRuns.schedule_id))
    .where(and(eq(reportRuns.id, runId), eq(reportSchedules.owner_user_id, ownerId)));
  return row;
}

/** Queues a run for that time; answers undefined if the schedule already has one for it. */
export async function insertRun(
  ex: Executor,
  scheduleId: number,
  scheduledFor: Date,
): Promise<RunRow | undefined> {
  const [row] = await ex
    .insert(reportRuns)
    .values({ schedule_id: scheduleId, scheduled_for: scheduledFor })
    .onConflictDoNothing()
    .returning(runColumns);
  return row;
}

/** The enabled schedules whose time has come, locked; a schedule another worker is planning is skipped. */
export function lockDueSchedules(ex: Executor, now: Date): Promise<ScheduleRow[]> {
  return ex
    .select()
    .from(reportSchedules)
    .where(and(eq(reportSchedules.enabled, true), lte(reportSchedules.next_run_at, now)))
    .orderBy(reportSchedules.next_run_at)
    .limit(100)
    .for('update', { skipLocked: true });
}

/** Moves the schedule to its next time; not a user's edit, so its version (the ETag) stays. */
export async function advance(ex: Executor, id: number, nextRunAt: Date | null): Promise<void> {
  await ex.update(reportSchedules).set({ next_run_at: nextRunAt }).where(eq(reportSchedules.id, id));
}

/**
 * Takes the next due pending run for an attempt: counts the attempt and leases the run until `leaseUntil`, so
 * another worker leaves it alone meanwhile, and a worker that dies mid-way leaves it to be tried again after.
 */
export async function claimDueRun(ex: Executor, now: Date, leaseUntil: Date): Promise<RunRow | undefined> {
  const [row] = await ex
    .update(reportRuns)
    .set({ attempts: sql`${reportRuns.attempts} + 1`, next_attempt_at: leaseUntil, updated_at: now })
    .where(
      eq(
        reportRuns.id,
        sql`(select id from report_runs where state = 'pending' and next_attempt_at <= ${now}
              order by next_attempt_at, id limit 1 for update skip locked)`,
      ),
    )
    .returning(runColumns);
  return row;
}

export async function finishRun(
  ex: Executor,
  id: number,
  outcome: Partial<typeof reportRuns.$inferInsert>,
): Promise<void> {
  await ex
    .update(reportRuns)
    .set({ ...outcome, updated_at: new Date() })
    .where(eq(reportRuns.id, id));
}
