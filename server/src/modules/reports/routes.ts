// Reports under /api/v1: the asset register as of a date, as JSON pages or a CSV, Excel or PDF download.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { sendExport } from './export.ts';
import { registerTable } from './register-table.ts';
import { RegisterPage, RegisterQuery } from './schemas.ts';
import * as service from './service.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The filters as printed on an export. */
function filtersOf(query: RegisterQuery): [string, string][] {
  const printed: [string, string | undefined][] = [
    ['Location id (and below)', query.location_id?.toString()],
    ['Category id (and below)', query.category_id?.toString()],
    ['Supplier id', query.supplier_id?.toString()],
    ['Status', query.status],
  ];
  return printed.filter((f): f is [string, string] => f[1] !== undefined);
}

export const reportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/reports/asset-register',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary: 'The fixed-asset register at a date: cost, accumulated depreciation and book value per item',
        description:
          'Items bought by `as_of` and not disposed of by then, in your locations, in id order. JSON pages ' +
          'carry `totals` for the whole filtered register (they equal /reports/valuation for the same filters). ' +
          '`format=csv|xlsx|pdf` downloads every line instead, streamed, with totals in xlsx and pdf.',
        querystring: RegisterQuery,
        response: withProblems({ 200: RegisterPage }),
      },
    },
    async (request, reply) => {
      const query = request.query;
      const asOf = query.as_of ?? today();
      const filter = await service.registerFilter(db, query, asOf, scopeOf(request));
      if (query.format === 'json') return service.listRegister(db, filter, query.limit, query.cursor);
      const table = registerTable({
        asOf,
        filters: filtersOf(query),
        totals: await service.totalRegister(db, filter),
        rows: service.readRegister(db, filter),
      });
      return sendExport(reply, table, query.format);
    },
  );
};
