import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createTestApp, testAppConfig, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('operations endpoints', () => {
  it('reports health with the database kind, and readiness', async () => {
    const health = await t.request({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'ok', kind: t.database.kind } },
    });
    expect((await t.request({ method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ready' });
  });

  it('exposes request counts, latency and the database pool as Prometheus metrics', async () => {
    await t.request({ method: 'GET', url: '/api/v1/locations' });
    const res = await t.request({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(
      /http_requests_total\{method="GET",route="\/api\/v1\/locations",status_code="200"\} \d+/,
    );
    expect(res.body).toContain('http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/db_pool_connections\{state="total"\} \d+/);
  });

  it('publishes an OpenAPI 3.1 document and a browsable UI', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    // The docs UI can only try protected routes if the document says how to authenticate.
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/items', '/api/v1/items/{id}', '/api/v1/locations']),
    );
    const ui = await t.request({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBeLessThan(400);
  });

  it('sends a request id and security headers, with a strict Content-Security-Policy', async () => {
    const res = await t.request({ method: 'GET', url: '/health' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const page = await t.anonymous({ method: 'GET', url: '/' });
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("object-src 'none'");
    expect(page.headers['content-security-policy']).not.toContain("'unsafe-eval'");
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const docs = await t.anonymous({ method: 'GET', url: '/api/docs/static/index.html' });
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    // Refusals too: the headers are set before anything can refuse the request.
    const refused = await t.anonymous({ method: 'GET', url: '/api/v1/items' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
    expect(refused.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('errors are problem+json, never a 500 for bad input', () => {
  it.each([
    ['unknown route', 404, { method: 'GET' as const, url: '/api/v1/nothing-here' }],
    [
      'malformed JSON',
      400,
      {
        method: 'POST' as const,
        url: '/api/v1/items',
        payload: '{"sku":',
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'wrong media type',
      415,
      {
        method: 'POST' as const,
        url: '/api/v1/items',
        payload: '<item/>',
        headers: { 'content-type': 'application/xml' },
      },
    ],
    [
      'body over the limit',
      413,
      { method: 'POST' as const, url: '/api/v1/items', payload: { sku: 'X', name: 'x'.repeat(1100 * 1024) } },
    ],
    ['id out of range', 400, { method: 'GET' as const, url: '/api/v1/items/99999999999999999999' }],
    [
      'bad Idempotency-Key',
      400,
      {
        method: 'POST' as const,
        url: '/api/v1/locations',
        payload: { name: 'x' },
        headers: { 'idempotency-key': 'x'.repeat(300) },
      },
    ],
  ])('%s → %i', async (_name, status, request) => {
    const res = await t.request(request);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, title: expect.any(String), instance: expect.any(String) });
  });
});

describe('every API route declares its permission', () => {
  it('refuses to start with a route that forgets one', async () => {
    const app = await buildApp({ ...testAppConfig, bodyLimitBytes: 1024 }, t.database);
    expect(() => app.get('/api/v1/forgotten', async () => 'open')).toThrow(/declares no permission/);
    await app.close();
  });
});

describe('configuration', () => {
  it('stops with a message naming each bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/DATABASE_URL/);
      expect((error as Error).message).toMatch(/SEED_DEMO/);
    }
  });

  it('has working defaults: embedded database on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir: './data', seedDemo: true });
  });
});
