// `Idempotency-Key` on creates: the first request with a key runs; a retry with the same key and body gets the
// stored answer; the same key with another body is refused. Keys live 24 hours.
import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/connection.ts';
import { idempotencyKeys } from '../db/schema.ts';
import { BadRequestError, ConflictError, ValidationError } from './errors.ts';
import { asWritesAnswer, beforeWrites } from './write-routes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { key: string; scope: string };
  }
}

const header = 'idempotency-key';

export const idempotency = fp(async (app: FastifyInstance, { db }: { db: Db }) => {
  beforeWrites(app, async (request, reply) => {
    const key = request.headers[header];
    if (request.method !== 'POST' || key === undefined) return;
    if (typeof key !== 'string' || key.length < 1 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
      throw new BadRequestError('Idempotency-Key must be 1–200 visible ASCII characters', [
        { field: 'Idempotency-Key', message: 'is invalid' },
      ]);
    }
    const scope = `${request.actor.userId ?? request.actor.label} ${request.method} ${request.routeOptions.url}`;
    const requestHash = createHash('sha256')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex');
    const match = and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.scope, scope));
    await db
      .delete(idempotencyKeys)
      .where(and(match, lt(idempotencyKeys.created_at, sql`now() - interval '24 hours'`)));
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ key, scope, request_hash: requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length) {
      request.idempotency = { key, scope };
      return;
    }
    const [stored] = await db.select().from(idempotencyKeys).where(match);
    if (!stored) throw new ConflictError('The Idempotency-Key was released meanwhile; retry');
    if (stored.request_hash !== requestHash) {
      throw ValidationError.field('Idempotency-Key', 'was already used with a different request body');
    }
    if (stored.status_code === null)
      throw new ConflictError('A request with this Idempotency-Key is still running');
    return reply
      .code(stored.status_code)
      .header('Idempotent-Replayed', 'true')
      .type('application/json; charset=utf-8')
      .send(stored.response_body);
  });

  asWritesAnswer(app, async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = undefined;
    const match = and(eq(idempotencyKeys.key, claim.key), eq(idempotencyKeys.scope, claim.scope));
    if (reply.statusCode < 300 && typeof payload === 'string') {
      await db
        .update(idempotencyKeys)
        .set({ status_code: reply.statusCode, response_body: payload })
        .where(match);
    } else {
      // A failed attempt stores nothing, so the caller can fix the request and retry with the same key.
      await db.delete(idempotencyKeys).where(match);
    }
    return payload;
  });
});
