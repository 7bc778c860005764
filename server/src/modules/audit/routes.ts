// GET /api/v1/audit: the audit log, newest first, for auditors.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { AuditPage, AuditQuery } from './schemas.ts';
import { listAudit } from './service.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log: every change and security event, hash-chained',
        description:
          'Filters combine with AND. Each entry carries the hash of the one before it (`eis audit verify`).',
        querystring: AuditQuery,
        response: withProblems({ 200: AuditPage }),
      },
    },
    (request) => {
      const { limit, cursor, from, to, ...filters } = request.query;
      return listAudit(
        db,
        {
          ...filters,
          from: from === undefined ? undefined : new Date(from),
          to: to === undefined ? undefined : new Date(to),
        },
        { limit, before: cursor === undefined ? undefined : Number(cursor) },
        scopeOf(request),
      );
    },
  );
};
