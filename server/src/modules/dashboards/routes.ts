// Dashboards under /api/v1: the executive dashboard, widget data and its sources (reports:read), and each
// person's own custom dashboards (read with reports:read, saved with dashboards:write).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion, sendCreated, withEtag } from '../../platform/conditional-requests.ts';
import { IdParams, withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import {
  CreateDashboard,
  Dashboard,
  ExecutiveDashboard,
  ExecutiveQuery,
  Source,
  UpdateDashboard,
  WidgetData,
  WidgetDataQuery,
} from './schemas.ts';
import * as service from './service.ts';

const tags = ['dashboards'];
const cached = 'Served from a cache that every write makes stale, and at most a minute old.';

export const dashboardRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const ownerOf = (request: { principal?: { userId: number } }) => request.principal!.userId;

  app.get(
    '/dashboards/executive',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: 'The executive dashboard: assets, value, depreciation, utilisation and overdue work',
        description: `Items in your locations, optionally within a location's and a category's subtree. ${cached}`,
        querystring: ExecutiveQuery,
        response: withProblems({ 200: ExecutiveDashboard }),
      },
    },
    (request) => service.getExecutiveDashboard(db, app.cache, request.query, scopeOf(request)),
  );

  app.get(
    '/dashboards/sources',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: 'What a widget can show, and as what',
        response: withProblems({ 200: z.object({ data: z.array(Source) }) }),
      },
    },
    () => ({ data: service.listSources() }),
  );

  app.get(
    '/dashboards/widget-data',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: "A widget's data: one value (kpi) or labelled points (series)",
        description: `Items in your locations and the filters given. ${cached}`,
        querystring: WidgetDataQuery,
        response: withProblems({ 200: WidgetData }),
      },
    },
    (request) => service.getWidgetData(db, app.cache, request.query, scopeOf(request)),
  );

  app.get(
    '/dashboards',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: 'Your own custom dashboards, by name',
        response: withProblems({ 200: z.object({ data: z.array(Dashboard) }) }),
      },
    },
    (request) => service.listDashboards(db, ownerOf(request)),
  );

  app.get(
    '/dashboards/:id',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: 'One of your custom dashboards',
        params: IdParams,
        response: withProblems({ 200: Dashboard }),
      },
    },
    async (request, reply) =>
      withEtag(reply, await service.getDashboard(db, request.params.id, ownerOf(request))),
  );

  app.post(
    '/dashboards',
    {
      config: { permission: 'dashboards:write' },
      schema: {
        tags,
        summary: 'Save a new custom dashboard',
        body: CreateDashboard,
        response: withProblems({ 201: Dashboard }),
      },
    },
    async (request, reply) => {
      const dashboard = await service.createDashboard(db, request.body, ownerOf(request));
      return sendCreated(reply, dashboard, `/api/v1/dashboards/${dashboard.id}`);
    },
  );

  app.patch(
    '/dashboards/:id',
    {
      config: { permission: 'dashboards:write' },
      schema: {
        tags,
        summary: 'Rename a custom dashboard or replace its widgets (send If-Match with its ETag)',
        params: IdParams,
        body: UpdateDashboard,
        response: withProblems({ 200: Dashboard }),
      },
    },
    async (request, reply) => {
      const dashboard = await service.updateDashboard(
        db,
        request.params.id,
        request.body,
        ownerOf(request),
        expectedVersion(request),
      );
      return withEtag(reply, dashboard);
    },
  );

  app.delete(
    '/dashboards/:id',
    {
      config: { permission: 'dashboards:write' },
      schema: {
        tags,
        summary: 'Delete a custom dashboard (send If-Match with its ETag)',
        params: IdParams,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await service.deleteDashboard(db, request.params.id, ownerOf(request), expectedVersion(request));
      return reply.code(204).send(null);
    },
  );
};
