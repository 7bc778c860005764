// Reports under /api/v1: the asset register as of a date, as JSON pages or a CSV, Excel or PDF download.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { today } from '../depreciation/calendar.ts';
import { complianceRoutes } from './compliance-routes.ts';
import { expenseRoutes } from './expense-routes.ts';
import { maintenanceReportRoutes } from './maintenance-report-routes.ts';
import { sendFile } from './export.ts';
import { registerReport } from './register-table.ts';
import { RegisterPage, RegisterQuery } from './schemas.ts';
import * as service from './service.ts';
import { utilisationRoutes } from './utilisation-routes.ts';

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
      const { format, limit, cursor, ...filters } = request.query;
      const scope = scopeOf(request);
      if (format !== 'json') {
        return sendFile(reply, await registerReport.write(db, filters, scope, format));
      }
      const filter = await service.registerFilter(db, filters, filters.as_of ?? today(), scope);
      return service.listRegister(db, filter, limit, cursor);
    },
  );

  await app.register(expenseRoutes, { db });
  await app.register(utilisationRoutes, { db });
  await app.register(maintenanceReportRoutes, { db });
  await app.register(complianceRoutes, { db });
};
