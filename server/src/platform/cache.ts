// Cache-aside for answers that are costly to compute (dashboards): in Redis when REDIS_URL is set, so replicas
// share it, else in an LRU in this process. Every key carries the data generation, which each successful write
// bumps (INCR in Redis, so every replica sees it on its next read): a write makes all earlier answers
// unreachable instead of hunting for the ones it touched. A Redis failure is a miss, logged, never a wrong or
// failed answer; a bump that failed is made when Redis is back, and entries expire after their TTL, which bounds
// what a replica cut off from Redis during a write, or the passing of time (overdue counts), can leave stale.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { Counter, type Registry } from 'prom-client';
import { asWritesAnswer, readOnlyMethods } from './write-routes.ts';

export interface Cache {
  /** The answer stored for `key` in the current generation, else `compute()`'s, stored for `ttlSeconds`. */
  through<T>(key: string, ttlSeconds: number, compute: () => Promise<T>): Promise<T>;
  /** Makes every stored answer stale: called after each successful write. */
  invalidate(): Promise<void>;
  /** Lookups so far, for /metrics. */
  readonly counts: { hit: number; miss: number; error: number };
  close(): Promise<void>;
}

export interface CacheSettings {
  redisUrl?: string | undefined;
  /** Keeps apps sharing one Redis (tests, several deployments) apart. */
  nameSpace?: string | undefined;
  log: Pick<FastifyBaseLogger, 'warn'>;
}

/** Where answers and the generation live: Redis, or this process. Errors are the caller's to absorb. */
interface Store {
  generation(): Promise<string>;
  bump(): Promise<void>;
  get(key: string): Promise<string | null | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  close(): Promise<void>;
}

function memoryStore(): Store {
  let generation = 0;
  const entries = new LRUCache<string, string>({ max: 500, ttl: 60_000 });
  return {
    generation: async () => String(generation),
    bump: async () => {
      generation++;
    },
    get: async (key) => entries.get(key),
    set: async (key, value, ttlSeconds) => {
      entries.set(key, value, { ttl: ttlSeconds * 1000 });
    },
    close: async () => {
      entries.clear();
    },
  };
}

function redisStore(url: string, nameSpace: string, log: CacheSettings['log']): Store {
  // No offline queue and a short command timeout: while Redis is away a lookup fails at once (a miss) instead
  // of holding the request until it returns.
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 1000,
    enableOfflineQueue: false,
  });
  const generationKey = `${nameSpace}generation`;
  /** A write this process could not tell Redis about: told as soon as Redis is back. */
  let bumpOwed = false;
  const bump = async () => {
    try {
      await redis.incr(generationKey);
      bumpOwed = false;
    } catch (error) {
      bumpOwed = true;
      throw error;
    }
  };
  redis.on('error', (error) => log.warn({ err: error }, 'cache store unavailable; answers are computed'));
  redis.on('ready', () => {
    if (bumpOwed) bump().catch(() => {});
  });
  return {
    generation: async () => {
      // A bump owed is made first: until then, entries a write of ours made stale must not be read.
      if (bumpOwed) await bump();
      return (await redis.get(generationKey)) ?? '0';
    },
    bump,
    get: (key) => redis.get(`${nameSpace}${key}`),
    set: async (key, value, ttlSeconds) => {
      await redis.set(`${nameSpace}${key}`, value, 'EX', ttlSeconds);
    },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export function openCache(settings: CacheSettings): Cache {
  const { log } = settings;
  const store = settings.redisUrl
    ? redisStore(settings.redisUrl, settings.nameSpace ?? 'eis-cache:', log)
    : memoryStore();
  const counts = { hit: 0, miss: 0, error: 0 };
  /** Answers being computed in this process: readers arriving meanwhile share them instead of computing again. */
  const computing = new Map<string, Promise<unknown>>();
  const failed = (error: unknown, doing: string) => {
    counts.error++;
    log.warn({ err: error }, `cache ${doing} failed`);
  };

  return {
    counts,
    async through<T>(key: string, ttlSeconds: number, compute: () => Promise<T>): Promise<T> {
      // The generation is read before computing: an answer computed across a write is stored under the
      // generation that write made stale, so nobody reads it afterwards.
      let storedKey: string | undefined;
      try {
        storedKey = `${await store.generation()}:${key}`;
        const stored = await store.get(storedKey);
        if (stored != null) {
          counts.hit++;
          return JSON.parse(stored) as T;
        }
      } catch (error) {
        failed(error, 'read');
      }
      const shared = storedKey === undefined ? undefined : computing.get(storedKey);
      if (shared) {
        counts.hit++;
        return shared as Promise<T>;
      }
      counts.miss++;
      const answer = compute();
      if (storedKey === undefined) return answer;
      const sharedKey = storedKey;
      computing.set(sharedKey, answer);
      try {
        const value = await answer;
        await store.set(sharedKey, JSON.stringify(value), ttlSeconds).catch((error: unknown) => {
          failed(error, 'write');
        });
        return value;
      } finally {
        computing.delete(sharedKey);
      }
    },
    async invalidate() {
      await store.bump().catch((error: unknown) => {
        failed(error, 'invalidation');
      });
    },
    close: () => store.close(),
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    cache: Cache;
  }
}

/**
 * `app.cache`, invalidated by every successful write under /api/v1 before its answer leaves (so a caller who
 * reads right after writing sees the write), with hit and miss counts in /metrics.
 */
export const caching = fp(
  async (app: FastifyInstance, settings: Omit<CacheSettings, 'log'> & { registry: Registry }) => {
    const cache = openCache({ ...settings, log: app.log });
    app.decorate('cache', cache);
    new Counter({
      name: 'cache_lookups_total',
      help: 'Cache lookups: hit (answered from the cache, or from the same computation under way) or miss (computed)',
      labelNames: ['result'],
      registers: [settings.registry],
      collect() {
        this.reset();
        this.inc({ result: 'hit' }, cache.counts.hit);
        this.inc({ result: 'miss' }, cache.counts.miss);
      },
    });
    new Counter({
      name: 'cache_errors_total',
      help: 'Cache store operations that failed (each read failure is also a miss)',
      registers: [settings.registry],
      collect() {
        this.reset();
        this.inc(cache.counts.error);
      },
    });
    asWritesAnswer(app, async (request, reply) => {
      const ok = reply.statusCode >= 200 && reply.statusCode < 300;
      if (ok && !readOnlyMethods.has(request.method) && request.url.startsWith('/api/v1/'))
        await cache.invalidate();
    });
    app.addHook('onClose', () => cache.close());
  },
);
