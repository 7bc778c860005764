// Locations: CRUD and hierarchy under /api/v1/locations.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion, sendCreated, withEtag } from '../../platform/conditional-requests.ts';
import { IdParams, PageOf, withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import {
  CreateLocation,
  ListLocationsQuery,
  Location,
  LocationDetail,
  SubtreeNode,
  UpdateLocation,
} from './schemas.ts';
import * as service from './service.ts';

const tags = ['locations'];

export const locationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/locations',
    {
      config: { permission: 'locations:read' },
      schema: {
        tags,
        summary: 'List locations',
        querystring: ListLocationsQuery,
        response: withProblems({ 200: PageOf(Location) }),
      },
    },
    (request) => service.listLocations(db, request.query, scopeOf(request)),
  );

  app.get(
    '/locations/:id',
    {
      config: { permission: 'locations:read' },
      schema: {
        tags,
        summary: 'Get a location with its path and counts',
        params: IdParams,
        response: withProblems({ 200: LocationDetail }),
      },
    },
    async (request, reply) =>
      withEtag(reply, await service.getLocation(db, request.params.id, scopeOf(request))),
  );

  app.get(
    '/locations/:id/subtree',
    {
      config: { permission: 'locations:read' },
      schema: {
        tags,
        summary: 'The location and everything below it, depth-first',
        params: IdParams,
        response: withProblems({ 200: z.object({ data: z.array(SubtreeNode) }) }),
      },
    },
    async (request) => ({ data: await service.getSubtree(db, request.params.id, scopeOf(request)) }),
  );

  app.post(
    '/locations',
    {
      config: { permission: 'locations:write' },
      schema: {
        tags,
        summary: 'Create a location',
        body: CreateLocation,
        response: withProblems({ 201: LocationDetail }),
      },
    },
    async (request, reply) => {
      const location = await service.createLocation(db, request.body, scopeOf(request));
      return sendCreated(reply, location, `/api/v1/locations/${location.id}`);
    },
  );

  app.patch(
    '/locations/:id',
    {
      config: { permission: 'locations:write' },
      schema: {
        tags,
        summary: 'Update a location (send If-Match with its ETag)',
        params: IdParams,
        body: UpdateLocation,
        response: withProblems({ 200: LocationDetail }),
      },
    },
    async (request, reply) => {
      const location = await service.updateLocation(
        db,
        request.params.id,
        request.body,
        expectedVersion(request),
        scopeOf(request),
      );
      return withEtag(reply, location);
    },
  );

  app.delete(
    '/locations/:id',
    {
      config: { permission: 'locations:write' },
      schema: {
        tags,
        summary: 'Delete an empty location',
        params: IdParams,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await service.deleteLocation(db, request.params.id, expectedVersion(request), scopeOf(request));
      return reply.code(204).send(null);
    },
  );
};
