// Assignment: check items out and in, assignment history per item and per person, the caller's own
// assignments (acknowledged with accept), and what is overdue.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion } from '../../platform/conditional-requests.ts';
import { IdParams, PageOf, withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import * as listings from './listings.ts';
import { Assignment, AssignmentsQuery, CheckIn, CheckOut, OverdueQuery } from './schemas.ts';
import * as service from './service.ts';

const tags = ['assignments'];
const AssignmentPage = PageOf(Assignment);

export const assignmentRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/items/:id/checkout',
    {
      config: { permission: 'assignments:write' },
      schema: {
        tags,
        summary: 'Check an item out to a person, a location or a kit (If-Match on the item optional)',
        description: '409 names the current holder if the item is already out, or a reservation in the way.',
        params: IdParams,
        body: CheckOut,
        response: withProblems({ 201: Assignment }),
      },
    },
    async (request, reply) => {
      const assignment = await service.checkOutItem(
        db,
        request.params.id,
        request.body,
        expectedVersion(request),
        request.actor,
        scopeOf(request),
      );
      return reply.code(201).send(assignment);
    },
  );

  app.post(
    '/items/:id/checkin',
    {
      config: { permission: 'assignments:write' },
      schema: {
        tags,
        summary: 'Check an item back in with its condition (If-Match on the item optional)',
        params: IdParams,
        body: CheckIn,
        response: withProblems({ 200: Assignment }),
      },
    },
    (request) =>
      service.checkInItem(
        db,
        request.params.id,
        request.body,
        expectedVersion(request),
        request.actor,
        scopeOf(request),
      ),
  );

  app.get(
    '/items/:id/assignments',
    {
      config: { permission: 'assignments:read' },
      schema: {
        tags,
        summary: "An item's assignment history, newest first",
        params: IdParams,
        querystring: AssignmentsQuery,
        response: withProblems({ 200: AssignmentPage }),
      },
    },
    (request) => listings.listItemAssignments(db, request.params.id, request.query, scopeOf(request)),
  );

  app.get(
    '/users/:id/assignments',
    {
      config: { permission: 'assignments:read' },
      schema: {
        tags,
        summary: "A person's assignment history, newest first",
        params: IdParams,
        querystring: AssignmentsQuery,
        response: withProblems({ 200: AssignmentPage }),
      },
    },
    (request) => listings.listUserAssignments(db, request.params.id, request.query, scopeOf(request)),
  );

  app.get(
    '/checkouts/overdue',
    {
      config: { permission: 'assignments:read' },
      schema: {
        tags,
        summary: 'Open check-outs past their expected return, longest overdue first',
        querystring: OverdueQuery,
        response: withProblems({ 200: AssignmentPage }),
      },
    },
    (request) => listings.listOverdue(db, request.query, scopeOf(request)),
  );

  app.get(
    '/me/assignments',
    {
      config: { permission: 'assignments:self' },
      schema: {
        tags,
        summary: 'What is assigned to me (open ones unless `state` says otherwise)',
        querystring: AssignmentsQuery,
        response: withProblems({ 200: AssignmentPage }),
      },
    },
    (request) => listings.listMyAssignments(db, request.principal!.userId, request.query),
  );

  app.post(
    '/me/assignments/:id/accept',
    {
      config: { permission: 'assignments:self' },
      schema: {
        tags,
        summary: 'Acknowledge receipt of something assigned to me',
        params: IdParams,
        response: withProblems({ 200: Assignment }),
      },
    },
    (request) => listings.acceptAssignment(db, request.params.id, request.actor),
  );
};
