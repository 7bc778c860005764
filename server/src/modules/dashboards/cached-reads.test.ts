// Dashboard reads through the cache: a repeated read is answered from it, a successful write makes the next read
// fresh, one scope never sees another's figures, replicas sharing Redis see each other's writes, and with Redis
// unreachable every answer is still computed and correct.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import {
  adminEmail,
  adminPassword,
  createTestApp,
  signInAs,
  testAppConfig,
  type TestApp,
} from '../../../test/harness.ts';

const redisUrl = process.env.TEST_REDIS_URL || undefined;

async function lookups(app: FastifyInstance) {
  const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  const count = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);
  return {
    hit: count(/^cache_lookups_total\{result="hit"\} (\d+)$/m),
    miss: count(/^cache_lookups_total\{result="miss"\} (\d+)$/m),
    errors: count(/^cache_errors_total (\d+)$/m),
  };
}

const executive = (t: TestApp) => t.request({ method: 'GET', url: '/api/v1/dashboards/executive' });

describe('cached dashboard reads', () => {
  const cacheNameSpace = `eis-test-${randomBytes(6).toString('hex')}-shared:`;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ cacheNameSpace });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers a repeated read from the cache, and the next read after a write afresh', async () => {
    await makeItem(t, { purchase_price: '100.00' });
    const first = await executive(t);
    expect(first.statusCode, first.body).toBe(200);
    const before = await lookups(t.app);
    const second = await executive(t);
    expect(second.json()).toEqual(first.json());
    expect(await lookups(t.app)).toMatchObject({ hit: before.hit + 1, miss: before.miss });

    await makeItem(t, { purchase_price: '20.50' });
    const third = await executive(t);
    expect(third.json()).toMatchObject({ assets: { total: 2 }, cost: '120.50', book_value: '120.50' });
    expect(await lookups(t.app)).toMatchObject({ hit: before.hit + 1, miss: before.miss + 1 });
  });

  it('computes once for readers arriving together', async () => {
    await makeItem(t);
    const before = await lookups(t.app);
    const answers = await Promise.all([executive(t), executive(t), executive(t)]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await lookups(t.app)).toMatchObject({ hit: before.hit + 2, miss: before.miss + 1 });
  });

  it('keeps the cache through a refused write', async () => {
    await executive(t);
    const before = await lookups(t.app);
    const refused = await t.request({ method: 'POST', url: '/api/v1/items', payload: { name: 'no sku' } });
    expect(refused.statusCode).toBe(400);
    await executive(t);
    expect(await lookups(t.app)).toMatchObject({ hit: before.hit + 1, miss: before.miss });
  });

  it('keeps the figures of one scope from another', async () => {
    const site = await makeLocation(t, { type: 'site' });
    await makeItem(t, { purchase_price: '7.00', location_id: site.id });
    const everywhere = (await executive(t)).json();
    const scoped = await makeUser(t, 'auditor', { location_scope_id: site.id });
    const theirs = (await scoped.as({ method: 'GET', url: '/api/v1/dashboards/executive' })).json();
    expect(theirs).toMatchObject({ assets: { total: 1 }, cost: '7.00' });
    expect(everywhere.assets.total).toBeGreaterThan(1);
    const widget = (url: string) => scoped.as({ method: 'GET', url });
    expect((await widget('/api/v1/dashboards/widget-data?source=cost')).json().value).toBe('7.00');
  });

  it.runIf(redisUrl)('lets a replica sharing Redis see a write made through another', async () => {
    const replica = await buildApp({ ...testAppConfig, cacheNameSpace }, t.database);
    try {
      const token = await signInAs({ anonymous: (o) => replica.inject(o) }, adminEmail, adminPassword);
      const read = async () => {
        const res = await replica.inject({
          method: 'GET',
          url: '/api/v1/dashboards/executive',
          headers: { authorization: `Bearer ${token}` },
        });
        return res.json<{ assets: { total: number } }>();
      };
      const before = (await read()).assets.total;
      await read();
      expect((await lookups(replica)).hit).toBe(1);
      await makeItem(t);
      expect((await read()).assets.total).toBe(before + 1);
    } finally {
      await replica.close();
    }
  });
});

describe('with Redis unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ redisUrl: 'redis://127.0.0.1:1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('computes every answer, correctly, and counts the failures', async () => {
    await makeItem(t, { purchase_price: '10.00' });
    expect((await executive(t)).json()).toMatchObject({ assets: { total: 1 }, cost: '10.00' });
    await makeItem(t, { purchase_price: '5.00' });
    expect((await executive(t)).json()).toMatchObject({ assets: { total: 2 }, cost: '15.00' });
    const counted = await lookups(t.app);
    expect(counted.hit).toBe(0);
    expect(counted.miss).toBe(2);
    expect(counted.errors).toBeGreaterThan(0);
  });
});
