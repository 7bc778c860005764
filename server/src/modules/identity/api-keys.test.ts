import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.ts';
import { createTestApp, signInAs, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function createKey(body: Record<string, unknown>) {
  const res = await t.request({ method: 'POST', url: '/api/v1/api-keys', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; key: string; prefix: string }>();
}
const withKey = (key: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
  t.anonymous({ method, url, headers: { authorization: `ApiKey ${key}` }, ...(payload && { payload }) });

describe('API keys', () => {
  it('grants exactly its scopes and records the key as the actor', async () => {
    const { key } = await createKey({
      name: 'ERP sync',
      scopes: ['items:read', 'items:write'],
      expires_in_days: 30,
    });
    expect((await withKey(key, 'GET', '/api/v1/items')).statusCode).toBe(200);
    expect((await withKey(key, 'GET', '/api/v1/locations')).statusCode).toBe(403);
    const created = await withKey(key, 'POST', '/api/v1/items', { sku: 'ERP-1', name: 'From the ERP' });
    expect(created.statusCode).toBe(201);
    const history = await t.request({ method: 'GET', url: `/api/v1/items/${created.json().id}/history` });
    expect(history.json().data[0].performed_by).toBe('api key ERP sync');
  });

  it('is shown once and stored only as a hash', async () => {
    const created = await createKey({ name: 'Once', scopes: ['items:read'], expires_in_days: 1 });
    const listed = (await t.request({ method: 'GET', url: '/api/v1/api-keys' })).json();
    const entry = listed.data.find((k: { id: number }) => k.id === created.id);
    expect(entry).toMatchObject({ name: 'Once', prefix: created.key.slice(0, 12) });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    const rows = await queryRows<Record<string, unknown>>(t.database.db, sql`select * from api_keys`);
    expect(JSON.stringify(rows)).not.toContain(created.key);
  });

  it('stops working when revoked or expired, and an unknown key is refused', async () => {
    const { id, key } = await createKey({ name: 'Short-lived', scopes: ['items:read'], expires_in_days: 5 });
    expect((await withKey(key, 'GET', '/api/v1/items')).statusCode).toBe(200);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/api-keys/${id}` })).statusCode).toBe(204);
    expect((await withKey(key, 'GET', '/api/v1/items')).statusCode).toBe(401);

    const expiring = await createKey({ name: 'Expired', scopes: ['items:read'], expires_in_days: 1 });
    await t.database.db.execute(
      sql`update api_keys set expires_at = now() - interval '1 minute' where id = ${expiring.id}`,
    );
    expect((await withKey(expiring.key, 'GET', '/api/v1/items')).statusCode).toBe(401);

    // Kept for two seconds between look-ups, but never past its expiry.
    const soon = await createKey({ name: 'Ends soon', scopes: ['items:read'], expires_in_days: 1 });
    const setAt = Date.now();
    await t.database.db.execute(
      sql`update api_keys set expires_at = now() + interval '1 second' where id = ${soon.id}`,
    );
    expect((await withKey(soon.key, 'GET', '/api/v1/items')).statusCode).toBe(200);
    await sleep(setAt + 1_200 - Date.now());
    expect((await withKey(soon.key, 'GET', '/api/v1/items')).statusCode).toBe(401);
    expect((await withKey('eis_not-a-real-key', 'GET', '/api/v1/items')).statusCode).toBe(401);
  });

  it('refuses bad requests naming the field, and keys that would manage keys', async () => {
    for (const [payload, field] of [
      [{ name: 'x', scopes: [], expires_in_days: 1 }, 'scopes'],
      [{ name: 'x', scopes: ['api_keys:manage'], expires_in_days: 1 }, 'scopes.0'],
      [{ name: 'x', scopes: ['items:fly'], expires_in_days: 1 }, 'scopes.0'],
      [{ name: 'x', scopes: ['items:read'], expires_in_days: 0 }, 'expires_in_days'],
      [{ name: 'x', scopes: ['items:read'] }, 'expires_in_days'],
    ] as const) {
      const res = await t.request({ method: 'POST', url: '/api/v1/api-keys', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('never grants more than its creator may do now', async () => {
    const manager = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'keymaker@example.com',
        display_name: 'K',
        password: 'key maker passphrase',
        role: 'admin',
      },
    });
    const token = await signInAs(t, 'keymaker@example.com', 'key maker passphrase');
    const res = await t.anonymous({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'Theirs', scopes: ['items:write', 'locations:write'], expires_in_days: 3 },
    });
    const { key } = res.json<{ key: string }>();
    expect((await withKey(key, 'POST', '/api/v1/locations', { name: 'By key' })).statusCode).toBe(201);
    await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${manager.json().id}`,
      payload: { role: 'technician' },
    });
    expect((await withKey(key, 'POST', '/api/v1/locations', { name: 'By key 2' })).statusCode).toBe(403);
    await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${manager.json().id}`,
      payload: { is_active: false },
    });
    expect((await withKey(key, 'GET', '/api/v1/items')).statusCode).toBe(401);
  });
});
