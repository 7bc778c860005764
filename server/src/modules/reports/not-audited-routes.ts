// GET /api/v1/reports/not-audited-since: items no physical audit has scanned since a date, as JSON pages or a
// CSV, Excel or PDF download.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { sendFile } from './export.ts';
import { listNotAudited, notAuditedFilter, notAuditedReport } from './not-audited.ts';
import { NotAuditedPage, NotAuditedQuery } from './not-audited-schemas.ts';

export const notAuditedRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/reports/not-audited-since',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary: 'Items not seen in a physical audit since a date (compliance)',
        description:
          'Items tracked one by one and not disposed of, in your locations, that no audit has scanned on or ' +
          'after `since` (never-audited ones included), in id order. JSON pages carry `totals` for the whole ' +
          'filtered report; `format=csv|xlsx|pdf` downloads every line.',
        querystring: NotAuditedQuery,
        response: withProblems({ 200: NotAuditedPage }),
      },
    },
    async (request, reply) => {
      const { format, limit, cursor, ...filters } = request.query;
      const scope = scopeOf(request);
      if (format !== 'json') return sendFile(reply, await notAuditedReport.write(db, filters, scope, format));
      return listNotAudited(db, await notAuditedFilter(db, filters, scope), limit, cursor);
    },
  );
};
