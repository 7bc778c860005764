import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeField, makeItem, makeLocation, makeSupplier } from '../../../test/factories.ts';
import { adminEmail, createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.request({ method: 'GET', url });
const patch = (id: number, payload: Record<string, unknown>, version?: number) =>
  t.request({
    method: 'PATCH',
    url: `/api/v1/items/${id}`,
    payload,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
  });
interface HistoryEntry {
  action: string;
  performed_by: string | null;
  notes: string | null;
  additional_data: {
    changes?: Record<string, { before: unknown; after: unknown }>;
    snapshot?: Record<string, unknown>;
  };
}
const history = async (id: number) =>
  (await get(`/api/v1/items/${id}/history`)).json<{ data: HistoryEntry[] }>().data;

describe('creating items', () => {
  it('creates an item with exact money, tags and specs, and records who did it', async () => {
    const location = await makeLocation(t);
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/items',
      payload: {
        sku: 'LAP-0001',
        name: 'Dell Latitude 7440',
        location_id: location.id,
        purchase_price: '1299.9',
        purchase_date: '2025-01-15',
        warranty_expiry: '2028-01-15',
        specifications: { ram_gb: 16, cpu: 'i7-1365U' },
        tags: ['Remote', 'finance', 'remote '],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toMatch(/\/api\/v1\/items\/\d+$/);
    expect(res.headers.etag).toBe('"1"');
    const item = res.json();
    expect(item).toMatchObject({
      sku: 'LAP-0001',
      status: 'in_stock',
      purchase_price: '1299.90',
      current_value: '1299.90',
      tags: ['remote', 'finance'],
      specifications: { ram_gb: 16, cpu: 'i7-1365U' },
    });
    const [created] = await history(item.id);
    expect(created).toMatchObject({ action: 'created' });
    expect(created?.additional_data.changes?.sku).toEqual({ before: null, after: 'LAP-0001' });
    const tagList = (await get('/api/v1/tags')).json();
    expect(tagList.data.map((tag: { name: string }) => tag.name)).toEqual(
      expect.arrayContaining(['remote', 'finance']),
    );
  });

  it('keeps the end of a lease, changes and clears it with history', async () => {
    const leased = await makeItem(t, { lease_expires_on: '2027-03-31' });
    expect(leased).toMatchObject({ lease_expires_on: '2027-03-31' });
    expect((await makeItem(t)).lease_expires_on).toBeNull();
    const extended = await patch(leased.id, { lease_expires_on: '2028-03-31' });
    expect(extended.json()).toMatchObject({ lease_expires_on: '2028-03-31' });
    expect((await history(leased.id))[0]?.additional_data.changes?.lease_expires_on).toEqual({
      before: '2027-03-31',
      after: '2028-03-31',
    });
    const bought = await patch(leased.id, { lease_expires_on: null });
    expect(bought.json().lease_expires_on).toBeNull();
    expect((await get(`/api/v1/items/${leased.id}`)).json().lease_expires_on).toBeNull();
  });

  it('refuses a duplicate SKU with 409 naming the item that holds it', async () => {
    const first = await makeItem(t, { sku: 'DUP-1' });
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/items',
      payload: { sku: 'DUP-1', name: 'Other' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'sku', message: `is already used by item ${first.id}` }]);
  });

  it.each([
    ['missing sku', { name: 'No SKU' }, 'sku'],
    ['missing name', { sku: 'X-1' }, 'name'],
    ['price as a float', { sku: 'X-1', name: 'x', purchase_price: 12.5 }, 'purchase_price'],
    ['price with 3 decimals', { sku: 'X-1', name: 'x', purchase_price: '12.555' }, 'purchase_price'],
    ['negative price', { sku: 'X-1', name: 'x', purchase_price: '-1' }, 'purchase_price'],
    ['impossible date', { sku: 'X-1', name: 'x', purchase_date: '2025-02-30' }, 'purchase_date'],
    ['impossible lease end', { sku: 'X-1', name: 'x', lease_expires_on: '2027-13-01' }, 'lease_expires_on'],
    ['unknown status', { sku: 'X-1', name: 'x', status: 'broken' }, 'status'],
    ['oversize name', { sku: 'X-1', name: 'x'.repeat(201) }, 'name'],
    ['SKU with spaces', { sku: 'bad sku!', name: 'x' }, 'sku'],
    ['markup as a tag', { sku: 'X-1', name: 'x', tags: ['<script>'] }, 'tags.0'],
    ['id as a word', { sku: 'X-1', name: 'x', category_id: 'five' }, 'category_id'],
    ['unknown field', { sku: 'X-1', name: 'x', owner: 'me' }, 'owner'],
    [
      'oversize specifications',
      { sku: 'X-1', name: 'x', specifications: { blob: 'x'.repeat(40_000) } },
      'specifications',
    ],
  ])('refuses %s with 400 naming the field', async (_case, payload, field) => {
    const res = await t.request({ method: 'POST', url: '/api/v1/items', payload });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses references to things that do not exist, naming the field', async () => {
    for (const field of ['category_id', 'location_id', 'supplier_id']) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/items',
        payload: { sku: `REF-${field}`, name: 'x', [field]: 987654 },
      });
      expect(res.statusCode, field).toBe(422);
      expect(res.json().errors[0].field).toBe(field);
    }
  });

  it('does not start an item as disposed', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/items',
      payload: { sku: 'DISP-0', name: 'x', status: 'disposed' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('status');
  });

  it('refuses an item for a full location and leaves nothing behind', async () => {
    const closet = await makeLocation(t, { capacity: 1 });
    await makeItem(t, { location_id: closet.id });
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/items',
      payload: { sku: 'FULL-1', name: 'x', location_id: closet.id, tags: ['never-created-tag'] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('location_id');
    expect((await get('/api/v1/items?q=FULL-1')).json().data).toEqual([]);
    expect((await get('/api/v1/tags?q=never')).json().data).toEqual([]);
  });

  it('replays a create sent twice with the same Idempotency-Key', async () => {
    const send = (name: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/items',
        headers: { 'idempotency-key': 'create-idem-1' },
        payload: { sku: 'IDEM-1', name },
      });
    const first = await send('Projector');
    const again = await send('Projector');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const different = await send('Another projector');
    expect(different.statusCode).toBe(422);
    expect(different.json().errors[0].field).toBe('Idempotency-Key');
  });
});

describe('custom fields', () => {
  it('validates custom fields against the category and its ancestors', async () => {
    const it_ = await makeCategory(t, { name: 'IT gear' });
    const laptops = await makeCategory(t, { name: 'Laptops', parent_category_id: it_.id });
    await makeField(t, it_.id, { name: 'asset_owner', label: 'Owner', field_type: 'text', required: true });
    await makeField(t, laptops.id, { name: 'ram_gb', label: 'RAM', field_type: 'integer' });
    await makeField(t, laptops.id, {
      name: 'os',
      label: 'OS',
      field_type: 'select',
      options: ['Windows 11', 'macOS'],
    });

    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/items',
      payload: {
        sku: 'CF-1',
        name: 'x',
        category_id: laptops.id,
        custom_fields: { ram_gb: 'lots', os: 'BeOS', color: 'red' },
      },
    });
    expect(bad.statusCode).toBe(422);
    const fields = bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual([
      'custom_fields.asset_owner',
      'custom_fields.color',
      'custom_fields.os',
      'custom_fields.ram_gb',
    ]);

    const good = await makeItem(t, {
      sku: 'CF-2',
      category_id: laptops.id,
      custom_fields: { asset_owner: 'Finance', ram_gb: 32, os: 'macOS' },
    });
    expect(
      (await get(`/api/v1/items?cf.ram_gb=32&cf.os=macOS`)).json().data.map((i: { id: number }) => i.id),
    ).toEqual([good.id]);
    expect((await get(`/api/v1/items?cf.ram_gb=16`)).json().data).toEqual([]);

    // Moving to a category whose definitions the values do not meet is refused.
    const furniture = await makeCategory(t, { name: 'Furniture' });
    const moved = await patch(good.id, { category_id: furniture.id });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().errors[0].field).toMatch(/^custom_fields\./);
  });
});

describe('reading items', () => {
  it('answers each of many simultaneous reads with its own item (they share one statement), unknown ids with 404', async () => {
    const items = await Promise.all(
      ['Desk', 'Chair', 'Lamp', 'Monitor'].map((name) => makeItem(t, { name })),
    );
    const ids = [...items.map((i) => i.id), items[0]!.id, 999_999_999];
    const answers = await Promise.all(ids.map((id) => get(`/api/v1/items/${id}`)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 404]);
    expect(answers.slice(0, 5).map((a) => a.json<{ name: string }>().name)).toEqual([
      'Desk',
      'Chair',
      'Lamp',
      'Monitor',
      'Desk',
    ]);
    expect(answers[5]!.json()).toMatchObject({ status: 404, detail: expect.stringContaining('999999999') });
  });
});

describe('updating items', () => {
  it('records field-level before/after, actor and notes in the history', async () => {
    const here = await makeLocation(t);
    const there = await makeLocation(t);
    const item = await makeItem(t, { location_id: here.id, purchase_price: '100.00' });
    const res = await patch(item.id, { location_id: there.id, purchase_price: '100', notes: 'Desk move' }, 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    const [moved] = await history(item.id);
    expect(moved).toMatchObject({ action: 'moved', notes: 'Desk move', performed_by: adminEmail });
    // 100 and 100.00 are the same price: not a change.
    expect(moved?.additional_data.changes).toEqual({ location_id: { before: here.id, after: there.id } });
  });

  it('answers 412 to a stale If-Match and keeps the newer value', async () => {
    const item = await makeItem(t, { name: 'Old name' });
    expect((await patch(item.id, { name: 'First' }, 1)).statusCode).toBe(200);
    const stale = await patch(item.id, { name: 'Second' }, 1);
    expect(stale.statusCode).toBe(412);
    expect((await get(`/api/v1/items/${item.id}`)).json().name).toBe('First');
    const malformed = await t.request({
      method: 'PATCH',
      url: `/api/v1/items/${item.id}`,
      payload: { name: 'x' },
      headers: { 'if-match': 'yesterday' },
    });
    expect(malformed.statusCode).toBe(400);
  });

  it('allows only the documented status moves', async () => {
    const item = await makeItem(t);
    expect((await patch(item.id, { status: 'deployed', assigned_to: 'Ada Lovelace' })).statusCode).toBe(200);
    expect((await patch(item.id, { status: 'retired' })).statusCode).toBe(200);
    const disposed = await t.request({
      method: 'POST',
      url: `/api/v1/items/${item.id}/dispose`,
      payload: { method: 'scrapped', disposed_on: '2025-01-01' },
    });
    expect(disposed.statusCode, disposed.body).toBe(201);
    const back = await patch(item.id, { status: 'in_stock' });
    expect(back.statusCode).toBe(422);
    expect(back.json().errors[0]).toMatchObject({ field: 'status' });
    expect(back.json().errors[0].message).toContain('none (final)');
    const graph = (await get('/api/v1/items/statuses')).json();
    expect(graph.transitions.disposed).toEqual([]);
    expect(graph.transitions.ordered).toContain('in_stock');
    const actions = (await history(item.id)).map((h) => h.action);
    expect(actions).toEqual(['disposed', 'status_changed', 'status_changed', 'created']);
  });

  it('writes no history and keeps the version for a change that changes nothing', async () => {
    const item = await makeItem(t, { name: 'Same' });
    const res = await patch(item.id, { name: 'Same' }, 1);
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(1);
    expect(await history(item.id)).toHaveLength(1);
  });

  it('lets exactly one of two concurrent updates from the same version win', async () => {
    const item = await makeItem(t);
    const results = await Promise.all([patch(item.id, { name: 'A' }, 1), patch(item.id, { name: 'B' }, 1)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.statusCode === 200)!.json().name;
    expect((await get(`/api/v1/items/${item.id}`)).json()).toMatchObject({ name: winner, version: 2 });
  });

  it('keeps two concurrent moves from overfilling a location', async () => {
    const spot = await makeLocation(t, { capacity: 1 });
    const [a, b] = [await makeItem(t), await makeItem(t)];
    const results = await Promise.all([
      patch(a.id, { location_id: spot.id }),
      patch(b.id, { location_id: spot.id }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await get(`/api/v1/locations/${spot.id}`)).json().occupancy).toBe(1);
  });
});

describe('deleting items', () => {
  it('deletes the item but keeps its history with a snapshot', async () => {
    const item = await makeItem(t, { name: 'Mistake' });
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/items/${item.id}`, headers: { 'if-match': '"9"' } }))
        .statusCode,
    ).toBe(412);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/items/${item.id}` })).statusCode).toBe(204);
    expect((await get(`/api/v1/items/${item.id}`)).statusCode).toBe(404);
    const [deleted] = await history(item.id);
    expect(deleted).toMatchObject({ action: 'deleted' });
    expect(deleted?.additional_data.snapshot?.name).toBe('Mistake');
    expect((await get('/api/v1/items/99999999/history')).statusCode).toBe(404);
  });

  it('refuses to delete a location, category or supplier that items still use', async () => {
    const [location, category, supplier] = [
      await makeLocation(t),
      await makeCategory(t),
      await makeSupplier(t),
    ];
    await makeItem(t, { location_id: location.id, category_id: category.id, supplier_id: supplier.id });
    for (const url of [
      `/api/v1/locations/${location.id}`,
      `/api/v1/categories/${category.id}`,
      `/api/v1/suppliers/${supplier.id}`,
    ]) {
      expect((await t.request({ method: 'DELETE', url })).statusCode, url).toBe(409);
    }
  });
});

describe.runIf(onPostgres)('under real concurrency (PostgreSQL)', () => {
  it('gives exactly one winner among 20 simultaneous updates from one version', async () => {
    const item = await makeItem(t);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => patch(item.id, { name: `N${i}` }, 1)),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 412)).toHaveLength(19);
    expect(await history(item.id)).toHaveLength(2);
  });
});
