// Reservations: hold an item for a person over a time range, cancel, and list what is coming up.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion, sendCreated, withEtag } from '../../platform/conditional-requests.ts';
import { IdParams, PageOf, withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { CreateReservation, Reservation, UpcomingQuery } from './schemas.ts';
import * as service from './service.ts';

const tags = ['reservations'];

export const reservationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/items/:id/reservations',
    {
      config: { permission: 'reservations:write' },
      schema: {
        tags,
        summary: 'Reserve an item for a person over a time range (overlaps are refused with 409)',
        params: IdParams,
        body: CreateReservation,
        response: withProblems({ 201: Reservation }),
      },
    },
    async (request, reply) => {
      const reservation = await service.createReservation(
        db,
        request.params.id,
        request.body,
        request.actor,
        scopeOf(request),
      );
      return sendCreated(reply, reservation);
    },
  );

  app.get(
    '/items/:id/reservations',
    {
      config: { permission: 'reservations:read' },
      schema: {
        tags,
        summary: "An item's active reservations that have not ended, soonest first",
        params: IdParams,
        response: withProblems({ 200: z.object({ data: z.array(Reservation) }) }),
      },
    },
    (request) => service.listItemReservations(db, request.params.id, scopeOf(request)),
  );

  app.post(
    '/reservations/:id/cancel',
    {
      config: { permission: 'reservations:write' },
      schema: {
        tags,
        summary: 'Cancel a reservation (If-Match optional)',
        params: IdParams,
        response: withProblems({ 200: Reservation }),
      },
    },
    async (request, reply) => {
      const reservation = await service.cancelReservation(
        db,
        request.params.id,
        expectedVersion(request),
        request.actor,
        scopeOf(request),
      );
      return withEtag(reply, reservation);
    },
  );

  app.get(
    '/reservations/upcoming',
    {
      config: { permission: 'reservations:read' },
      schema: {
        tags,
        summary: 'Active reservations starting within `days` (default 7), soonest first',
        querystring: UpcomingQuery,
        response: withProblems({ 200: PageOf(Reservation) }),
      },
    },
    (request) => service.listUpcomingReservations(db, request.query, scopeOf(request)),
  );
};
