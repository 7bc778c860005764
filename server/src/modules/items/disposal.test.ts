// Disposal: only a retired item, with method, date and proceeds, the gain or loss against its book value that
// day, history, and the fleet valuation no longer counting it from then on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeItem, makeLocation } from '../../../test/factories.ts';
import { adminEmail, createTestApp, signInAs, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let category: { id: number };
beforeAll(async () => {
  t = await createTestApp();
  // Double-declining, 5 years, 1,000 salvage: book value 6,000 after a year, 3,600 after two.
  category = await makeCategory(t, {
    depreciation_method: 'double_declining',
    useful_life_months: 60,
    salvage_value: '1000.00',
  });
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.request({ method: 'GET', url });
const dispose = (id: number, payload: Record<string, unknown>, version?: number) =>
  t.request({
    method: 'POST',
    url: `/api/v1/items/${id}/dispose`,
    payload,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
  });

/** A retired item bought for 10,000 on 2024-01-10; returns it with its current version. */
async function retiredItem(overrides: Record<string, unknown> = {}) {
  const item = await makeItem(t, {
    category_id: category.id,
    purchase_price: '10000',
    purchase_date: '2024-01-10',
    ...overrides,
  });
  const res = await t.request({
    method: 'PATCH',
    url: `/api/v1/items/${item.id}`,
    payload: { status: 'retired' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: number; version: number }>();
}

describe('POST /items/:id/dispose', () => {
  it('records method, date, proceeds and the gain against book value, and ends the item’s life', async () => {
    const item = await retiredItem();
    const res = await dispose(
      item.id,
      { method: 'sold', disposed_on: '2025-12-31', proceeds: '4000', notes: 'Sold to staff' },
      item.version,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe(`"${item.version + 1}"`);
    expect(res.headers.location).toBe(`/api/v1/items/${item.id}/disposal`);
    expect(res.json()).toMatchObject({
      item_id: item.id,
      method: 'sold',
      disposed_on: '2025-12-31',
      proceeds: '4000.00',
      book_value: '3600.00',
      gain_loss: '400.00',
      notes: 'Sold to staff',
      disposed_by: adminEmail,
      item: { status: 'disposed', current_value: '0.00' },
    });
    expect((await get(`/api/v1/items/${item.id}/disposal`)).json()).toMatchObject({ gain_loss: '400.00' });
    const [entry] = (await get(`/api/v1/items/${item.id}/history`)).json().data;
    expect(entry).toMatchObject({
      action: 'disposed',
      notes: 'Sold to staff',
      additional_data: {
        changes: {
          status: { before: 'retired', after: 'disposed' },
          current_value: { before: '10000.00', after: '0.00' },
        },
        disposal: { method: 'sold', book_value: '3600.00', gain_loss: '400.00' },
      },
    });
  });

  it('records a loss, and no gain or loss for an item without a price', async () => {
    const scrapped = await retiredItem();
    const loss = await dispose(scrapped.id, { method: 'scrapped', disposed_on: '2024-12-31' });
    expect(loss.json()).toMatchObject({ proceeds: '0.00', book_value: '6000.00', gain_loss: '-6000.00' });

    const unpriced = await retiredItem({ purchase_price: null });
    const res = await dispose(unpriced.id, { method: 'donated', disposed_on: '2025-01-15', proceeds: '0' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ book_value: null, gain_loss: null });
  });

  it('refuses an item the lifecycle does not allow to be disposed of, naming status', async () => {
    const inStock = await makeItem(t, { purchase_price: '10', purchase_date: '2024-01-01' });
    const res = await dispose(inStock.id, { method: 'recycled', disposed_on: '2025-01-01' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'status', message: expect.stringContaining('retire it first') as string },
    ]);
    expect((await get(`/api/v1/items/${inStock.id}`)).json()).toMatchObject({
      status: 'in_stock',
      version: 1,
    });
    expect((await get(`/api/v1/items/${inStock.id}/disposal`)).statusCode).toBe(404);

    const done = await retiredItem();
    expect((await dispose(done.id, { method: 'sold', disposed_on: '2025-01-01' })).statusCode).toBe(201);
    const again = await dispose(done.id, { method: 'sold', disposed_on: '2025-01-01' });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0]).toMatchObject({ field: 'status' });
  });

  it('sends a plain status change to disposed to /dispose', async () => {
    const item = await retiredItem();
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/items/${item.id}`,
      payload: { status: 'disposed' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'status' });
    expect(res.json().errors[0].message).toContain(`/api/v1/items/${item.id}/dispose`);
  });

  it('checks its input: method, dates, proceeds, and a stale If-Match', async () => {
    const item = await retiredItem();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ method: 'burnt', disposed_on: '2025-01-01' }, 400, 'method'],
      [{ method: 'sold', disposed_on: '2025-02-30' }, 400, 'disposed_on'],
      [{ method: 'sold', disposed_on: '2025-01-01', proceeds: '-5' }, 400, 'proceeds'],
      [{ method: 'sold', disposed_on: '2025-01-01', proceeds: 5 }, 400, 'proceeds'],
      [{ method: 'sold', disposed_on: '2099-01-01' }, 422, 'disposed_on'],
      [{ method: 'sold', disposed_on: '2023-12-31' }, 422, 'disposed_on'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await dispose(item.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.body, JSON.stringify(payload)).toContain(field);
    }
    expect(
      (await dispose(item.id, { method: 'sold', disposed_on: '2025-01-01' }, item.version - 1)).statusCode,
    ).toBe(412);
    expect((await get(`/api/v1/items/${item.id}`)).json().status).toBe('retired');
  });

  it('is 404 for an item outside the caller’s locations', async () => {
    const mine = await makeLocation(t, { type: 'site' });
    const other = await makeLocation(t, { type: 'site' });
    const theirs = await retiredItem({ location_id: other.id });
    const email = `disposer-${Date.now()}@example.com`;
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email,
        display_name: 'Disposer',
        password: 'disposal passphrase 1',
        role: 'asset_manager',
        location_scope_id: mine.id,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = await signInAs(t, email, 'disposal passphrase 1');
    const res = await t.anonymous({
      method: 'POST',
      url: `/api/v1/items/${theirs.id}/dispose`,
      headers: { authorization: `Bearer ${token}` },
      payload: { method: 'sold', disposed_on: '2025-01-01' },
    });
    expect(res.statusCode).toBe(404);
    expect((await get(`/api/v1/items/${theirs.id}`)).json().status).toBe('retired');
  });

  it('takes the item out of the fleet valuation from the disposal date on', async () => {
    const site = await makeLocation(t, { type: 'site' });
    const item = await retiredItem({ location_id: site.id });
    expect(
      (await dispose(item.id, { method: 'sold', disposed_on: '2025-06-30', proceeds: '100' })).statusCode,
    ).toBe(201);
    const at = async (asOf: string) =>
      (await get(`/api/v1/reports/valuation?as_of=${asOf}&location_id=${site.id}`)).json();
    expect(await at('2025-06-29')).toMatchObject({ items: 1, cost: '10000.00' });
    expect(await at('2025-06-30')).toMatchObject({ items: 0, cost: '0.00', book_value: '0.00' });
  });

  it('disposes of an item once when two requests race', async () => {
    const item = await retiredItem();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => dispose(item.id, { method: 'sold', disposed_on: '2025-01-01' })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422, 422, 422, 422]);
    const actions = (await get(`/api/v1/items/${item.id}/history`))
      .json()
      .data.map((h: { action: string }) => h.action);
    expect(actions.filter((a: string) => a === 'disposed')).toHaveLength(1);
  });
});
