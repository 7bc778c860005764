// The role × route matrix, generated from the routes themselves: every API route, every role, and anonymous.
// A role without the route's permission gets 403; one with it gets past authorisation (any answer but 401/403);
// nobody gets in without a token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../src/db/schema.ts';
import { rolePermissions } from '../src/modules/identity/roles.ts';
import { createTestApp, signInAs, type TestApp } from './harness.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const role of roles) {
    const email = `${role}@matrix.example.com`;
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email, display_name: role, password: 'matrix passphrase 123', role },
    });
    expect(res.statusCode, res.body).toBe(201);
    tokens[role] = await signInAs(t, email, 'matrix passphrase 123');
  }
});
afterAll(async () => {
  await t?.close();
});

const concrete = (url: string) => url.replace(/:[a-zA-Z_]+/g, '999999');
// Ending all of one's own sessions revokes the very token the matrix calls with, so it goes last.
const endsOwnSessions = (route: { method: string; url: string }) =>
  route.method === 'DELETE' && route.url === '/api/v1/auth/sessions';
const lastIfSelfEnding = (a: { method: string; url: string }, b: { method: string; url: string }) =>
  Number(endsOwnSessions(a)) - Number(endsOwnSessions(b));
const withBody = (method: string) => (['POST', 'PUT', 'PATCH'].includes(method) ? { payload: {} } : {});

describe('role × route matrix', () => {
  it('covers the API', () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(30);
  });

  it('refuses every non-public route to an anonymous caller with 401', async () => {
    for (const route of t.app.apiRoutes.filter((r) => r.permission !== 'public')) {
      const res = await t.anonymous({
        method: route.method,
        url: concrete(route.url),
        ...withBody(route.method),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it.each(roles)('lets %s through exactly the routes its permissions cover', async (role) => {
    for (const route of t.app.apiRoutes.filter((r) => r.permission !== 'public').sort(lastIfSelfEnding)) {
      const res = await t.anonymous({
        method: route.method,
        url: concrete(route.url),
        headers: { authorization: `Bearer ${tokens[role]}` },
        ...withBody(route.method),
      });
      const allowed = route.permission !== 'public' && rolePermissions[role].has(route.permission);
      const label = `${role} ${route.method} ${route.url} (${route.permission})`;
      if (allowed) expect([401, 403], label).not.toContain(res.statusCode);
      else expect(res.statusCode, label).toBe(403);
    }
  });
});
