// Sensitive data at rest: sealed in the database, plain to those allowed to read it, hidden from the rest,
// and resealed by key rotation.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connection.ts';
import { resealEverything } from '../src/db/reseal.ts';
import { newFieldKey, parseFieldKeys, useFieldKeys } from '../src/platform/crypto/field-encryption.ts';
import { makeCategory, makeField, makeItem, makeSupplier } from './factories.ts';
import { createTestApp, signInAs, testFieldKeys, type TestApp } from './harness.ts';

let t: TestApp;
let technician: string;
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: {
      email: 'tech@example.com',
      display_name: 'Tech',
      password: 'a sound passphrase 42',
      role: 'technician',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  technician = await signInAs(t, 'tech@example.com', 'a sound passphrase 42');
});
afterAll(async () => {
  await t?.close();
});

const raw = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ v: string }>(t.database.db, query))[0]?.v;
const asTechnician = (method: 'GET' | 'PATCH', url: string, extra: object = {}) =>
  t.anonymous({ method, url, headers: { authorization: `Bearer ${technician}` }, ...extra });

describe('sealed at rest', () => {
  it('keeps supplier contact details sealed in the database and plain in the API', async () => {
    const supplier = await makeSupplier(t, {
      contact_name: 'Ada Lovelace',
      email: 'ada@analytical.example',
      phone: '+44 20 7946 0958',
    });
    const stored = await raw(sql`select contact_name || ' ' || email || ' ' || phone as v
                                 from suppliers where id = ${supplier.id}`);
    expect(stored).toMatch(/^enc:test1:\S+ enc:test1:\S+ enc:test1:\S+$/);
    expect(stored).not.toMatch(/Ada|analytical|7946/);
    const read = await t.request({ method: 'GET', url: `/api/v1/suppliers/${supplier.id}` });
    expect(read.json()).toMatchObject({ contact_name: 'Ada Lovelace', email: 'ada@analytical.example' });
    const logged = await raw(sql`select string_agg(after::text, ' ') as v from audit_log
                                 where entity_type = 'suppliers' and entity_id = ${String(supplier.id)}`);
    expect(logged).not.toMatch(/Ada|analytical/);
  });

  it('keeps an item assignee sealed, in the row and in its history, yet findable by name', async () => {
    const item = await makeItem(t, { assigned_to: 'Grace Hopper' });
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/items/${item.id}`,
      payload: { assigned_to: 'Katherine Johnson' },
      headers: { 'if-match': `"${item.version}"` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await raw(sql`select assigned_to as v from inventory_items where id = ${item.id}`)).toMatch(
      /^enc:/,
    );
    const history = await raw(sql`select string_agg(additional_data::text, ' ') as v from asset_history
                                  where item_id = ${item.id}`);
    expect(history).not.toMatch(/Grace|Katherine/);

    const shown = await t.request({ method: 'GET', url: `/api/v1/items/${item.id}/history` });
    const [reassigned] = shown.json<{ data: { additional_data: unknown }[] }>().data;
    expect(reassigned?.additional_data).toEqual({
      changes: { assigned_to: { before: 'Grace Hopper', after: 'Katherine Johnson' } },
    });
    const found = await t.request({ method: 'GET', url: '/api/v1/items?assigned_to=katherine%20JOHNSON' });
    expect(found.json<{ data: { id: number }[] }>().data.map((i) => i.id)).toEqual([item.id]);
  });

  it('keeps an MFA secret sealed', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/mfa/enrol' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await raw(sql`select mfa_secret as v from users where email = 'admin@example.com'`)).toMatch(
      /^enc:/,
    );
  });
});

describe('custom fields marked sensitive', () => {
  let itemId: number;
  let version: number;
  beforeAll(async () => {
    const category = await makeCategory(t, { name: 'Phones' });
    await makeField(t, category.id, { name: 'imei', label: 'IMEI', sensitive: true });
    await makeField(t, category.id, { name: 'colour', label: 'Colour' });
    const item = await makeItem(t, {
      category_id: category.id,
      custom_fields: { imei: '356938035643809', colour: 'black' },
    });
    itemId = item.id;
    version = item.version;
  });

  it('are sealed at rest and shown to roles allowed to see them', async () => {
    const stored = await raw(sql`select custom_fields::text as v from inventory_items where id = ${itemId}`);
    expect(stored).not.toContain('356938035643809');
    const read = await t.request({ method: 'GET', url: `/api/v1/items/${itemId}` });
    expect(read.json().custom_fields).toEqual({ imei: '356938035643809', colour: 'black' });
  });

  it('are left out for a technician, in the item, lists and history', async () => {
    const read = await asTechnician('GET', `/api/v1/items/${itemId}`);
    expect(read.json().custom_fields).toEqual({ colour: 'black' });
    const list = await asTechnician('GET', `/api/v1/items?category_id=${read.json().category_id}`);
    expect(list.body).not.toContain('imei');
    const history = await asTechnician('GET', `/api/v1/items/${itemId}/history`);
    expect(history.body).not.toMatch(/imei|356938035643809|\$sensitive/);
  });

  it('cannot be set by a technician, whose other edits keep them', async () => {
    const refused = await asTechnician('PATCH', `/api/v1/items/${itemId}`, {
      payload: { custom_fields: { imei: '000000000000000', colour: 'black' } },
      headers: { authorization: `Bearer ${technician}`, 'if-match': `"${version}"` },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors).toEqual([
      { field: 'custom_fields.imei', message: 'is sensitive: you may not set it' },
    ]);

    const edited = await asTechnician('PATCH', `/api/v1/items/${itemId}`, {
      payload: { custom_fields: { colour: 'red' } },
      headers: { authorization: `Bearer ${technician}`, 'if-match': `"${version}"` },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const read = await t.request({ method: 'GET', url: `/api/v1/items/${itemId}` });
    expect(read.json().custom_fields).toEqual({ imei: '356938035643809', colour: 'red' });
    const history = await t.request({ method: 'GET', url: `/api/v1/items/${itemId}/history` });
    expect(history.json().data[0].additional_data.changes.custom_fields).toEqual({
      before: { imei: '356938035643809', colour: 'black' },
      after: { imei: '356938035643809', colour: 'red' },
    });
  });

  it('cannot be filtered on', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/items?cf.imei=356938035643809' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('cf.imei');
  });
});

describe('key rotation', () => {
  it('reseals every value with the new key, after which the old key can go', async () => {
    const item = await makeItem(t, { assigned_to: 'Margaret Hamilton' });
    const next = parseFieldKeys(newFieldKey('test2'));
    useFieldKeys([...next, ...testFieldKeys]);
    await resealEverything(t.database.db, () => {});
    useFieldKeys(next);

    const stale = await raw(sql`select count(*)::text as v from (
        select contact_name as s from suppliers union all select email from suppliers
        union all select assigned_to from inventory_items union all select mfa_secret from users
        union all select custom_fields::text from inventory_items
        union all select additional_data::text from asset_history) sealed
      where s like '%enc:test1:%'`);
    expect(stale).toBe('0');

    const read = await t.request({ method: 'GET', url: `/api/v1/items/${item.id}` });
    expect(read.json().assigned_to).toBe('Margaret Hamilton');
    const found = await t.request({ method: 'GET', url: '/api/v1/items?assigned_to=margaret%20hamilton' });
    expect(found.json<{ data: { id: number }[] }>().data.map((i) => i.id)).toEqual([item.id]);
    const history = await t.request({ method: 'GET', url: `/api/v1/items/${item.id}/history` });
    expect(history.statusCode).toBe(200);
  });
});
