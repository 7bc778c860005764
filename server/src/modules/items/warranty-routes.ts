// Warranty under /api/v1/items: what is about to run out of warranty.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { listExpiringWarranties } from './warranty.ts';
import { ExpiringPage, WarrantyQuery } from './warranty-schemas.ts';

export const warrantyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/items/warranty-expiring',
    {
      config: { permission: 'items:read' },
      schema: {
        tags: ['items'],
        summary:
          'Items whose warranty ends within `days` (default 30), soonest first; disposed items left out',
        querystring: WarrantyQuery,
        response: withProblems({ 200: ExpiringPage }),
      },
    },
    (request) => listExpiringWarranties(db, request.query, scopeOf(request)),
  );
};
