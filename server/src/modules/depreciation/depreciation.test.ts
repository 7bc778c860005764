// An item's depreciation schedule over HTTP, the fleet valuation report, and the revaluation run.
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeItem, makeLocation } from '../../../test/factories.ts';
import { createTestApp, signInAs, type TestApp } from '../../../test/harness.ts';
import { bookValueAt } from './calculator.ts';
import { revalueFleet } from './service.ts';

let t: TestApp;
let ddb: { id: number };
beforeAll(async () => {
  t = await createTestApp();
  ddb = await makeCategory(t, {
    depreciation_method: 'double_declining',
    useful_life_months: 60,
    salvage_value: '1000.00',
  });
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.request({ method: 'GET', url });
const amounts = (body: { schedule: { depreciation: string }[] }) => body.schedule.map((p) => p.depreciation);

async function userWith(role: string, scope?: number) {
  const email = `${role}-${Math.random().toString(36).slice(2)}@example.com`;
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: {
      email,
      display_name: role,
      password: 'valuation passphrase 1',
      role,
      location_scope_id: scope ?? null,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const token = await signInAs(t, email, 'valuation passphrase 1');
  return (url: string) => t.anonymous({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
}

describe('GET /items/:id/depreciation', () => {
  it("follows the category's method by year, and the item's override", async () => {
    const item = await makeItem(t, {
      category_id: ddb.id,
      purchase_price: '10000',
      purchase_date: '2024-01-10',
    });
    const res = await get(`/api/v1/items/${item.id}/depreciation`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      method: 'double_declining',
      cost: '10000.00',
      salvage_value: '1000.00',
      useful_life_months: 60,
      granularity: 'year',
    });
    expect(amounts(res.json())).toEqual(['4000.00', '2400.00', '1440.00', '864.00', '296.00']);
    expect(res.json().schedule[0]).toEqual({
      period: 1,
      starts_on: '2024-01-10',
      ends_on: '2024-12-31',
      depreciation: '4000.00',
      accumulated: '4000.00',
      book_value: '6000.00',
    });

    const syd = await makeItem(t, {
      category_id: ddb.id,
      depreciation_method: 'sum_of_years_digits',
      purchase_price: '10000',
      purchase_date: '2024-01-10',
    });
    const overridden = await get(`/api/v1/items/${syd.id}/depreciation`);
    expect(amounts(overridden.json())).toEqual(['3000.00', '2400.00', '1800.00', '1200.00', '600.00']);
  });

  it('gives the schedule month by month', async () => {
    const item = await makeItem(t, {
      depreciation_method: 'macrs',
      recovery_period: 5,
      purchase_price: '12000',
      purchase_date: '2024-07-04',
    });
    const res = await get(`/api/v1/items/${item.id}/depreciation?granularity=month`);
    expect(res.statusCode, res.body).toBe(200);
    const months = res.json().schedule;
    // 6 months of the first tax year, then five more years of 12.
    expect(months).toHaveLength(6 + 60);
    expect(months[0]).toMatchObject({ ends_on: '2024-07-31', depreciation: '400.00' });
    expect(months.at(-1)).toMatchObject({ ends_on: '2029-12-31', book_value: '0.00' });
  });

  it('answers 422 naming what is missing', async () => {
    const noPrice = await makeItem(t, { category_id: ddb.id, purchase_date: '2024-01-10' });
    const noDate = await makeItem(t, { category_id: ddb.id, purchase_price: '100' });
    const bare = await makeCategory(t, { depreciation_method: 'straight_line' });
    const noLife = await makeItem(t, {
      category_id: bare.id,
      purchase_price: '100',
      purchase_date: '2024-01-10',
    });
    const noCategory = await makeItem(t, { purchase_price: '100', purchase_date: '2024-01-10' });
    for (const [item, field] of [
      [noPrice, 'purchase_price'],
      [noDate, 'purchase_date'],
      [noLife, 'useful_life_months'],
      [noCategory, 'depreciation_method'],
    ] as const) {
      const res = await get(`/api/v1/items/${item.id}/depreciation`);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect((await get(`/api/v1/items/${noPrice.id}/depreciation?granularity=week`)).statusCode).toBe(400);
  });

  it('is 404 for an item outside the caller’s locations', async () => {
    const site = await makeLocation(t, { type: 'site' });
    const elsewhere = await makeLocation(t, { type: 'site' });
    const mine = await makeItem(t, {
      location_id: site.id,
      category_id: ddb.id,
      purchase_price: '10',
      purchase_date: '2024-01-01',
    });
    const theirs = await makeItem(t, {
      location_id: elsewhere.id,
      category_id: ddb.id,
      purchase_price: '10',
      purchase_date: '2024-01-01',
    });
    const as = await userWith('technician', site.id);
    expect((await as(`/api/v1/items/${mine.id}/depreciation`)).statusCode).toBe(200);
    expect((await as(`/api/v1/items/${theirs.id}/depreciation`)).statusCode).toBe(404);
    expect((await get('/api/v1/items/99999999/depreciation')).statusCode).toBe(404);
  });
});

describe('GET /reports/valuation', () => {
  it('totals cost, accumulated depreciation and book value at a date, by category or location', async () => {
    const site = await makeLocation(t, { type: 'site' });
    const roomA = await makeLocation(t, { parent_location_id: site.id });
    const roomB = await makeLocation(t, { parent_location_id: site.id });
    const sl = await makeCategory(t, {
      depreciation_method: 'straight_line',
      useful_life_months: 36,
      salvage_value: '0',
    });
    const bare = await makeCategory(t, { depreciation_method: 'sum_of_years_digits' });
    const items = [
      { category_id: ddb.id, location_id: roomA.id, purchase_price: '10000.00', purchase_date: '2024-01-10' },
      { category_id: sl.id, location_id: roomA.id, purchase_price: '1000.00', purchase_date: '2024-03-31' },
      { category_id: sl.id, location_id: roomB.id, purchase_price: '333.33', purchase_date: '2023-11-02' },
      // Counted at cost: its category allows no schedule.
      { category_id: bare.id, location_id: roomB.id, purchase_price: '50.00', purchase_date: '2024-02-01' },
      // Not yet bought at the as-of date.
      { category_id: sl.id, location_id: roomB.id, purchase_price: '999.00', purchase_date: '2025-01-01' },
      // No price: not valued.
      { category_id: sl.id, location_id: roomB.id, purchase_date: '2024-01-01' },
    ];
    for (const item of items) await makeItem(t, item);

    const asOf = '2024-12-31';
    const res = await get(`/api/v1/reports/valuation?as_of=${asOf}&location_id=${site.id}&group_by=category`);
    expect(res.statusCode, res.body).toBe(200);
    const expected = (indexes: number[]) =>
      indexes
        .map((k) => items[k]!)
        .reduce((sum, item) => {
          const category =
            item.category_id === ddb.id
              ? { method: 'double_declining' as const, usefulLifeMonths: 60, salvageValue: '1000.00' }
              : { method: 'straight_line' as const, usefulLifeMonths: 36, salvageValue: '0' };
          const settings = { rate: null, recoveryPeriod: null, ...category };
          return sum.plus(
            bookValueAt({ cost: item.purchase_price!, purchaseDate: item.purchase_date, settings }, asOf),
          );
        }, new Decimal(0));
    const bookValue = expected([0, 1, 2]).plus('50.00');
    expect(res.json()).toMatchObject({
      as_of: asOf,
      items: 4,
      cost: '11383.33',
      book_value: bookValue.toFixed(2),
      accumulated_depreciation: new Decimal('11383.33').minus(bookValue).toFixed(2),
      not_depreciated: 1,
      group_by: 'category',
    });
    const groups = res.json().groups as { id: number; items: number; book_value: string }[];
    expect(groups.map((g) => g.id).sort()).toEqual([ddb.id, sl.id, bare.id].sort());
    expect(groups.find((g) => g.id === sl.id)).toMatchObject({
      items: 2,
      book_value: expected([1, 2]).toFixed(2),
    });

    const byRoom = (
      await get(`/api/v1/reports/valuation?as_of=${asOf}&location_id=${site.id}&group_by=location`)
    ).json();
    expect(byRoom.groups.map((g: { id: number }) => g.id).sort()).toEqual([roomA.id, roomB.id].sort());

    // A year later the fifth item is owned too, and everything is worth less.
    const later = (await get(`/api/v1/reports/valuation?as_of=2025-12-31&location_id=${site.id}`)).json();
    expect(later.items).toBe(5);
    expect(later.groups).toBeUndefined();

    // An auditor may read it; a user limited to room B sees only room B.
    const auditor = await userWith('auditor');
    expect((await auditor(`/api/v1/reports/valuation?location_id=${site.id}`)).statusCode).toBe(200);
    const scoped = await userWith('asset_manager', roomB.id);
    const inRoomB = (await scoped(`/api/v1/reports/valuation?as_of=${asOf}`)).json();
    expect(inRoomB).toMatchObject({ items: 2, cost: '383.33' });
  });

  it('refuses a malformed date or grouping with 400 naming the parameter', async () => {
    const res = await get('/api/v1/reports/valuation?as_of=2024-13-01');
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/as_of/);
    expect((await get('/api/v1/reports/valuation?group_by=supplier')).statusCode).toBe(400);
  });
});

describe('revaluation', () => {
  it("writes each item's book value into current_value, with history, once", async () => {
    const item = await makeItem(t, {
      category_id: ddb.id,
      purchase_price: '10000',
      purchase_date: '2024-01-10',
    });
    const unknown = await makeItem(t, { category_id: ddb.id });
    const revalued = await revalueFleet(t.database.db, '2025-12-31');
    expect(revalued).toBeGreaterThanOrEqual(1);
    const after = (await get(`/api/v1/items/${item.id}`)).json();
    expect(after).toMatchObject({ current_value: '3600.00', version: 2 });
    const [entry] = (await get(`/api/v1/items/${item.id}/history`)).json().data;
    expect(entry).toMatchObject({
      action: 'revalued',
      performed_by: 'depreciation run',
      additional_data: {
        as_of: '2025-12-31',
        changes: { current_value: { before: '10000.00', after: '3600.00' } },
      },
    });
    expect((await get(`/api/v1/items/${unknown.id}`)).json().version).toBe(1);
    // Nothing changed since: a second run writes nothing.
    expect(await revalueFleet(t.database.db, '2025-12-31')).toBe(0);
  });
});
