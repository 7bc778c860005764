// The executive dashboard over a small fleet whose figures are worked out by hand: counts, utilisation, overdue
// work, value today and at each of the last 12 month ends, this month's depreciation; the caller's scope and
// filters respected; bad filters and roles without reports:read refused.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { firstOfMonth, lastOfMonth, monthIndex, nextDay, today } from '../depreciation/calendar.ts';

let t: TestApp;
const day = today();
const current = monthIndex(day);
/** Months of depreciation accrued by a date for a purchase in month `purchased` (accrued at each month end). */
const accrued = (asOf: string, purchased: number) => monthIndex(nextDay(asOf)) - purchased;
const money = (n: number) => n.toFixed(2);

const ids = {} as Record<'siteA' | 'roomA' | 'siteB' | 'laptops' | 'chairs', number>;

beforeAll(async () => {
  t = await createTestApp();
  const siteA = await makeLocation(t, { name: 'Alpha site', type: 'site' });
  const roomA = await makeLocation(t, { name: 'Alpha lab', parent_location_id: siteA.id });
  const siteB = await makeLocation(t, { name: 'Beta site', type: 'site' });
  // 36 months straight line from no salvage: 1/36 of the cost at each month end.
  const laptops = await makeCategory(t, {
    name: 'Laptops',
    depreciation_method: 'straight_line',
    useful_life_months: 36,
    salvage_value: '0.00',
  });
  // No useful life: valued at cost.
  const chairs = await makeCategory(t, { name: 'Chairs' });
  Object.assign(ids, { siteA: siteA.id, roomA: roomA.id, siteB: siteB.id });
  Object.assign(ids, { laptops: laptops.id, chairs: chairs.id });

  const laptop = (overrides: object) =>
    makeItem(t, { category_id: laptops.id, status: 'in_stock', ...overrides });
  // L1: bought 13 months ago, then checked out to a person who is late bringing it back.
  const l1 = await laptop({
    purchase_price: '3600.00',
    purchase_date: firstOfMonth(current - 13),
    location_id: roomA.id,
  });
  const person = await makeUser(t, 'employee');
  const out = await t.request({
    method: 'POST',
    url: `/api/v1/items/${l1.id}/checkout`,
    payload: {
      assignee_user_id: person.id,
      expected_checkin: new Date(Date.now() + 3_600_000).toISOString(),
    },
  });
  expect(out.statusCode, out.body).toBe(201);
  // Time passing: the expected return is now behind us.
  await t.database.db.execute(sql`update checkouts set expected_checkin = now() - interval '1 day'`);
  // L2: bought today, deployed at site B.
  await laptop({ purchase_price: '1200.00', purchase_date: day, location_id: siteB.id, status: 'deployed' });
  // C1: a chair at site A itself, 5 months old, with maintenance due yesterday.
  const c1 = await makeItem(t, {
    category_id: chairs.id,
    purchase_price: '250.00',
    purchase_date: firstOfMonth(current - 5),
    location_id: siteA.id,
  });
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const schedule = await t.request({
    method: 'POST',
    url: `/api/v1/items/${c1.id}/maintenance`,
    payload: { maintenance_type: 'inspection', scheduled_date: yesterday },
  });
  expect(schedule.statusCode, schedule.body).toBe(201);
  // D1: bought 13 months ago at site B, retired, and disposed of at the end of the month three months back.
  const d1 = await laptop({
    purchase_price: '1800.00',
    purchase_date: firstOfMonth(current - 13),
    location_id: siteB.id,
  });
  const retired = await t.request({
    method: 'PATCH',
    url: `/api/v1/items/${d1.id}`,
    payload: { status: 'retired' },
  });
  expect(retired.statusCode, retired.body).toBe(200);
  const disposed = await t.request({
    method: 'POST',
    url: `/api/v1/items/${d1.id}/dispose`,
    payload: { method: 'recycled', disposed_on: lastOfMonth(current - 3) },
  });
  expect(disposed.statusCode, disposed.body).toBe(201);
  // N1: no price, no category, in repair in the lab.
  await makeItem(t, { location_id: roomA.id, status: 'in_repair' });
});
afterAll(async () => {
  await t?.close();
});

type Caller = (options: { method: 'GET'; url: string }) => ReturnType<TestApp['request']>;
const executive = (query = '', as: Caller = (options) => t.request(options)) =>
  as({ method: 'GET', url: `/api/v1/dashboards/executive${query}` });

/** The month ends of the last 12 months, oldest first, with what each item is worth then. */
const monthEnds = Array.from({ length: 12 }, (_, j) => lastOfMonth(current - 12 + j));
const l1Value = (asOf: string) => 3600 - 100 * accrued(asOf, current - 13);
const d1Value = (asOf: string) => 1800 - 50 * accrued(asOf, current - 13);
const d1Owned = (asOf: string) => asOf < lastOfMonth(current - 3);
const c1Owned = (asOf: string) => asOf >= firstOfMonth(current - 5);

describe('the executive dashboard', () => {
  it('counts, values and depreciates the fleet as worked out by hand', async () => {
    const res = await executive('?top=1');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.as_of).toBe(day);
    expect(body.assets).toEqual({
      total: 4,
      by_status: [
        { status: 'deployed', count: 2 },
        { status: 'in_repair', count: 1 },
        { status: 'in_stock', count: 1 },
      ],
    });
    expect(body.cost).toBe('5050.00');
    const l2Today = 1200 - Number((1200 / 36).toFixed(2)) * accrued(day, current);
    expect(body.book_value).toBe(money(l1Value(day) + l2Today + 250));
    // Only L1 depreciates through the whole month (L2 arrived in it; the chair does not depreciate).
    expect(body.depreciation_this_month).toBe('100.00');
    expect(body.utilisation).toEqual({ in_use: 2, in_service: 4, ratio: 0.5 });
    expect(body.overdue).toEqual({ maintenance: 1, check_ins: 1 });
    expect(body.by_category).toEqual([
      { id: ids.laptops, label: 'Laptops', count: 2 },
      { id: null, label: 'Other (2)', count: 2 },
    ]);
    expect(body.by_location).toEqual([
      { id: ids.siteA, label: 'Alpha site', count: 3 },
      { id: null, label: 'Other (1)', count: 1 },
    ]);
    expect(body.value_over_time).toEqual(
      monthEnds.map((end) => ({
        month_end: end,
        items: 1 + Number(d1Owned(end)) + Number(c1Owned(end)),
        book_value: money(l1Value(end) + (d1Owned(end) ? d1Value(end) : 0) + (c1Owned(end) ? 250 : 0)),
      })),
    );
  });

  it('agrees with the valuation report at each month end', async () => {
    const body = (await executive()).json();
    for (const point of body.value_over_time) {
      const report = (
        await t.request({ method: 'GET', url: `/api/v1/reports/valuation?as_of=${point.month_end}` })
      ).json();
      expect({ items: report.items, book_value: report.book_value }, point.month_end).toEqual({
        items: point.items,
        book_value: point.book_value,
      });
    }
  });

  it('groups by category and site, and by the children of a location filter', async () => {
    const all = (await executive()).json();
    expect(all.by_category).toEqual([
      { id: ids.laptops, label: 'Laptops', count: 2 },
      { id: ids.chairs, label: 'Chairs', count: 1 },
      { id: null, label: 'No category', count: 1 },
    ]);
    expect(all.by_location).toEqual([
      { id: ids.siteA, label: 'Alpha site', count: 3 },
      { id: ids.siteB, label: 'Beta site', count: 1 },
    ]);
    const inA = (await executive(`?location_id=${ids.siteA}`)).json();
    expect(inA.by_location).toEqual([
      { id: ids.roomA, label: 'Alpha lab', count: 2 },
      { id: ids.siteA, label: 'Alpha site', count: 1 },
    ]);
    expect(inA.assets.total).toBe(3);
    expect(inA.cost).toBe('3850.00');
    const laptopsOnly = (await executive(`?category_id=${ids.laptops}`)).json();
    expect(laptopsOnly.assets.total).toBe(2);
    expect(laptopsOnly.overdue).toEqual({ maintenance: 0, check_ins: 1 });
  });

  it("shows a scoped user only their locations' figures", async () => {
    const beta = await makeUser(t, 'asset_manager', { location_scope_id: ids.siteB });
    const body = (await executive('', beta.as)).json();
    expect(body.assets).toEqual({ total: 1, by_status: [{ status: 'deployed', count: 1 }] });
    expect(body.cost).toBe('1200.00');
    expect(body.overdue).toEqual({ maintenance: 0, check_ins: 0 });
    expect(body.by_location).toEqual([{ id: ids.siteB, label: 'Beta site', count: 1 }]);
    expect(body.value_over_time.map((p: { book_value: string }) => p.book_value)).toEqual(
      monthEnds.map((end) => money(d1Owned(end) ? d1Value(end) : 0)),
    );
    const outside = await executive(`?location_id=${ids.siteA}`, beta.as);
    expect(outside.statusCode, outside.body).toBe(404);
  });

  it('refuses bad filters with the field named', async () => {
    for (const [query, status, field] of [
      ['?location_id=abc', 400, 'location_id'],
      ['?top=0', 400, 'top'],
      ['?colour=red', 400, 'colour'],
      ['?category_id=99999999', 404, undefined],
      ['?location_id=99999999', 404, undefined],
    ] as const) {
      const res = await executive(query);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      if (field) expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('is refused to roles without reports:read', async () => {
    for (const role of ['technician', 'employee']) {
      const user = await makeUser(t, role);
      expect((await executive('', user.as)).statusCode, role).toBe(403);
    }
  });
});
