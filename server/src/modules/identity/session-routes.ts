// The caller's own sessions under /api/v1/auth/sessions: see where they are signed in, sign one device out, or
// every device at once.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type { Principal } from '../../platform/auth/authenticate.ts';
import { withProblems } from '../../platform/schemas.ts';
import * as sessions from './sessions.ts';
import { endSessions } from './users.ts';

const Session = z.object({
  id: z.string(),
  started_at: z.string(),
  last_active_at: z.string().describe('When its refresh token was last exchanged'),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
});

const tags = ['auth'];

export const sessionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const me = (request: { principal?: Principal }) => request.principal!.userId;

  app.get(
    '/auth/sessions',
    {
      config: { permission: 'account:self' },
      schema: {
        tags,
        summary: 'Where I am signed in',
        response: withProblems({ 200: z.object({ data: z.array(Session) }) }),
      },
    },
    (request) => sessions.listSessions(db, me(request)),
  );

  app.delete(
    '/auth/sessions/:session_id',
    {
      config: { permission: 'account:self' },
      schema: {
        tags,
        summary: 'Sign one of my devices out',
        params: z.object({ session_id: z.uuid() }),
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await sessions.endSession(db, me(request), request.params.session_id);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/auth/sessions',
    {
      config: { permission: 'account:self' },
      schema: {
        tags,
        summary: 'Sign every device out, this one included; live access tokens stop working too',
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await endSessions(db, me(request));
      return reply.code(204).send(null);
    },
  );
};
