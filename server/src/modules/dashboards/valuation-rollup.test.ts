// The valuation rollup against the reports that value every item afresh: after each kind of write that moves an
// item's value (created, repriced, redated, moved, recategorised, its category's settings changed, retired and
// disposed of, deleted), and after the scheduled upkeep, the dashboards' values at every month end, by category,
// location and status, and this month's depreciation are the valuation report's and the register's.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { queryRows } from '../../db/connection.ts';
import { makeCategory, makeItem, makeLocation, makeSupplier } from '../../../test/factories.ts';
import { createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';
import { firstOfMonth, lastOfMonth, monthIndex, today } from '../depreciation/calendar.ts';
import { maintainRollup } from './valuation.ts';

let t: TestApp;
const current = monthIndex(today());
const monthStart = (back: number) => firstOfMonth(current - back);
const ids = { categories: [] as number[], locations: [] as number[] };

const get = async (url: string) => {
  const res = await t.request({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};
const patch = async (url: string, payload: object) => {
  const res = await t.request({ method: 'PATCH', url, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  const siteA = await makeLocation(t, { type: 'site' });
  const siteB = await makeLocation(t, { type: 'site' });
  const straight = await makeCategory(t, {
    depreciation_method: 'straight_line',
    useful_life_months: 36,
    salvage_value: '100.00',
  });
  const declining = await makeCategory(t, {
    depreciation_method: 'double_declining',
    useful_life_months: 24,
  });
  const macrs = await makeCategory(t, { depreciation_method: 'macrs', recovery_period: 5 });
  const atCost = await makeCategory(t);
  ids.categories = [straight.id, declining.id, macrs.id, atCost.id];
  ids.locations = [siteA.id, siteB.id];
  for (const [k, category] of ids.categories.entries()) {
    await makeItem(t, {
      category_id: category,
      location_id: ids.locations[k % 2],
      purchase_price: `${1000 + 137 * k}.55`,
      purchase_date: monthStart(14 - k),
    });
  }
});
afterAll(async () => {
  await t?.close();
});

const monthEnds = Array.from({ length: 12 }, (_, j) => lastOfMonth(current - 12 + j));

/** Every figure the rollup serves, beside the same figure from the reports. */
async function expectRollupToMatchReports() {
  const series = async (query: string) =>
    (await get(`/api/v1/dashboards/widget-data?source=value_over_time${query}`)).points.map(
      (p: { value: string }) => p.value,
    );
  const valuations = await Promise.all(
    monthEnds.map((end) => get(`/api/v1/reports/valuation?as_of=${end}&group_by=category`)),
  );
  expect(await series(''), 'all').toEqual(valuations.map((v) => v.book_value));
  for (const category of ids.categories) {
    const groups = valuations.map((v) => v.groups.find((g: { id: number }) => g.id === category));
    expect(await series(`&category_id=${category}`), `category ${category}`).toEqual(
      groups.map((g) => g?.book_value ?? '0.00'),
    );
  }
  for (const location of ids.locations) {
    const reports = await Promise.all(
      monthEnds.map((end) => get(`/api/v1/reports/valuation?as_of=${end}&location_id=${location}`)),
    );
    expect(await series(`&location_id=${location}`), `location ${location}`).toEqual(
      reports.map((r) => r.book_value),
    );
  }
  for (const status of ['in_stock', 'in_repair', 'disposed']) {
    const registers = await Promise.all(
      monthEnds.map((end) => reconciledRegister(`as_of=${end}&status=${status}`)),
    );
    expect(await series(`&status=${status}`), status).toEqual(registers.map((r) => r.book_value));
  }
  // Days between month ends: the month end before, plus what arrived since, less what left.
  for (const date of [monthStart(2), `${monthStart(1).slice(0, 8)}15`, today()]) {
    await reconciledRegister(`as_of=${date}`);
    await reconciledRegister(`as_of=${date}&location_id=${ids.locations[0]}`);
    await reconciledRegister(`as_of=${date}&category_id=${ids.categories[1]}`);
  }
  const now = await get('/api/v1/reports/valuation');
  const executive = await get('/api/v1/dashboards/executive');
  expect({ cost: executive.cost, book_value: executive.book_value }).toEqual({
    cost: now.cost,
    book_value: now.book_value,
  });
  expect(executive.depreciation_this_month).toBe(await heldThroughoutDepreciation());
}

/** The register's totals (from the rollup where it holds the date), which must be the sums of its lines. */
async function reconciledRegister(query: string) {
  const page = await get(`/api/v1/reports/asset-register?${query}&limit=500`);
  const sum = (field: string) =>
    page.data.reduce(
      (total: Decimal, line: Record<string, string>) => total.plus(line[field]!),
      new Decimal(0),
    );
  expect(page.totals, query).toEqual({
    items: page.data.length,
    cost: sum('cost').toFixed(2),
    accumulated_depreciation: sum('accumulated_depreciation').toFixed(2),
    book_value: sum('book_value').toFixed(2),
  });
  return page.totals as { book_value: string };
}

/** This month's depreciation from the register: lines at its start and end, for the items on both. */
async function heldThroughoutDepreciation(): Promise<string> {
  const lines = async (asOf: string) => {
    const page = await get(`/api/v1/reports/asset-register?as_of=${asOf}&limit=500`);
    return new Map<number, string>(
      page.data.map((l: { item_id: number; book_value: string }) => [l.item_id, l.book_value]),
    );
  };
  const [start, end] = [await lines(lastOfMonth(current - 1)), await lines(lastOfMonth(current))];
  let depreciation = new Decimal(0);
  for (const [id, value] of start) {
    if (end.has(id)) depreciation = depreciation.plus(value).minus(end.get(id)!);
  }
  return depreciation.toFixed(2);
}

describe('the valuation rollup', () => {
  it('starts equal to the reports', async () => {
    await expectRollupToMatchReports();
  });

  it('follows created, repriced, redated, moved, recategorised and re-statused items', async () => {
    const [straight, declining, macrs] = ids.categories as [number, number, number, number];
    const made = await makeItem(t, {
      category_id: declining,
      purchase_price: '640.00',
      purchase_date: monthStart(6),
    });
    await makeItem(t, { category_id: straight, location_id: ids.locations[0], purchase_price: '99.99' });
    await makeItem(t, { category_id: macrs, purchase_price: '2500.00', purchase_date: monthStart(0) });
    await makeItem(t, { location_id: ids.locations[1], purchase_date: monthStart(3) });
    await patch(`/api/v1/items/${made.id}`, { purchase_price: '700.10' });
    await patch(`/api/v1/items/${made.id}`, { purchase_date: monthStart(11) });
    await patch(`/api/v1/items/${made.id}`, { location_id: ids.locations[1], category_id: straight });
    await patch(`/api/v1/items/${made.id}`, { status: 'in_repair', useful_life_months: 12 });
    await patch(`/api/v1/items/${made.id}`, { name: 'Renamed only' });
    await expectRollupToMatchReports();
  });

  it("follows a category's new depreciation settings", async () => {
    await patch(`/api/v1/categories/${ids.categories[0]}`, { useful_life_months: 20, salvage_value: '0.00' });
    await patch(`/api/v1/categories/${ids.categories[3]}`, {
      depreciation_method: 'straight_line',
      useful_life_months: 48,
    });
    await expectRollupToMatchReports();
  });

  it('follows disposals and deletions', async () => {
    const gone = await makeItem(t, {
      category_id: ids.categories[1],
      location_id: ids.locations[0],
      purchase_price: '1500.00',
      purchase_date: monthStart(13),
    });
    await patch(`/api/v1/items/${gone.id}`, { status: 'retired' });
    const disposed = await t.request({
      method: 'POST',
      url: `/api/v1/items/${gone.id}/dispose`,
      payload: { method: 'sold', disposed_on: lastOfMonth(current - 5), proceeds: '10.00' },
    });
    expect(disposed.statusCode, disposed.body).toBe(201);
    await expectRollupToMatchReports();

    const plain = await makeItem(t, { purchase_price: '80.00', purchase_date: monthStart(4) });
    for (const id of [plain.id, gone.id]) {
      const res = await t.request({ method: 'DELETE', url: `/api/v1/items/${id}` });
      expect(res.statusCode, res.body).toBe(204);
    }
    await expectRollupToMatchReports();
  });

  it('keeps its totals through the scheduled upkeep', async () => {
    await maintainRollup(t.database.db, today());
    const kept = await queryRows<{ as_of: string }>(
      t.database.db,
      sql`select as_of::text as as_of from valuation_dates order by as_of`,
    );
    const dates = kept.map((row) => row.as_of);
    const quarterEnds = dates.filter((date) => monthIndex(date) < current - 24);
    expect(dates.slice(-26), 'two years of month ends, this month and next').toEqual(
      Array.from({ length: 26 }, (_, k) => lastOfMonth(current - 24 + k)),
    );
    expect(quarterEnds.length, 'quarter ends of five years, before those months').toBeGreaterThanOrEqual(11);
    expect(quarterEnds.every((date) => /-(03-31|06-30|09-30|12-31)$/.test(date))).toBe(true);
    expect(dates[0]! >= lastOfMonth(current - 61)).toBe(true);
    await expectRollupToMatchReports();
  });

  it('gives the register its totals where it holds the date, and values the lines where it cannot', async () => {
    const end = monthEnds.at(-1)!;
    const supplier = await makeSupplier(t);
    await makeItem(t, { supplier_id: supplier.id, purchase_price: '250.00', purchase_date: monthStart(5) });
    const before = await get(`/api/v1/reports/asset-register?as_of=${end}&limit=1`);
    const bySupplier = await get(
      `/api/v1/reports/asset-register?as_of=${end}&supplier_id=${supplier.id}&limit=1`,
    );
    // A stray row shows which path answered: the rollup's totals move with it, the valued lines do not.
    await t.database.db
      .execute(sql`insert into valuation_rollup (as_of, location_id, category_id, status, items, cost,
      book_value) values (${end}, null, null, 'in_stock', 1, 1, 1)`);
    try {
      const after = await get(`/api/v1/reports/asset-register?as_of=${end}&limit=1`);
      expect(after.totals.items).toBe(before.totals.items + 1);
      expect(
        (await get(`/api/v1/reports/asset-register?as_of=${end}&supplier_id=${supplier.id}&limit=1`)).totals,
      ).toEqual(bySupplier.totals);
      expect(bySupplier.totals.items).toBe(1);
    } finally {
      await t.database.db.execute(
        sql`delete from valuation_rollup where items = 1 and cost = 1 and book_value = 1`,
      );
    }
  });

  it.runIf(onPostgres)('adds up writes made while a month end is being valued', async () => {
    await t.database.db.execute(sql`delete from valuation_dates`);
    await t.database.db.execute(sql`delete from valuation_rollup`);
    const writes = Array.from({ length: 20 }, (_, k) =>
      makeItem(t, {
        category_id: ids.categories[k % 4],
        location_id: ids.locations[k % 2],
        purchase_price: `${10 + k}.25`,
        purchase_date: monthStart(k % 13),
      }),
    );
    await Promise.all([...writes, get('/api/v1/dashboards/executive')]);
    await expectRollupToMatchReports();
  });
});
