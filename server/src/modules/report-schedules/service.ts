// Report schedules: each user keeps their own; a schedule is checked against its report when saved, so a bad
// filter is refused now rather than failing every run.
import type { Db } from '../../db/connection.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../platform/errors.ts';
import type { Permission } from '../../platform/permissions.ts';
import { decodeIdCursor, encodeCursor } from '../../platform/pagination.ts';
import { findReport } from '../reports/report-catalog.ts';
import { nextRunAfter } from './cron.ts';
import { presentRun, presentSchedule } from './presenter.ts';
import * as repo from './repo.ts';
import type { CreateSchedule, ListRunsQuery, UpdateSchedule } from './schemas.ts';

export interface Owner {
  userId: number;
  permissions: ReadonlySet<Permission>;
  /** Whether mail can be sent at all (SMTP_URL set): without it a schedule takes no recipients. */
  mailConfigured: boolean;
}

type Settings = Pick<CreateSchedule, 'report' | 'filters' | 'cron' | 'recipients'> & { timezone: string };

function assertRunnable(settings: Settings, owner: Owner): void {
  const errors: FieldError[] = [];
  const report = findReport(settings.report);
  if (!report) errors.push({ field: 'report', message: 'is not a report in GET /reports' });
  if (report && !owner.permissions.has(report.permission)) {
    throw new ForbiddenError(`Reading the ${report.title} report needs ${report.permission}`);
  }
  const checked = report?.filters.safeParse(settings.filters ?? {});
  for (const issue of checked?.error?.issues ?? []) {
    errors.push({ field: ['filters', ...issue.path].join('.'), message: issue.message });
  }
  if (!owner.mailConfigured && (settings.recipients?.length ?? 0) > 0) {
    errors.push({ field: 'recipients', message: 'cannot be mailed: this server has no SMTP_URL configured' });
  }
  if (errors.length > 0) throw new ValidationError(errors);
}

const nextRun = (s: { enabled: boolean; cron: string; timezone: string }) =>
  s.enabled ? nextRunAfter(s.cron, s.timezone, new Date()) : null;

export async function getSchedule(db: Db, ownerId: number, id: number) {
  const row = await repo.findOwned(db, ownerId, id);
  if (!row) throw new NotFoundError('Report schedule', id);
  return presentSchedule(row);
}

export async function listSchedules(db: Db, ownerId: number, limit: number, cursor: string | undefined) {
  const afterId = decodeIdCursor(cursor);
  const rows = await repo.listOwned(db, ownerId, afterId, limit + 1);
  const data = rows.slice(0, limit).map(presentSchedule);
  return { data, next_cursor: rows.length > limit ? encodeCursor([data.at(-1)!.id]) : null };
}

export async function createSchedule(db: Db, owner: Owner, input: CreateSchedule) {
  const settings = {
    ...input,
    filters: input.filters ?? {},
    timezone: input.timezone ?? 'UTC',
    recipients: input.recipients ?? [],
    enabled: input.enabled ?? true,
  };
  assertRunnable(settings, owner);
  const id = await repo.insert(db, {
    owner_user_id: owner.userId,
    name: settings.name,
    report_key: settings.report,
    filters: settings.filters,
    format: settings.format,
    cron: settings.cron,
    timezone: settings.timezone,
    recipients: settings.recipients,
    enabled: settings.enabled,
    next_run_at: nextRun(settings),
  });
  return getSchedule(db, owner.userId, id);
}

export async function updateSchedule(
  db: Db,
  owner: Owner,
  id: number,
  input: UpdateSchedule,
  expectedVersion: number | undefined,
) {
  await db.transaction(async (tx) => {
    const current = await repo.findOwnedForUpdate(tx, owner.userId, id);
    if (!current) throw new NotFoundError('Report schedule', id);
    assertVersion(current.version, expectedVersion);
    const merged = {
      report: input.report ?? current.report_key,
      filters: input.filters ?? current.filters,
      cron: input.cron ?? current.cron,
      timezone: input.timezone ?? current.timezone,
      recipients: input.recipients ?? current.recipients,
      enabled: input.enabled ?? current.enabled,
    };
    // A cron checked alone may still fail in a newly chosen zone, so the pair is checked again here.
    assertRunnable(merged, owner);
    await repo.update(tx, id, {
      name: input.name,
      report_key: merged.report,
      filters: merged.filters,
      format: input.format,
      cron: merged.cron,
      timezone: merged.timezone,
      recipients: merged.recipients,
      enabled: merged.enabled,
      next_run_at: nextRun(merged),
    });
  });
  return getSchedule(db, owner.userId, id);
}

export async function deleteSchedule(
  db: Db,
  ownerId: number,
  id: number,
  expectedVersion: number | undefined,
) {
  await db.transaction(async (tx) => {
    const current = await repo.findOwnedForUpdate(tx, ownerId, id);
    if (!current) throw new NotFoundError('Report schedule', id);
    assertVersion(current.version, expectedVersion);
    await repo.remove(tx, id);
  });
}

/** Queues a run now, picked up by the report job within a minute. */
export async function runNow(db: Db, ownerId: number, id: number) {
  await getSchedule(db, ownerId, id);
  const run = await repo.insertRun(db, id, new Date());
  if (!run) throw new NotFoundError('Report schedule', id);
  return presentRun(run);
}

export async function listRuns(db: Db, ownerId: number, id: number, query: ListRunsQuery) {
  await getSchedule(db, ownerId, id);
  const beforeId = decodeIdCursor(query.cursor);
  const rows = await repo.listRuns(db, id, query.state, beforeId, query.limit + 1);
  const data = rows.slice(0, query.limit).map(presentRun);
  return { data, next_cursor: rows.length > query.limit ? encodeCursor([data.at(-1)!.id]) : null };
}

export async function runFile(db: Db, ownerId: number, runId: number) {
  const run = await repo.findOwnedRunFile(db, ownerId, runId);
  if (!run?.file || run.state !== 'succeeded') throw new NotFoundError('Report file', runId);
  return { fileName: run.file_name!, contentType: run.content_type!, content: run.file };
}
