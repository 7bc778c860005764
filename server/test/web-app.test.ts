// The server hands out the built web app: hashed assets cached for good, index.html revalidated, client-side
// routes answered with the app, API paths never swallowed by it, and the strict CSP on the page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'eis-web-dist-'));
mkdirSync(path.join(dist, 'assets'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>EIS app</title><div id="root"></div>');
writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');
writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ webDistDir: dist });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('web app', () => {
  it('serves index.html at / without caching it, under a CSP that allows only same-origin scripts', async () => {
    const res = await t.anonymous({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('EIS app');
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('caches hashed assets for a year and revalidates the service worker', async () => {
    const asset = await t.anonymous({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const worker = await t.anonymous({ method: 'GET', url: '/sw.js' });
    expect(worker.headers['cache-control']).toBe('no-cache');
  });

  it('answers client-side routes with the app, so a reload on /items/42 works', async () => {
    const res = await t.anonymous({ method: 'GET', url: '/items/42?tab=history' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('EIS app');
  });

  it('leaves unknown API paths a problem+json 404, not the app', async () => {
    const res = await t.anonymous({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const bare = await t.anonymous({ method: 'GET', url: '/api' });
    expect(bare.statusCode).toBe(404);
  });

  it('answers a missing file with 404, not the app (a stale chunk must fail loudly)', async () => {
    const res = await t.anonymous({ method: 'GET', url: '/assets/gone-123.js' });
    expect(res.statusCode).toBe(404);
  });
});
