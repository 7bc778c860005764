// /health: are our dependencies answering? /ready: may this instance take traffic (migrated, not draining)?
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ping, type Database } from '../db/connection.ts';

export const health = fp(async (app: FastifyInstance, { database }: { database: Database }) => {
  let draining = false;
  app.addHook('onClose', async () => {
    draining = true;
  });

  app.get(
    '/health',
    { config: { permission: 'public' }, schema: { hide: true } },
    async (_request, reply) => {
      const started = performance.now();
      try {
        await ping(database.db);
        const latency_ms = Math.round((performance.now() - started) * 10) / 10;
        return { status: 'ok', checks: { database: { status: 'ok', kind: database.kind, latency_ms } } };
      } catch {
        return reply
          .code(503)
          .send({ status: 'error', checks: { database: { status: 'error', kind: database.kind } } });
      }
    },
  );

  app.get('/ready', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    draining ? reply.code(503).send({ status: 'draining' }) : { status: 'ready' },
  );
});
