// Scheduled reports under /api/v1: the catalogue of reports, each user's schedules, their runs and run files.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type { Principal } from '../../platform/auth/authenticate.ts';
import { expectedVersion, sendCreated, withEtag } from '../../platform/conditional-requests.ts';
import { PageQuery } from '../../platform/pagination.ts';
import { PageOf, withProblems } from '../../platform/schemas.ts';
import { reportFormats } from '../../db/schema.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/scope.ts';
import { sendFile } from '../reports/export.ts';
import { reportCatalog } from '../reports/report-catalog.ts';
import {
  CatalogReport,
  CreateSchedule,
  ListRunsQuery,
  Run,
  Schedule,
  ScheduleParams,
  UpdateSchedule,
} from './schemas.ts';
import * as service from './service.ts';

const tags = ['reports'];

/** The catalogue's reports this caller may read. */
const readableReports = (principal: Principal) =>
  reportCatalog.filter((r) => principal.permissions.has(r.permission));
const permission = 'reports:read' as const;

export const reportScheduleRoutes: FastifyPluginAsyncZod<{ db: Db; mailConfigured: boolean }> = async (
  app,
  { db, mailConfigured },
) => {
  const me = (request: { principal?: Principal }) => request.principal!.userId;
  const owner = (request: { principal?: Principal }) => ({
    userId: me(request),
    permissions: request.principal!.permissions,
    mailConfigured,
  });

  app.get(
    '/reports',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'The reports that can be exported and scheduled',
        response: withProblems({ 200: z.object({ data: z.array(CatalogReport) }) }),
      },
    },
    (request) => ({
      data: readableReports(request.principal!).map((r) => ({
        key: r.key,
        title: r.title,
        filters: z.toJSONSchema(r.filters, { io: 'input', unrepresentable: 'any' }),
      })),
    }),
  );

  app.get(
    '/reports/:key/download',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Download any report in the catalogue as CSV, Excel or PDF',
        description:
          "The query string takes `format` and the report's filters (see `filters` in GET /reports); the file " +
          "is the same as the report's own route gives with `format=`.",
        params: z.object({ key: z.string().max(50) }),
        querystring: z.looseObject({ format: z.enum(reportFormats) }),
        response: withProblems({ 200: z.any().describe('The file') }),
      },
    },
    async (request, reply) => {
      const report = readableReports(request.principal!).find((r) => r.key === request.params.key);
      if (!report) throw new NotFoundError('Report', request.params.key);
      const { format, ...filters } = request.query;
      const checked = report.filters.safeParse(filters);
      if (!checked.success) {
        throw new ValidationError(
          checked.error.issues.map((i) => ({ field: i.path.join('.') || 'query', message: i.message })),
        );
      }
      return sendFile(reply, await report.write(db, checked.data, scopeOf(request), format));
    },
  );

  app.get(
    '/report-schedules',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Your report schedules',
        querystring: PageQuery.strict(),
        response: withProblems({ 200: PageOf(Schedule) }),
      },
    },
    (request) => service.listSchedules(db, me(request), request.query.limit, request.query.cursor),
  );

  app.post(
    '/report-schedules',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Schedule a report: a cron expression, a format and who gets it by mail',
        description:
          'Each run writes the report as you would see it at that time (your role and location scope), keeps ' +
          'the file for download and mails it to the recipients. A failed run is retried three times (after 1, ' +
          '5 and 30 minutes) unless retrying cannot help, then stays failed with its reason.',
        body: CreateSchedule,
        response: withProblems({ 201: Schedule }),
      },
    },
    async (request, reply) => {
      const schedule = await service.createSchedule(db, owner(request), request.body);
      return sendCreated(reply, schedule, `/api/v1/report-schedules/${schedule.id}`);
    },
  );

  app.get(
    '/report-schedules/:id',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'One of your report schedules',
        params: ScheduleParams,
        response: withProblems({ 200: Schedule }),
      },
    },
    async (request, reply) => withEtag(reply, await service.getSchedule(db, me(request), request.params.id)),
  );

  app.patch(
    '/report-schedules/:id',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Change a report schedule (send If-Match with its ETag)',
        params: ScheduleParams,
        body: UpdateSchedule,
        response: withProblems({ 200: Schedule }),
      },
    },
    async (request, reply) => {
      const schedule = await service.updateSchedule(
        db,
        owner(request),
        request.params.id,
        request.body,
        expectedVersion(request),
      );
      return withEtag(reply, schedule);
    },
  );

  app.delete(
    '/report-schedules/:id',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Delete a report schedule and its runs',
        params: ScheduleParams,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await service.deleteSchedule(db, me(request), request.params.id, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/report-schedules/:id/runs',
    {
      config: { permission },
      schema: {
        tags,
        summary: "A schedule's runs, newest first, with failures and their reasons",
        params: ScheduleParams,
        querystring: ListRunsQuery,
        response: withProblems({ 200: PageOf(Run) }),
      },
    },
    (request) => service.listRuns(db, me(request), request.params.id, request.query),
  );

  app.post(
    '/report-schedules/:id/runs',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Run a schedule now (queued; the report job takes it within a minute)',
        params: ScheduleParams,
        response: withProblems({ 202: Run }),
      },
    },
    async (request, reply) => reply.code(202).send(await service.runNow(db, me(request), request.params.id)),
  );

  app.get(
    '/report-runs/:id/file',
    {
      config: { permission },
      schema: {
        tags,
        summary: "Download a run's file",
        params: ScheduleParams,
        response: withProblems({ 200: z.any().describe('The file') }),
      },
    },
    async (request, reply) => {
      const file = await service.runFile(db, me(request), request.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );
};
