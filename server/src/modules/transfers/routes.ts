// Transfers between locations under /api/v1: request (one or many items), dispatch, receive, cancel, and the
// listings, per location too.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion, sendCreated, withEtag } from '../../platform/conditional-requests.ts';
import { IdParams, PageOf, withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import * as listings from './listings.ts';
import {
  CancelTransfer,
  CreateTransfer,
  DispatchTransfer,
  ListTransfersQuery,
  LocationTransfer,
  LocationTransfersQuery,
  ReceiveTransfer,
  Transfer,
} from './schemas.ts';
import * as service from './service.ts';

const tags = ['transfers'];

const steps = [
  {
    path: 'dispatch',
    body: DispatchTransfer,
    summary: 'The items leave: requested → in_transit (If-Match on the transfer optional)',
    run: service.dispatchTransfer,
  },
  {
    path: 'receive',
    body: ReceiveTransfer,
    summary: 'The items arrive and move to the destination: in_transit → received (If-Match optional)',
    run: service.receiveTransfer,
  },
  {
    path: 'cancel',
    body: CancelTransfer,
    summary: 'Call it off before arrival, with a reason: the items stay where they were (If-Match optional)',
    run: service.cancelTransfer,
  },
] as const;

export const transferRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/transfers',
    {
      config: { permission: 'transfers:write' },
      schema: {
        tags,
        summary:
          'Request a transfer of one or many items to a location, all or nothing (accepts Idempotency-Key)',
        description:
          'Each refused item is named as `item_ids.<index>`; a full destination is a 409 naming `to_location_id` unless `capacity_override` gives a reason.',
        body: CreateTransfer,
        response: withProblems({ 201: Transfer }),
      },
    },
    async (request, reply) => {
      const transfer = await service.requestTransfer(db, request.body, request.actor, scopeOf(request));
      return sendCreated(reply, transfer, `/api/v1/transfers/${transfer.id}`);
    },
  );

  for (const step of steps) {
    app.post(
      `/transfers/:id/${step.path}`,
      {
        config: { permission: 'transfers:write' },
        schema: {
          tags,
          summary: step.summary,
          description: 'A step the transfer’s state does not allow is a 409 naming `state`.',
          params: IdParams,
          body: step.body,
          response: withProblems({ 200: Transfer }),
        },
      },
      async (request, reply) => {
        const transfer = await step.run(
          db,
          request.params.id,
          // Each step's body is parsed by its own schema above.
          request.body as never,
          expectedVersion(request),
          request.actor,
          scopeOf(request),
        );
        return withEtag(reply, transfer);
      },
    );
  }

  app.get(
    '/transfers',
    {
      config: { permission: 'transfers:read' },
      schema: {
        tags,
        summary: 'Transfers, newest first, by state, location (either end) or item',
        querystring: ListTransfersQuery,
        response: withProblems({ 200: PageOf(Transfer) }),
      },
    },
    (request) => listings.listTransfers(db, request.query, scopeOf(request)),
  );

  app.get(
    '/transfers/:id',
    {
      config: { permission: 'transfers:read' },
      schema: {
        tags,
        summary: 'Get a transfer',
        params: IdParams,
        response: withProblems({ 200: Transfer }),
      },
    },
    async (request, reply) =>
      withEtag(reply, await listings.getTransfer(db, request.params.id, scopeOf(request))),
  );

  app.get(
    '/locations/:id/transfers',
    {
      config: { permission: 'transfers:read' },
      schema: {
        tags,
        summary: "A location's transfers, incoming and outgoing, newest first",
        params: IdParams,
        querystring: LocationTransfersQuery,
        response: withProblems({ 200: PageOf(LocationTransfer) }),
      },
    },
    (request) => listings.listLocationTransfers(db, request.params.id, request.query, scopeOf(request)),
  );
};
