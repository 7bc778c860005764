// Report schedule request and response shapes.
import { z } from 'zod';
import { reportFormats, reportRunStates } from '../../db/schema.ts';
import { PageQuery } from '../../platform/pagination.ts';
import { Id, Timestamps } from '../../platform/schemas.ts';
import { cronProblem, isTimeZone } from './cron.ts';

const Recipient = z.string().trim().max(254).regex(z.regexes.email, 'must be an email address').toLowerCase();

const ScheduleFields = z.object({
  name: z.string().trim().min(1).max(200),
  report: z.string().min(1).max(50).describe('A report key from GET /reports, e.g. `asset-register`'),
  filters: z
    .record(z.string(), z.unknown())
    .describe("The report's query parameters (without format and paging), checked against the report"),
  format: z.enum(reportFormats),
  cron: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe(
      'Five fields, minute hour day-of-month month day-of-week (`0 7 * * 1`: Mondays 07:00), or @daily',
    ),
  timezone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Berlin')
    .describe('The zone the cron expression is read in'),
  recipients: z
    .array(Recipient)
    .max(50)
    .describe('Mailed the file on each run; empty keeps it for download only'),
  enabled: z.boolean(),
});

/** The cron expression is checked in its time zone, so the error lands on `cron`. */
const withValidCron = <T extends { cron?: string | undefined; timezone?: string | undefined }>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  if (value.cron === undefined) return;
  const problem = cronProblem(value.cron, value.timezone ?? 'UTC');
  if (problem) ctx.addIssue({ code: 'custom', path: ['cron'], message: problem });
};

export const CreateSchedule = ScheduleFields.partial({
  filters: true,
  timezone: true,
  recipients: true,
  enabled: true,
})
  .strict()
  .superRefine(withValidCron);
export type CreateSchedule = z.infer<typeof CreateSchedule>;

export const UpdateSchedule = ScheduleFields.partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change')
  .superRefine(withValidCron);
export type UpdateSchedule = z.infer<typeof UpdateSchedule>;

export const Schedule = z.object({
  id: z.number(),
  name: z.string(),
  report: z.string(),
  filters: z.record(z.string(), z.unknown()),
  format: z.enum(reportFormats),
  cron: z.string(),
  timezone: z.string(),
  recipients: z.array(z.string()),
  enabled: z.boolean(),
  next_run_at: z.string().nullable().describe('Null while disabled'),
  last_run: z
    .object({ id: z.number(), state: z.enum(reportRunStates), scheduled_for: z.string() })
    .nullable(),
  ...Timestamps,
});

export const Run = z.object({
  id: z.number(),
  schedule_id: z.number(),
  scheduled_for: z.string(),
  state: z.enum(reportRunStates).describe('pending (waiting or being retried), succeeded, failed (gave up)'),
  attempts: z.number(),
  next_attempt_at: z.string().nullable().describe('When a pending run is tried (again)'),
  error: z.string().nullable().describe('Why the last attempt failed'),
  file_name: z.string().nullable(),
  size_bytes: z.number().nullable(),
  delivered_to: z.array(z.string()),
  finished_at: z.string().nullable(),
  download_url: z.string().nullable(),
});

export const ListRunsQuery = PageQuery.extend({ state: z.enum(reportRunStates).optional() }).strict();
export type ListRunsQuery = z.infer<typeof ListRunsQuery>;

export const ScheduleParams = z.object({ id: Id });

export const CatalogReport = z.object({
  key: z.string(),
  title: z.string(),
  filters: z
    .record(z.string(), z.unknown())
    .describe(
      "JSON Schema of the report's filters: what a download's query string or a schedule's `filters` take",
    ),
});
