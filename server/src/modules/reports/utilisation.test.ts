// Utilisation and location occupancy over HTTP: deployed time from check-outs (and kits) worked out by hand,
// idle assets, month-end occupancy rebuilt from history, filters, scope, bad input and downloads.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { csvRecords, xlsxSheet } from '../../../test/report-files.ts';

let t: TestApp;
let site: { id: number };
let otherSite: { id: number };
let cameras: { id: number };
let warehouse: { id: number };
let roomR: { id: number };
let roomQ: { id: number };
const ids: Record<string, number> = {};

/** The API stamps everything "now"; fixtures move their rows back in time, without audit entries for it. */
async function backdate(...statements: ReturnType<typeof sql>[]) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local eis.audit = 'off'`);
    for (const statement of statements) await tx.execute(statement);
  });
}

async function post(url: string, payload: object): Promise<{ id: number }> {
  const res = await t.request({ method: 'POST', url, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
  return res.json();
}

/** A check-out to `person` that ran from `out` to `back` (still out when `back` is null). */
async function checkedOut(itemId: number, target: object, out: string, back: string | null) {
  const checkout = await post(`/api/v1/items/${itemId}/checkout`, target);
  if (back !== null) {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/items/${itemId}/checkin`,
      payload: { condition: 'good' },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  await backdate(
    sql`update checkouts set checked_out_at = ${out}::timestamptz, checked_in_at = ${back}::timestamptz
        where id = ${checkout.id}`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  site = await makeLocation(t, { name: 'Studio', type: 'site' });
  otherSite = await makeLocation(t, { name: 'Annex', type: 'site' });
  cameras = await makeCategory(t, { name: 'Cameras' });
  const person = await makeUser(t, 'employee');
  const to = { assignee_user_id: person.id };
  const item = async (name: string, extra: object) =>
    (ids[name] = (await makeItem(t, { name, category_id: cameras.id, location_id: site.id, ...extra })).id);

  // U1: out 1–11 January and from 21 January into February: 21 of 31 days, still out at the end.
  await item('U1', { purchase_date: '2023-06-01' });
  await checkedOut(ids.U1!, to, '2024-01-01T00:00:00Z', '2024-01-11T00:00:00Z');
  await checkedOut(ids.U1!, to, '2024-01-21T00:00:00Z', '2024-02-05T00:00:00Z');
  // U2: bought on 16 January and never out: 16 days available, idle 16 days at the end.
  await item('U2', { purchase_date: '2024-01-16' });
  // U3, at the other site: out since December, back at noon on 5 January: 4.5 days, idle 26.5 days.
  await item('U3', { purchase_date: '2022-01-01', location_id: otherSite.id });
  await checkedOut(ids.U3!, to, '2023-12-20T00:00:00Z', '2024-01-05T12:00:00Z');
  // M sits in kit K since December; K is out 10–20 January: both deployed 10 days, idle 12 at the end.
  await item('K', { purchase_date: '2023-01-01' });
  await item('M', { purchase_date: '2023-01-01' });
  await checkedOut(ids.M!, { parent_item_id: ids.K }, '2023-12-01T00:00:00Z', null);
  await checkedOut(ids.K!, to, '2024-01-10T00:00:00Z', '2024-01-20T00:00:00Z');

  // Occupancy: X in R from 10 January, moved to Q on 20 March; Y in Q from 20 January, moved to R on 15
  // February; Z in R from 5 March.
  warehouse = await makeLocation(t, { name: 'Warehouse', type: 'site' });
  roomR = await makeLocation(t, { name: 'Room R', parent_location_id: warehouse.id, capacity: 4 });
  roomQ = await makeLocation(t, { name: 'Room Q', parent_location_id: warehouse.id, capacity: 2 });
  const placed = async (name: string, locationId: number, at: string) => {
    ids[name] = (await makeItem(t, { name, location_id: locationId })).id;
    await backdate(
      sql`update inventory_items set created_at = ${at}::timestamptz where id = ${ids[name]}`,
      sql`update asset_history set created_at = ${at}::timestamptz where item_id = ${ids[name]}`,
    );
  };
  const moved = async (name: string, locationId: number, at: string) => {
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/items/${ids[name]}`,
      payload: { location_id: locationId },
    });
    expect(res.statusCode, res.body).toBe(200);
    await backdate(
      sql`update asset_history set created_at = ${at}::timestamptz where item_id = ${ids[name]} and action = 'moved'`,
    );
  };
  await placed('X', roomR.id, '2024-01-10T09:00:00Z');
  await placed('Y', roomQ.id, '2024-01-20T09:00:00Z');
  await moved('Y', roomR.id, '2024-02-15T09:00:00Z');
  await placed('Z', roomR.id, '2024-03-05T09:00:00Z');
  await moved('X', roomQ.id, '2024-03-20T09:00:00Z');
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.request({ method: 'GET', url });
const january = `/api/v1/reports/utilisation?period=month&date=2024-01-15&category_id=`;

interface Line {
  name: string;
  available_days: number;
  deployed_days: number;
  utilisation_percent: number | null;
  checkouts: number;
  idle_days: number;
}

describe('GET /reports/utilisation', () => {
  it('measures each item’s deployed share of the time it was held, with check-outs and idle days', async () => {
    const res = await get(`${january}${cameras.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: '2024-01-01', to: '2024-01-31', idle_days: null, next_cursor: null });
    const lines = Object.fromEntries(
      (body.data as Line[]).map((l) => [
        l.name,
        [l.available_days, l.deployed_days, l.utilisation_percent, l.checkouts, l.idle_days],
      ]),
    );
    expect(lines).toEqual({
      U1: [31, 21, 67.74, 2, 0],
      U2: [16, 0, 0, 0, 16],
      U3: [31, 4.5, 14.52, 0, 26],
      K: [31, 10, 32.26, 1, 12],
      M: [31, 10, 32.26, 0, 12],
    });
    expect(body.totals).toEqual({
      items: 5,
      available_days: 140,
      deployed_days: 45.5,
      utilisation_percent: 32.5,
      checkouts: 3,
    });
    expect(body.by_category).toEqual([{ id: cameras.id, name: 'Cameras', ...body.totals }]);
    expect(body.by_location.map((g: { name: string; items: number }) => [g.name, g.items])).toEqual([
      ['Annex', 1],
      ['Studio', 4],
    ]);
  });

  it('pages through the lines with a cursor', async () => {
    const first = (await get(`${january}${cameras.id}&limit=3`)).json();
    expect(first.data).toHaveLength(3);
    const second = (await get(`${january}${cameras.id}&limit=3&cursor=${first.next_cursor}`)).json();
    expect(second.data.map((l: Line) => l.name)).toEqual(['K', 'M']);
    expect(second.next_cursor).toBeNull();
    expect((await get(`${january}${cameras.id}&cursor=bm9wZQ`)).json().errors[0].field).toBe('cursor');
  });

  it('lists the assets idle for at least N days, with totals over just those', async () => {
    const idle = (await get(`${january}${cameras.id}&idle_days=14`)).json();
    expect(idle.data.map((l: Line) => l.name)).toEqual(['U2', 'U3']);
    expect(idle.totals).toMatchObject({ items: 2, available_days: 47, deployed_days: 4.5 });
    expect((await get(`${january}${cameras.id}&idle_days=20`)).json().data.map((l: Line) => l.name)).toEqual([
      'U3',
    ]);
  });

  it('filters by location and status, shows a scoped user their subtree only, and refuses others', async () => {
    expect((await get(`${january}${cameras.id}&location_id=${otherSite.id}`)).json().totals.items).toBe(1);
    expect((await get(`${january}${cameras.id}&status=deployed`)).json().totals.items).toBe(0);
    const scoped = await makeUser(t, 'asset_manager', { location_scope_id: otherSite.id });
    const mine = (await scoped.as({ method: 'GET', url: `${january}${cameras.id}` })).json();
    expect(mine.data.map((l: Line) => l.name)).toEqual(['U3']);
    const outside = await scoped.as({ method: 'GET', url: `${january}${cameras.id}&location_id=${site.id}` });
    expect(outside.statusCode).toBe(404);
    const employee = await makeUser(t, 'employee');
    expect((await employee.as({ method: 'GET', url: '/api/v1/reports/utilisation' })).statusCode).toBe(403);
    const bad = await get('/api/v1/reports/utilisation?idle_days=-1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('idle_days');
  });

  it('downloads the lines as CSV', async () => {
    const res = await get(`${january}${cameras.id}&format=csv`);
    expect(res.statusCode).toBe(200);
    const rows = csvRecords(res);
    expect(rows.map((r) => r.Name)).toEqual(['U1', 'U2', 'U3', 'K', 'M']);
    expect(rows[0]).toMatchObject({
      Status: 'in_stock',
      Category: 'Cameras',
      Location: 'Studio',
      'Available days': '31',
      'Deployed days': '21',
      'Utilisation %': '67.74',
      'Check-outs': '2',
      'Idle days': '0',
    });
  });
});

describe('GET /reports/location-occupancy', () => {
  const occupancy = `/api/v1/reports/location-occupancy?from=2024-01-01&to=2024-03-31&location_id=`;

  it('counts the items in each location now and at each month end, against capacity', async () => {
    const res = await get(`${occupancy}${warehouse.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.month_ends).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    const trend = (counts: number[], capacity: number | null) =>
      counts.map((n, i) => ({
        month_end: body.month_ends[i],
        occupancy: n,
        occupancy_percent: capacity ? (100 * n) / capacity : null,
      }));
    expect(body.data).toEqual([
      {
        location_id: warehouse.id,
        name: 'Warehouse',
        capacity: null,
        occupancy: 0,
        occupancy_percent: null,
        trend: trend([0, 0, 0], null),
      },
      {
        location_id: roomR.id,
        name: 'Room R',
        capacity: 4,
        occupancy: 2,
        occupancy_percent: 50,
        trend: trend([1, 2, 2], 4),
      },
      {
        location_id: roomQ.id,
        name: 'Room Q',
        capacity: 2,
        occupancy: 1,
        occupancy_percent: 50,
        trend: trend([1, 0, 1], 2),
      },
    ]);
    // The same count the location page and the capacity check use.
    const room = (await get(`/api/v1/locations/${roomR.id}`)).json();
    expect(room.occupancy).toBe(2);
  });

  it('shows a scoped user their own locations only, 404 outside, and refuses a custom range over ten years', async () => {
    const scoped = await makeUser(t, 'auditor', { location_scope_id: roomQ.id });
    const mine = (await scoped.as({ method: 'GET', url: '/api/v1/reports/location-occupancy' })).json();
    expect(mine.data.map((l: { location_id: number }) => l.location_id)).toEqual([roomQ.id]);
    const outside = await scoped.as({ method: 'GET', url: `${occupancy}${warehouse.id}` });
    expect(outside.statusCode).toBe(404);
    const long = await get('/api/v1/reports/location-occupancy?from=2000-01-01&to=2024-12-31');
    expect(long.statusCode).toBe(422);
    expect(long.json().errors[0].field).toBe('to');
  });

  it('downloads Excel with a column per month end, a frozen header and the totals', async () => {
    const sheet = await xlsxSheet(await get(`${occupancy}${warehouse.id}&format=xlsx`));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Location',
      'Capacity',
      'Items now',
      'Use % now',
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
    ]);
    expect(sheet.getRow(3).values).toEqual([undefined, 'Room R', 4, 2, 50, 1, 2, 2]);
    expect(sheet.getRow(3).getCell(4).numFmt).toBe('0.00');
    expect(sheet.getRow(5).values).toEqual([undefined, 'Total (3 locations)', 6, 3, undefined, 2, 2, 3]);
  });
});
