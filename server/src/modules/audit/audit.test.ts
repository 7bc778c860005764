import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.ts';
import { makeItem, makeLocation } from '../../../test/factories.ts';
import { createTestApp, onPostgres, signInAs, type TestApp } from '../../../test/harness.ts';
import { verifyAuditChain } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface Entry {
  seq: number;
  actor_user_id: number | null;
  actor_label: string;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
}

async function audit(query: string): Promise<Entry[]> {
  const res = await t.request({ method: 'GET', url: `/api/v1/audit?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ data: Entry[] }>().data;
}

async function makeUser(role: string, email: string, extra: Record<string, unknown> = {}) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { email, display_name: email, password: 'a sound passphrase 42', role, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>();
}

/** Runs SQL that the append-only trigger would refuse, as someone with direct database access could. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  });
}

describe('the audit log records every change', () => {
  it('records who changed an item, from where, and only the fields that changed', async () => {
    const item = await makeItem(t, { name: 'Audited drill', purchase_price: '120.00' });
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/items/${item.id}`,
      payload: { name: 'Audited hammer drill' },
      headers: { 'if-match': `"${item.version}"`, 'user-agent': 'audit-test/1.0', 'x-request-id': 'req-42' },
    });
    expect(res.statusCode, res.body).toBe(200);

    const entries = await audit(`entity_type=inventory_items&entity_id=${item.id}`);
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    const [update, create] = entries;
    expect(update).toMatchObject({
      actor_label: 'admin@example.com',
      user_agent: 'audit-test/1.0',
      request_id: 'req-42',
      before: { name: 'Audited drill' },
      after: { name: 'Audited hammer drill' },
    });
    expect(update?.actor_user_id).toBeTypeOf('number');
    expect(update?.ip).toBeTruthy();
    expect(create?.after).toMatchObject({ name: 'Audited drill', purchase_price: 120 });
    expect(create?.after).not.toHaveProperty('search_vector');
  });

  it('writes nothing for a change that was refused', async () => {
    const taken = await makeItem(t);
    const before = await audit('entity_type=inventory_items&limit=500');
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/items',
      payload: { sku: taken.sku, name: 'Duplicate' },
    });
    expect(res.statusCode).toBe(409);
    expect(await audit('entity_type=inventory_items&limit=500')).toHaveLength(before.length);
  });

  it('records deletions with the whole row as it was', async () => {
    const room = await makeLocation(t, { name: 'Doomed room' });
    const res = await t.request({
      method: 'DELETE',
      url: `/api/v1/locations/${room.id}`,
      headers: { 'if-match': `"${room.version}"` },
    });
    expect(res.statusCode, res.body).toBe(204);
    const [deleted] = await audit(`entity_type=locations&entity_id=${room.id}&action=delete`);
    expect(deleted?.before).toMatchObject({ name: 'Doomed room' });
    expect(deleted?.after).toBeNull();
  });
});

describe('security events', () => {
  it('records failed sign-ins, the lock-out and a successful sign-in, with the account named', async () => {
    const user = await makeUser('technician', 'events@example.com');
    for (let i = 0; i < 5; i++) {
      await t.anonymous({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'events@example.com', password: 'not the password' },
      });
    }
    const events = await audit(`actor_user_id=${user.id}&entity_type=users`);
    const actions = events.map((e) => e.action);
    expect(actions.filter((a) => a === 'auth.sign_in_failed')).toHaveLength(5);
    expect(actions).toContain('auth.locked');
    expect(events[0]).toMatchObject({ actor_label: 'events@example.com', entity_id: String(user.id) });

    await t.anonymous({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.com', password: 'whatever it is' },
    });
    const [unknown] = await audit('action=auth.sign_in_failed');
    expect(unknown).toMatchObject({ actor_user_id: null, after: { reason: 'no such account' } });
  });

  it('records a sign-in, a role change and a new API key, never with a password or key hash', async () => {
    const user = await makeUser('employee', 'promoted@example.com');
    await signInAs(t, 'promoted@example.com', 'a sound passphrase 42');
    expect((await audit(`action=auth.sign_in&actor_user_id=${user.id}`)).length).toBe(1);

    const current = await t.request({ method: 'GET', url: `/api/v1/users/${user.id}` });
    await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { role: 'technician' },
      headers: { 'if-match': current.headers.etag as string },
    });
    const [roleChange] = await audit(`entity_type=users&entity_id=${user.id}&action=update`);
    expect(roleChange).toMatchObject({ before: { role: 'employee' }, after: { role: 'technician' } });

    const key = await t.request({
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'ERP sync', scopes: ['items:read'], expires_in_days: 30 },
    });
    expect(key.statusCode, key.body).toBe(201);
    const [created] = await audit('entity_type=api_keys&action=create');
    expect(created?.after).toMatchObject({ name: 'ERP sync' });

    const everything = await queryRows<{ text: string }>(
      t.database.db,
      sql`select string_agg(coalesce(before::text, '') || coalesce(after::text, ''), ' ') as text from audit_log`,
    );
    const text = everything[0]?.text ?? '';
    expect(text).not.toContain(key.json<{ key: string }>().key);
    expect(text).not.toMatch(/argon2|password_hash|key_hash|mfa_secret/);
  });
});

describe('GET /api/v1/audit', () => {
  it('pages newest first with a cursor and filters by time', async () => {
    const first = await audit('limit=2');
    expect(first).toHaveLength(2);
    expect(first[0]!.seq).toBeGreaterThan(first[1]!.seq);
    const page = await t.request({ method: 'GET', url: '/api/v1/audit?limit=2' });
    const next = await audit(`limit=2&cursor=${page.json<{ next_cursor: string }>().next_cursor}`);
    expect(next[0]!.seq).toBe(first[1]!.seq - 1);
    expect(await audit(`from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual(
      [],
    );
  });

  it('is for auditors: others get 403, and bad filters get 400 naming the field', async () => {
    await makeUser('auditor', 'auditor@example.com');
    await makeUser('asset_manager', 'manager@example.com');
    const auditor = await signInAs(t, 'auditor@example.com', 'a sound passphrase 42');
    const manager = await signInAs(t, 'manager@example.com', 'a sound passphrase 42');
    const as = (token: string, url: string) =>
      t.anonymous({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect((await as(auditor, '/api/v1/audit')).statusCode).toBe(200);
    expect((await as(manager, '/api/v1/audit')).statusCode).toBe(403);
    const bad = await t.request({ method: 'GET', url: '/api/v1/audit?from=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('from');
  });

  it('refuses a caller limited to some locations', async () => {
    const site = await makeLocation(t, { type: 'site' });
    await makeUser('auditor', 'scoped-auditor@example.com', { location_scope_id: site.id });
    const token = await signInAs(t, 'scoped-auditor@example.com', 'a sound passphrase 42');
    const res = await t.anonymous({
      method: 'GET',
      url: '/api/v1/audit',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('the hash chain', () => {
  it.runIf(onPostgres)('stays one unbroken chain under concurrent writers', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => makeItem(t)));
    expect(results).toHaveLength(30);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ intact: true });
  });

  it('finds removed last entries, the first altered entry, and a removed entry', async () => {
    for (let i = 0; i < 3; i++) await makeItem(t);
    const intact = await verifyAuditChain(t.database.db);
    expect(intact.intact).toBe(true);
    const last = intact.entries;
    expect(last).toBeGreaterThan(5);

    await tamper(sql`delete from audit_log where seq = ${last}`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({
      intact: false,
      broken_at: last,
      reason: `the log ends at entry ${last - 1} but the chain's head is entry ${last}: the last entries were removed`,
    });

    await tamper(sql`update audit_log set after = '{"name": "forged"}' where seq = ${last - 2}`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({
      intact: false,
      broken_at: last - 2,
      reason: `entry ${last - 2} was altered after it was written`,
    });

    await tamper(sql`delete from audit_log where seq = ${last - 2}`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({
      intact: false,
      broken_at: last - 1,
      reason: `entry ${last - 2} is missing (removed)`,
    });
  });

  it('refuses to update or delete entries through SQL', async () => {
    await expect(t.database.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
  });
});

describe('coverage', () => {
  // Logs of their own (history, the outbox, the stock ledger: append-only by trigger, each row naming who moved
  // what), or bookkeeping whose meaningful moments are security events.
  const unaudited = [
    'asset_history',
    'audit_chain',
    'audit_log',
    'events',
    'idempotency_keys',
    'refresh_tokens',
    'search_terms',
    'stock_movements',
    // Derived totals the triggers keep from audited tables (the dashboards' valuation rollup).
    'valuation_dates',
    'valuation_rollup',
  ];

  it('has the audit trigger on every table but the deliberate exceptions', async () => {
    const rows = await queryRows<{ table_name: string }>(
      t.database.db,
      sql`select table_name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'
            and not exists (select 1 from information_schema.triggers
                            where event_object_table = table_name and trigger_name = 'audit')
          order by table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(unaudited);
  });
});
