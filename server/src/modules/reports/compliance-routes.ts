// Compliance reports under /reports: audit trail of items, changes by user (with their lines), assets missing an
// owner or a location, and warranty and lease expiries.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { expiries, expiriesReport, gapsReport, missingOwnerOrLocation } from './compliance-items.ts';
import {
  AuditTrail,
  AuditTrailQuery,
  ChangeLines,
  ChangeLinesQuery,
  Changes,
  ChangesQuery,
  Expiries,
  ExpiriesQuery,
  Gaps,
  GapsQuery,
} from './compliance-schemas.ts';
import {
  auditTrail,
  auditTrailReport,
  changeLines,
  changeLinesReport,
  changesByUser,
  changesReport,
} from './compliance-trail.ts';
import { sendFile } from './export.ts';

const lines = ' Lines page with `limit`/`cursor`; `format=csv|xlsx|pdf` downloads every line.';

export const complianceRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/reports/audit-trail',
    {
      config: { permission: auditTrailReport.permission },
      schema: {
        tags: ['reports'],
        summary: 'Everything recorded about a set of items over a period, oldest first',
        description:
          'The items: `item_ids` and/or the usual filters, within your locations (items deleted since are not ' +
          'included). For each: its audit-log rows and those of the rows that belong to it (check-outs, ' +
          'maintenance schedules and records, disposal, transfers, reservations, requests, stock levels), and ' +
          'its history entries. Default period: this month.' +
          lines,
        querystring: AuditTrailQuery,
        response: withProblems({ 200: AuditTrail }),
      },
    },
    async (request, reply) => {
      const { format, limit, cursor, ...filters } = request.query;
      const scope = scopeOf(request);
      if (format !== 'json') return sendFile(reply, await auditTrailReport.write(db, filters, scope, format));
      return auditTrail(db, filters, scope, { limit, cursor });
    },
  );

  const changesDescription =
    'Row changes (create, update, delete) from the audit log; security events are in /audit. With a location ' +
    'or item filter, or for a caller limited to some locations, only changes about those items and their rows. ' +
    'Default period: this month.';

  app.get(
    '/reports/changes-by-user',
    {
      config: { permission: changesReport.permission },
      schema: {
        tags: ['reports'],
        summary: 'Changes counted per user, table and action over a period',
        description: `${changesDescription} The changes themselves: /reports/changes-by-user/lines with the same filters.`,
        querystring: ChangesQuery,
        response: withProblems({ 200: Changes }),
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const scope = scopeOf(request);
      if (format !== 'json') return sendFile(reply, await changesReport.write(db, filters, scope, format));
      return changesByUser(db, filters, scope);
    },
  );

  app.get(
    '/reports/changes-by-user/lines',
    {
      config: { permission: changeLinesReport.permission },
      schema: {
        tags: ['reports'],
        summary: 'The changes behind /reports/changes-by-user, in the order they were recorded',
        description: changesDescription + lines,
        querystring: ChangeLinesQuery,
        response: withProblems({ 200: ChangeLines }),
      },
    },
    async (request, reply) => {
      const { format, limit, cursor, ...filters } = request.query;
      const scope = scopeOf(request);
      if (format !== 'json')
        return sendFile(reply, await changeLinesReport.write(db, filters, scope, format));
      return changeLines(db, filters, scope, { limit, cursor });
    },
  );

  app.get(
    '/reports/missing-owner-or-location',
    {
      config: { permission: gapsReport.permission },
      schema: {
        tags: ['reports'],
        summary: 'Assets on the register without an owner or without a location',
        description:
          'Serial items not disposed of with no one assigned (`assigned_to`: the person, place or kit holding ' +
          'it) or no location. A caller limited to some locations sees only items placed in them, so never ' +
          'one without a location.' +
          lines,
        querystring: GapsQuery,
        response: withProblems({ 200: Gaps }),
      },
    },
    async (request, reply) => {
      const { format, limit, cursor, ...filters } = request.query;
      const scope = scopeOf(request);
      if (format !== 'json') return sendFile(reply, await gapsReport.write(db, filters, scope, format));
      return missingOwnerOrLocation(db, filters, scope, { limit, cursor });
    },
  );

  app.get(
    '/reports/expiries',
    {
      config: { permission: expiriesReport.permission },
      schema: {
        tags: ['reports'],
        summary: 'Warranties and leases ending in a window, soonest first',
        description:
          'Items not disposed of whose `warranty_expiry` or `lease_expires_on` falls within the window ' +
          '(default: today and the next 90 days; `period` or `from`/`to` for another).' +
          lines,
        querystring: ExpiriesQuery,
        response: withProblems({ 200: Expiries }),
      },
    },
    async (request, reply) => {
      const { format, limit, cursor, ...filters } = request.query;
      const scope = scopeOf(request);
      if (format !== 'json') return sendFile(reply, await expiriesReport.write(db, filters, scope, format));
      return expiries(db, filters, scope, { limit, cursor });
    },
  );
};
