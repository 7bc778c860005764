// GET /reports/utilisation (items deployed vs idle) and /reports/location-occupancy (against capacity).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { sendFile } from './export.ts';
import { utilisation, utilisationReport } from './utilisation.ts';
import { locationOccupancy, occupancyReport } from './utilisation-occupancy.ts';
import { Occupancy, OccupancyQuery, Utilisation, UtilisationQuery } from './utilisation-schemas.ts';

export const utilisationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/reports/utilisation',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary: 'How much of the period each item was checked out, rolled up per category and location',
        description:
          'From the check-out records: deployed = checked out to a person or a location, or inside a kit while ' +
          'the kit itself was out (one level). Available = the part of the period the item was on the books: ' +
          'from its purchase date (else from when it was registered) to its disposal, and not beyond now. ' +
          'Serial items only. `idle_days=N` keeps the items not checked out for N days or more at the end of ' +
          'the period. Default period: this month. Lines in item id order; `format=csv|xlsx|pdf` downloads all.',
        querystring: UtilisationQuery,
        response: withProblems({ 200: Utilisation }),
      },
    },
    async (request, reply) => {
      const { format, limit, cursor, ...filters } = request.query;
      const scope = scopeOf(request);
      if (format !== 'json')
        return sendFile(reply, await utilisationReport.write(db, filters, scope, format));
      return utilisation(db, filters, scope, { limit, cursor });
    },
  );

  app.get(
    '/reports/location-occupancy',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary: 'Items per location against its capacity: now, and at each month end of the period',
        description:
          'Now counts the items placed directly in the location, as the capacity check does (category, supplier ' +
          'and status filters narrow the items counted). The trend is rebuilt from the item history, which ' +
          'records every change of location with its before and after: exact for items still on the register ' +
          '(deleted items are no longer counted), against the capacity the location has now. Default period: ' +
          'the last twelve whole months. Locations in id order; `format=csv|xlsx|pdf` downloads all.',
        querystring: OccupancyQuery,
        response: withProblems({ 200: Occupancy }),
      },
    },
    async (request, reply) => {
      const { format, limit, cursor, ...filters } = request.query;
      const scope = scopeOf(request);
      if (format !== 'json') return sendFile(reply, await occupancyReport.write(db, filters, scope, format));
      return locationOccupancy(db, filters, scope, { limit, cursor });
    },
  );
};
