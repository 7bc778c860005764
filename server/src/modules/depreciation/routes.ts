// Depreciation under /api/v1: an item's schedule, and the fleet valuation report.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { IdParams, withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { getItem } from '../items/service.ts';
import { today } from './calendar.ts';
import { DepreciationSchedule, ScheduleQuery, Valuation, ValuationQuery } from './schemas.ts';
import * as service from './service.ts';

export const depreciationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/items/:id/depreciation',
    {
      config: { permission: 'items:read' },
      schema: {
        tags: ['items'],
        summary: "An item's depreciation schedule by year or month",
        description:
          'Full-month convention: the month of purchase counts in full and depreciation accrues at each month end. ' +
          'MACRS periods are tax (calendar) years; the other methods count years from the month of purchase.',
        params: IdParams,
        querystring: ScheduleQuery,
        response: withProblems({ 200: DepreciationSchedule }),
      },
    },
    async (request) => {
      const item = await getItem(db, request.params.id, scopeOf(request));
      return service.computeDepreciationSchedule(db, item, request.query.granularity);
    },
  );

  app.get(
    '/reports/valuation',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary: "The fleet's cost, accumulated depreciation and book value at a date",
        description: 'Items bought by `as_of` and not disposed of by then, in your locations.',
        querystring: ValuationQuery,
        response: withProblems({ 200: Valuation }),
      },
    },
    (request) => service.valueFleet(db, request.query, request.query.as_of ?? today(), scopeOf(request)),
  );
};
