// Maintenance: schedules per item (one-off or recurring), starting and completing the work, usage readings,
// what is overdue, and the calendar by technician and location.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion, sendCreated, withEtag } from '../../platform/conditional-requests.ts';
import { PageQuery } from '../../platform/pagination.ts';
import { IdParams, PageOf, withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import * as listings from './listings.ts';
import {
  CalendarQuery,
  Completion,
  CompleteWork,
  CreateSchedule,
  Occurrence,
  OverdueQuery,
  Schedule,
  SchedulesQuery,
  UpdateSchedule,
  UsageReading,
  WorkRecord,
} from './schemas.ts';
import * as service from './service.ts';
import * as work from './work.ts';

const tags = ['maintenance'];

export const maintenanceRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/items/:id/maintenance',
    {
      config: { permission: 'maintenance:read' },
      schema: {
        tags,
        summary: "An item's maintenance schedules",
        params: IdParams,
        querystring: SchedulesQuery,
        response: withProblems({ 200: PageOf(Schedule) }),
      },
    },
    (request) => service.listItemSchedules(db, request.params.id, request.query, scopeOf(request)),
  );

  app.post(
    '/items/:id/maintenance',
    {
      config: { permission: 'maintenance:write' },
      schema: {
        tags,
        summary: 'Schedule maintenance: one-off, every N days or months, or every N units of usage',
        params: IdParams,
        body: CreateSchedule,
        response: withProblems({ 201: Schedule }),
      },
    },
    async (request, reply) => {
      const schedule = await service.createSchedule(
        db,
        request.params.id,
        request.body,
        request.actor,
        scopeOf(request),
      );
      return sendCreated(reply, schedule);
    },
  );

  app.get(
    '/items/:id/maintenance/records',
    {
      config: { permission: 'maintenance:read' },
      schema: {
        tags,
        summary: "An item's completed maintenance work, newest first",
        params: IdParams,
        querystring: PageQuery,
        response: withProblems({ 200: PageOf(WorkRecord) }),
      },
    },
    (request) => listings.listItemRecords(db, request.params.id, request.query, scopeOf(request)),
  );

  app.get(
    '/maintenance/overdue',
    {
      config: { permission: 'maintenance:read' },
      schema: {
        tags,
        summary: 'Maintenance due and not started, longest overdue first',
        querystring: OverdueQuery,
        response: withProblems({ 200: PageOf(Schedule) }),
      },
    },
    (request) => listings.listOverdue(db, request.query, scopeOf(request)),
  );

  app.get(
    '/maintenance/calendar',
    {
      config: { permission: 'maintenance:read' },
      schema: {
        tags,
        summary: 'Maintenance occurrences in a window (up to 366 days), recurrences projected',
        querystring: CalendarQuery,
        response: withProblems({ 200: z.object({ data: z.array(Occurrence) }) }),
      },
    },
    (request) => listings.maintenanceCalendar(db, request.query, scopeOf(request)),
  );

  app.get(
    '/maintenance/:id',
    {
      config: { permission: 'maintenance:read' },
      schema: {
        tags,
        summary: 'A maintenance schedule',
        params: IdParams,
        response: withProblems({ 200: Schedule }),
      },
    },
    async (request, reply) =>
      withEtag(reply, await service.getSchedule(db, request.params.id, scopeOf(request))),
  );

  app.patch(
    '/maintenance/:id',
    {
      config: { permission: 'maintenance:write' },
      schema: {
        tags,
        summary: 'Change a schedule, or cancel it (If-Match)',
        params: IdParams,
        body: UpdateSchedule,
        response: withProblems({ 200: Schedule }),
      },
    },
    async (request, reply) => {
      const schedule = await service.updateSchedule(
        db,
        request.params.id,
        request.body,
        expectedVersion(request),
        request.actor,
        scopeOf(request),
      );
      return withEtag(reply, schedule);
    },
  );

  app.delete(
    '/maintenance/:id',
    {
      config: { permission: 'maintenance:write' },
      schema: { tags, summary: 'Delete a schedule; its work records stay (If-Match)', params: IdParams },
    },
    async (request, reply) => {
      await service.deleteSchedule(
        db,
        request.params.id,
        expectedVersion(request),
        request.actor,
        scopeOf(request),
      );
      return reply.code(204).send();
    },
  );

  app.post(
    '/maintenance/:id/start',
    {
      config: { permission: 'maintenance:write' },
      schema: {
        tags,
        summary: 'Start the work: the item goes in repair (If-Match optional)',
        description: '409 if the item is checked out, already under maintenance, or the work has started.',
        params: IdParams,
        response: withProblems({ 200: Schedule }),
      },
    },
    (request) =>
      work.startWork(db, request.params.id, expectedVersion(request), request.actor, scopeOf(request)),
  );

  app.post(
    '/maintenance/:id/complete',
    {
      config: { permission: 'maintenance:write' },
      schema: {
        tags,
        summary: 'Complete the work: record it, return the item, schedule the next occurrence',
        params: IdParams,
        body: CompleteWork,
        response: withProblems({ 200: Completion }),
      },
    },
    (request) =>
      work.completeWork(
        db,
        request.params.id,
        request.body,
        expectedVersion(request),
        request.actor,
        scopeOf(request),
      ),
  );

  app.post(
    '/maintenance/:id/usage',
    {
      config: { permission: 'maintenance:write' },
      schema: {
        tags,
        summary: "Record a reading of a usage schedule's counter (hours, km …)",
        params: IdParams,
        body: UsageReading,
        response: withProblems({ 200: Schedule }),
      },
    },
    (request) =>
      work.recordUsage(
        db,
        request.params.id,
        request.body,
        expectedVersion(request),
        request.actor,
        scopeOf(request),
      ),
  );
};
