// Disposal under /api/v1/items/:id: dispose of an item (the only way to the `disposed` status), read the record.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion, setEtag } from '../../platform/conditional-requests.ts';
import { IdParams, withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { disposeItem, getDisposal } from './disposal.ts';
import { Disposal, DisposalWithItem, DisposeItem } from './disposal-schemas.ts';

const tags = ['items'];

export const disposalRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/items/:id/dispose',
    {
      config: { permission: 'items:write' },
      schema: {
        tags,
        summary:
          'Dispose of a retired item: method, date, proceeds; records the gain or loss (send If-Match)',
        params: IdParams,
        body: DisposeItem,
        response: withProblems({ 201: DisposalWithItem }),
      },
    },
    async (request, reply) => {
      const disposal = await disposeItem(
        db,
        request.params.id,
        request.body,
        expectedVersion(request),
        request.actor,
        scopeOf(request),
      );
      setEtag(reply, disposal.item.version);
      return reply.code(201).header('Location', `/api/v1/items/${request.params.id}/disposal`).send(disposal);
    },
  );

  app.get(
    '/items/:id/disposal',
    {
      config: { permission: 'items:read' },
      schema: {
        tags,
        summary: 'How, when and for how much an item was disposed of',
        params: IdParams,
        response: withProblems({ 200: Disposal }),
      },
    },
    (request) => getDisposal(db, request.params.id, scopeOf(request)),
  );
};
