// Quantity-tracked stock: movements (receive, issue, adjust, transfer), levels per location with their reorder
// settings, the ledger, and reorder suggestions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion, withEtag } from '../../platform/conditional-requests.ts';
import type { Actor } from '../../platform/permissions.ts';
import { IdParams, PageOf, withProblems } from '../../platform/schemas.ts';
import { scopeOf, type Scope } from '../../platform/scope.ts';
import * as levels from './levels.ts';
import {
  Adjust,
  Issue,
  ItemStock,
  LevelEntry,
  LevelParams,
  LevelSettings,
  LevelsQuery,
  MovementResult,
  MovementsQuery,
  Receive,
  ReorderQuery,
  ReorderSuggestion,
  StockLevel,
  StockMovement,
  Transfer,
} from './schemas.ts';
import * as service from './service.ts';

const tags = ['stock'];

/** Every movement takes the item, what to move, who moves it and what they may see, and says what it recorded. */
type Move<B extends z.ZodType> = (
  db: Db,
  itemId: number,
  input: z.output<B>,
  actor: Actor,
  scope: Scope,
) => Promise<z.infer<typeof MovementResult>>;

export const stockRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  /** A movement answers 201 with what it recorded, or 200 when a stocktake found nothing to correct. */
  const movementRoute = <B extends z.ZodType>(action: string, body: B, summary: string, move: Move<B>) =>
    app.post(
      `/items/:id/stock/${action}`,
      {
        config: { permission: 'stock:write' },
        schema: {
          tags,
          summary,
          description: '422 names `quantity` (or `delta`) when the level would go below zero.',
          params: IdParams,
          body,
          response: withProblems({ 201: MovementResult, 200: MovementResult }),
        },
      },
      async (request, reply) => {
        // Fastify has checked the body against `body`; the type provider cannot follow a generic schema.
        const input = request.body as z.output<B>;
        const result = await move(db, request.params.id, input, request.actor, scopeOf(request));
        return reply.code(result.movements.length ? 201 : 200).send(result);
      },
    );

  movementRoute('receive', Receive, 'Receive stock into a location (a delivery)', service.receiveStock);
  movementRoute(
    'issue',
    Issue,
    'Issue stock from a location (used up, or handed to someone)',
    service.issueStock,
  );
  movementRoute(
    'adjust',
    Adjust,
    'Stocktake: set the counted quantity, or correct the level by a delta',
    service.adjustStock,
  );
  movementRoute('transfer', Transfer, 'Move stock from one location to another', service.transferStock);

  app.get(
    '/items/:id/stock',
    {
      config: { permission: 'stock:read' },
      schema: {
        tags,
        summary: "An item's stock level at each location",
        params: IdParams,
        response: withProblems({ 200: ItemStock }),
      },
    },
    (request) => levels.getItemStock(db, request.params.id, scopeOf(request)),
  );

  app.get(
    '/items/:id/stock/movements',
    {
      config: { permission: 'stock:read' },
      schema: {
        tags,
        summary: "An item's stock ledger, newest first",
        params: IdParams,
        querystring: MovementsQuery,
        response: withProblems({ 200: PageOf(StockMovement) }),
      },
    },
    (request) => levels.listItemMovements(db, request.params.id, request.query, scopeOf(request)),
  );

  app.put(
    '/items/:id/stock/levels/:location_id',
    {
      config: { permission: 'stock:write' },
      schema: {
        tags,
        summary: 'Set the minimum level, reorder point and reorder quantity at a location (If-Match)',
        params: LevelParams,
        body: LevelSettings,
        response: withProblems({ 200: StockLevel }),
      },
    },
    async (request, reply) => {
      const level = await levels.setLevelSettings(
        db,
        request.params.id,
        request.params.location_id,
        request.body,
        expectedVersion(request),
        scopeOf(request),
      );
      return withEtag(reply, level);
    },
  );

  app.get(
    '/stock/levels',
    {
      config: { permission: 'stock:read' },
      schema: {
        tags,
        summary: 'Stock levels of every item, by item name then location, filtered and searchable',
        querystring: LevelsQuery,
        response: withProblems({ 200: PageOf(LevelEntry) }),
      },
    },
    (request) => levels.listLevels(db, request.query, scopeOf(request)),
  );

  app.get(
    '/stock/reorder-suggestions',
    {
      config: { permission: 'stock:read' },
      schema: {
        tags,
        summary: 'Levels at or below their reorder point, with how much to order and from whom',
        querystring: ReorderQuery,
        response: withProblems({ 200: PageOf(ReorderSuggestion) }),
      },
    },
    (request) => levels.listReorderSuggestions(db, request.query, scopeOf(request)),
  );
};
