// GET /reports/maintenance: maintenance cost, downtime, failures and overdue work per item and category.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { sendFile } from './export.ts';
import { maintenanceOverview, maintenanceReport } from './maintenance-report.ts';
import { MaintenanceReport, MaintenanceReportQuery } from './maintenance-report-schemas.ts';

export const maintenanceReportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/reports/maintenance',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary: 'Maintenance cost, downtime and mean time between failures per item and category',
        description:
          'From the work records completed in the period (default: this month): actual cost (parts included), ' +
          'downtime (start to completion) and labour (the recorded durations). Failures are records of kind ' +
          'corrective (set on the schedule); MTBF averages the time from one repair’s completion to the next ' +
          'failure’s start on the same item. Overdue work is as of today. Lines are the items with any of these, ' +
          'in item id order; `format=csv|xlsx|pdf` downloads all.',
        querystring: MaintenanceReportQuery,
        response: withProblems({ 200: MaintenanceReport }),
      },
    },
    async (request, reply) => {
      const { format, limit, cursor, ...filters } = request.query;
      const scope = scopeOf(request);
      if (format !== 'json')
        return sendFile(reply, await maintenanceReport.write(db, filters, scope, format));
      return maintenanceOverview(db, filters, scope, { limit, cursor });
    },
  );
};
