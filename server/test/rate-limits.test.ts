// Rate limits: strict on sign-in per address, general per caller; 429 with Retry-After, as problem+json.
// In CI the counters live in the real Redis (TEST_REDIS_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminEmail, adminPassword, createTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ rateLimitPerMinute: 40, signInLimitPerMinute: 3 });
});
afterAll(async () => {
  await t?.close();
});

describe('rate limits', () => {
  it('stops a fourth sign-in a minute from one address, with Retry-After', async () => {
    // The harness signed in once already; two more are allowed.
    const attempt = () =>
      t.anonymous({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: adminEmail, password: adminPassword },
      });
    expect((await attempt()).statusCode).toBe(200);
    expect((await attempt()).statusCode).toBe(200);
    const refused = await attempt();
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ status: 429, title: 'Too many requests' });
    // Another address is not affected.
    const elsewhere = await t.anonymous({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.9.8.7',
      payload: { email: adminEmail, password: adminPassword },
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('limits each caller, counting a signed-in user as themselves', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++)
      statuses.push((await t.request({ method: 'GET', url: '/api/v1/tags' })).statusCode);
    expect(statuses.slice(0, 38).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // An anonymous caller from the same address has a budget of their own.
    expect((await t.anonymous({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
