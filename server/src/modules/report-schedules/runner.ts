// The report job: turns due schedules into runs, then attempts the runs that are due. A run writes its report
// as the schedule's owner would see it now, keeps the file and mails it. A failure that may pass (the mail
// server, the database) is retried with growing delays; one that cannot (the owner lost access, the filters no
// longer hold) fails at once. Either way the run shows what went wrong.
import type { Readable } from 'node:stream';
import { ZodError } from 'zod';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events.ts';
import type { Mailer } from '../../platform/mail.ts';
import { scopeOfPrincipal } from '../../platform/scope.ts';
import { loadStandingPrincipal } from '../identity/users.ts';
import type { FileFormat } from '../reports/export.ts';
import { findReport } from '../reports/report-catalog.ts';
import { nextRunAfter } from './cron.ts';
import * as repo from './repo.ts';

/** Delays before the 2nd, 3rd and 4th attempt; after the 4th the run has failed. */
export const retryDelaysMs = [60_000, 5 * 60_000, 30 * 60_000];
const leaseMs = 15 * 60_000;
/** Files are kept in the database for download; past this, narrow the filters or take the API export. */
export const maxFileBytes = 50 * 1024 * 1024;
/** Larger files are not attached (mail servers refuse them); the mail says where to download instead. */
export const maxAttachmentBytes = 10 * 1024 * 1024;

/** A failure that retrying cannot mend. */
class Hopeless extends Error {}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxFileBytes) {
      body.destroy();
      throw new Hopeless(`The file passed ${maxFileBytes / 1024 / 1024} MB; narrow the filters`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Plans one run per due schedule (one for all the times missed while nothing ran), and moves it on. */
async function planDueRuns(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await repo.lockDueSchedules(tx, now);
    for (const schedule of due) {
      await repo.insertRun(tx, schedule.id, schedule.next_run_at!);
      await repo.advance(tx, schedule.id, nextRunAfter(schedule.cron, schedule.timezone, now));
    }
    return due.length;
  });
}

async function produce(db: Db, mailer: Mailer | undefined, run: repo.RunRow) {
  const schedule = await repo.findSchedule(db, run.schedule_id);
  if (!schedule) throw new Hopeless('The schedule was deleted');
  const report = findReport(schedule.report_key);
  if (!report) throw new Hopeless(`The report ${schedule.report_key} no longer exists`);
  const owner = await loadStandingPrincipal(db, schedule.owner_user_id);
  if (!owner?.permissions.has('reports:read') || !owner.permissions.has(report.permission)) {
    // Nothing will change by itself: stop the schedule rather than fail at every tick.
    await repo.advance(db, schedule.id, null);
    throw new Hopeless("The schedule's owner can no longer read this report; the schedule is stopped");
  }
  const file = await report.write(
    db,
    schedule.filters,
    scopeOfPrincipal(owner),
    schedule.format as FileFormat,
  );
  const content = await readAll(file.body);
  if (schedule.recipients.length > 0) {
    if (!mailer) throw new Hopeless('Mail is not configured on this server (SMTP_URL)');
    const attach = content.length <= maxAttachmentBytes;
    await mailer.send({
      to: schedule.recipients,
      subject: `${schedule.name}: ${report.title}`,
      text:
        `${report.title}, run for ${run.scheduled_for.toISOString()} by the schedule "${schedule.name}".\n` +
        (attach
          ? `The report is attached (${file.fileName}).\n`
          : `The file is too large to attach; download it in the app: /api/v1/report-runs/${run.id}/file\n`),
      attachments: attach ? [{ filename: file.fileName, contentType: file.contentType, content }] : [],
    });
  }
  return { file, content, deliveredTo: schedule.recipients };
}

type Outcome = 'succeeded' | 'retrying' | 'failed';

async function attempt(db: Db, mailer: Mailer | undefined, run: repo.RunRow, now: Date): Promise<Outcome> {
  try {
    const { file, content, deliveredTo } = await produce(db, mailer, run);
    await repo.finishRun(db, run.id, {
      state: 'succeeded',
      error: null,
      file_name: file.fileName,
      content_type: file.contentType,
      file: content,
      size_bytes: content.length,
      delivered_to: deliveredTo,
      finished_at: new Date(),
    });
    return 'succeeded';
  } catch (error) {
    const hopeless = error instanceof Hopeless || error instanceof AppError || error instanceof ZodError;
    const message =
      error instanceof ZodError
        ? `The saved filters no longer hold: ${error.issues.map((i) => `filters.${i.path.join('.')} ${i.message}`).join('; ')}`
        : (error as Error).message;
    const delay = retryDelaysMs[run.attempts - 1];
    if (!hopeless && delay !== undefined) {
      await repo.finishRun(db, run.id, { error: message, next_attempt_at: new Date(now.getTime() + delay) });
      return 'retrying';
    }
    await db.transaction(async (tx) => {
      await repo.finishRun(tx, run.id, { state: 'failed', error: message, finished_at: new Date() });
      await recordEvent(tx, {
        type: 'report_run.failed',
        aggregateType: 'report_schedule',
        aggregateId: run.schedule_id,
        payload: { run_id: run.id, error: message },
      });
    });
    return 'failed';
  }
}

export async function runScheduledReports(db: Db, mailer: Mailer | undefined, now = new Date()) {
  const outcomes: Record<Outcome | 'planned', number> = { planned: 0, succeeded: 0, retrying: 0, failed: 0 };
  outcomes.planned = await planDueRuns(db, now);
  for (;;) {
    const run = await repo.claimDueRun(db, now, new Date(now.getTime() + leaseMs));
    if (!run) return outcomes;
    outcomes[await attempt(db, mailer, run, now)] += 1;
  }
}
