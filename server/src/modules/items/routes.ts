// Items: search and listing, CRUD with If-Match, history, and the status lifecycle under /api/v1/items.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { itemStatuses } from '../../db/schema.ts';
import { expectedVersion, sendCreated, withEtag } from '../../platform/conditional-requests.ts';
import { IdParams, PageOf, withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { findItems } from './find-items.ts';
import {
  CreateItem,
  HistoryEntry,
  HistoryQuery,
  Item,
  ItemPage,
  ListItemsQuery,
  UpdateItem,
} from './schemas.ts';
import * as service from './service.ts';
import { initialStatuses, statusTransitions } from './status.ts';

const tags = ['items'];

export const itemRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/items',
    {
      config: { permission: 'items:read' },
      schema: {
        tags,
        summary: 'Search and list items',
        description:
          'Filters combine with AND. Custom fields filter as `cf.<name>=<value>`. `facets=true` adds counts.',
        querystring: ListItemsQuery,
        response: withProblems({ 200: ItemPage }),
      },
    },
    (request) => findItems(db, request.query, scopeOf(request)),
  );

  app.get(
    '/items/statuses',
    {
      config: { permission: 'items:read' },
      schema: {
        tags,
        summary: 'The status lifecycle: which statuses an item may move to from each',
        response: {
          200: z.object({
            statuses: z.array(z.enum(itemStatuses)),
            initial: z.array(z.enum(itemStatuses)),
            transitions: z.record(z.string(), z.array(z.enum(itemStatuses))),
          }),
        },
      },
    },
    () => ({
      statuses: [...itemStatuses],
      initial: [...initialStatuses],
      transitions: Object.fromEntries(Object.entries(statusTransitions).map(([from, to]) => [from, [...to]])),
    }),
  );

  app.get(
    '/items/:id',
    {
      config: { permission: 'items:read' },
      schema: { tags, summary: 'Get an item', params: IdParams, response: withProblems({ 200: Item }) },
    },
    async (request, reply) => withEtag(reply, await service.getItem(db, request.params.id, scopeOf(request))),
  );

  app.get(
    '/items/:id/history',
    {
      config: { permission: 'items:read' },
      schema: {
        tags,
        summary: "An item's history, newest first (kept after the item is deleted)",
        params: IdParams,
        querystring: HistoryQuery,
        response: withProblems({ 200: PageOf(HistoryEntry) }),
      },
    },
    (request) =>
      service.itemHistory(db, request.params.id, request.query.cursor, request.query.limit, scopeOf(request)),
  );

  app.post(
    '/items',
    {
      config: { permission: 'items:write' },
      schema: {
        tags,
        summary: 'Create an item (accepts Idempotency-Key)',
        body: CreateItem,
        response: withProblems({ 201: Item }),
      },
    },
    async (request, reply) => {
      const item = await service.createItem(db, request.body, request.actor, scopeOf(request));
      return sendCreated(reply, item, `/api/v1/items/${item.id}`);
    },
  );

  app.patch(
    '/items/:id',
    {
      config: { permission: 'items:write' },
      schema: {
        tags,
        summary: 'Update an item (send If-Match with its ETag)',
        params: IdParams,
        body: UpdateItem,
        response: withProblems({ 200: Item }),
      },
    },
    async (request, reply) => {
      const item = await service.updateItem(
        db,
        request.params.id,
        request.body,
        expectedVersion(request),
        request.actor,
        scopeOf(request),
      );
      return withEtag(reply, item);
    },
  );

  app.delete(
    '/items/:id',
    {
      config: { permission: 'items:write' },
      schema: {
        tags,
        summary: 'Delete an item entered by mistake (its history is kept)',
        params: IdParams,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await service.deleteItem(
        db,
        request.params.id,
        expectedVersion(request),
        request.actor,
        scopeOf(request),
      );
      return reply.code(204).send(null);
    },
  );
};
