// Rate limits: a general one per caller (user or API key; IP when anonymous) on every route, and whatever a route
// sets for itself (sign-in: per IP). Counters live in Redis when configured, so they hold across replicas; if
// Redis fails, requests go through rather than everyone being locked out.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { AppError } from './errors.ts';

export interface RateLimitSettings {
  /** Requests per minute per caller; 0 turns the general limit off. */
  perMinute: number;
  redisUrl?: string | undefined;
  /** Keeps apps that share one Redis (tests, several deployments) from sharing counters. */
  nameSpace?: string;
}

class TooManyRequestsError extends AppError {
  constructor(after: string) {
    super(429, 'too-many-requests', 'Too many requests', `Slow down: try again in ${after}`);
  }
}

export const rateLimits = fp(async (app: FastifyInstance, settings: RateLimitSettings) => {
  // No offline queue and a command timeout: while Redis is away a count fails at once instead of holding every
  // request until ioredis reconnects.
  const redis = settings.redisUrl
    ? new Redis(settings.redisUrl, {
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
        commandTimeout: 1000,
        enableOfflineQueue: false,
      })
    : undefined;
  // A dropped connection is retried by ioredis; meanwhile skipOnError lets requests through.
  redis?.on('error', (error) => app.log.warn({ err: error }, 'rate-limit store unavailable'));
  app.addHook('onClose', async () => {
    await redis?.quit().catch(() => {});
  });

  await app.register(rateLimit, {
    global: settings.perMinute > 0,
    max: settings.perMinute,
    timeWindow: '1 minute',
    // After authentication, so an authenticated caller is counted as themselves, not by shared IP.
    hook: 'preHandler',
    keyGenerator: (request) => (request.principal ? `caller:${request.principal.label}` : `ip:${request.ip}`),
    ...(redis && { redis }),
    nameSpace: settings.nameSpace ?? 'eis-rate-',
    skipOnError: true,
    errorResponseBuilder: (_request, context) => new TooManyRequestsError(context.after),
  });
});
