// Self-service requests: an employee asks for an item or any item of a category and sees their requests; an
// asset manager lists them and approves (choosing the item, which is checked out) or declines.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion } from '../../platform/conditional-requests.ts';
import { IdParams, PageOf, withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { listCategoryNames } from '../categories/service.ts';
import {
  ApproveRequest,
  CreateRequest,
  DeclineRequest,
  ItemRequest,
  RequestableCategories,
  RequestsQuery,
} from './schemas.ts';
import * as service from './service.ts';

const tags = ['requests'];

export const requestRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/requests',
    {
      config: { permission: 'requests:create' },
      schema: {
        tags,
        summary: 'Ask for an item, or any item of a category',
        body: CreateRequest,
        response: withProblems({ 201: ItemRequest }),
      },
    },
    async (request, reply) => {
      const created = await service.createRequest(db, request.body, request.actor, scopeOf(request));
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/requests/categories',
    {
      config: { permission: 'requests:create' },
      schema: {
        tags,
        summary: 'The categories one may ask for an item of (names and parents only, not the catalogue)',
        response: withProblems({ 200: RequestableCategories }),
      },
    },
    () => listCategoryNames(db),
  );

  app.get(
    '/me/requests',
    {
      config: { permission: 'requests:create' },
      schema: {
        tags,
        summary: 'My requests, newest first',
        querystring: RequestsQuery,
        response: withProblems({ 200: PageOf(ItemRequest) }),
      },
    },
    (request) => service.listRequests(db, request.query, request.principal!.userId),
  );

  app.get(
    '/requests',
    {
      config: { permission: 'requests:decide' },
      schema: {
        tags,
        summary: "Everyone's requests, newest first (`status=pending` for the queue)",
        querystring: RequestsQuery,
        response: withProblems({ 200: PageOf(ItemRequest) }),
      },
    },
    (request) => service.listRequests(db, request.query),
  );

  app.post(
    '/requests/:id/approve',
    {
      config: { permission: 'requests:decide' },
      schema: {
        tags,
        summary: 'Approve: the chosen item is checked out to the requester at once',
        params: IdParams,
        body: ApproveRequest,
        response: withProblems({ 200: ItemRequest }),
      },
    },
    (request) =>
      service.approveRequest(
        db,
        request.params.id,
        request.body,
        expectedVersion(request),
        request.actor,
        scopeOf(request),
      ),
  );

  app.post(
    '/requests/:id/decline',
    {
      config: { permission: 'requests:decide' },
      schema: {
        tags,
        summary: 'Decline with a reason',
        params: IdParams,
        body: DeclineRequest,
        response: withProblems({ 200: ItemRequest }),
      },
    },
    (request) =>
      service.declineRequest(db, request.params.id, request.body, expectedVersion(request), request.actor),
  );
};
