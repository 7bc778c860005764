// The maintenance report over HTTP: cost, downtime, labour and mean time between failures worked out by hand from
// backdated work records, overdue work, filters, scope, bad input and downloads.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { csvRecords, xlsxSheet } from '../../../test/report-files.ts';

let t: TestApp;
let siteS: { id: number };
let siteT: { id: number };
let pumps: { id: number };
let fans: { id: number };

async function call(method: 'POST' | 'PATCH', url: string, payload: object = {}) {
  const res = await t.request({ method, url: `/api/v1${url}`, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

/** Work done on the item: scheduled, started and completed now, then moved back to `started`–`completed`. */
async function work(
  itemId: number,
  kind: 'preventive' | 'corrective',
  started: string,
  completed: string,
  done: { actual_cost: string; actual_duration?: string; parts?: object[] },
) {
  const schedule = await call('POST', `/items/${itemId}/maintenance`, { maintenance_type: 'service', kind });
  await call('POST', `/maintenance/${schedule.id}/start`);
  const { record } = await call('POST', `/maintenance/${schedule.id}/complete`, done);
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local eis.audit = 'off'`);
    await tx.execute(
      sql`update maintenance_records set started_at = ${started}::timestamptz,
            completed_at = ${completed}::timestamptz where id = ${record.id}`,
    );
  });
}

beforeAll(async () => {
  t = await createTestApp();
  siteS = await makeLocation(t, { name: 'Plant S', type: 'site' });
  siteT = await makeLocation(t, { name: 'Plant T', type: 'site' });
  pumps = await makeCategory(t, { name: 'Pumps' });
  fans = await makeCategory(t, { name: 'Fans' });
  const p1 = await makeItem(t, { name: 'P1', category_id: pumps.id, location_id: siteS.id });
  const p2 = await makeItem(t, { name: 'P2', category_id: pumps.id, location_id: siteS.id });
  const p3 = await makeItem(t, { name: 'P3', category_id: fans.id, location_id: siteS.id });
  const p4 = await makeItem(t, { name: 'P4', category_id: pumps.id, location_id: siteT.id });

  // P1: failures on 10 Jan (12 h down) and 30 Jan (24 h), a service on 5 Feb (1 h), a failure on 19 Feb (6 h).
  // Between failures: 10 Jan 20:00 → 30 Jan 08:00 and 31 Jan 08:00 → 19 Feb 20:00, 19.5 days each.
  await work(p1.id, 'corrective', '2024-01-10T08:00:00Z', '2024-01-10T20:00:00Z', {
    actual_cost: '100.00',
    actual_duration: '2 hours',
    parts: [{ name: 'Impeller', quantity: 1, cost: '40.00' }],
  });
  await work(p1.id, 'corrective', '2024-01-30T08:00:00Z', '2024-01-31T08:00:00Z', {
    actual_cost: '50.50',
    actual_duration: 'PT1H30M',
  });
  await work(p1.id, 'preventive', '2024-02-05T09:00:00Z', '2024-02-05T10:00:00Z', { actual_cost: '25.00' });
  await work(p1.id, 'corrective', '2024-02-19T20:00:00Z', '2024-02-20T02:00:00Z', { actual_cost: '0' });
  // P2: a failure fixed on 21 Dec 2023, the next on 1 March (24 h, 300.00): 71 days between. Work overdue since June.
  await work(p2.id, 'corrective', '2023-12-20T00:00:00Z', '2023-12-21T00:00:00Z', { actual_cost: '80.00' });
  await work(p2.id, 'corrective', '2024-03-01T00:00:00Z', '2024-03-02T00:00:00Z', { actual_cost: '300.00' });
  await call('POST', `/items/${p2.id}/maintenance`, {
    maintenance_type: 'inspection',
    scheduled_date: '2024-06-01',
  });
  // P3: overdue work, and a cancelled schedule that is not.
  await call('POST', `/items/${p3.id}/maintenance`, {
    maintenance_type: 'inspection',
    scheduled_date: '2025-01-15',
  });
  const cancelled = await call('POST', `/items/${p3.id}/maintenance`, {
    maintenance_type: 'inspection',
    scheduled_date: '2024-01-15',
  });
  await call('PATCH', `/maintenance/${cancelled.id}`, { status: 'cancelled' });
  // P4, at the other plant: a 4-hour service.
  await work(p4.id, 'preventive', '2024-03-10T00:00:00Z', '2024-03-10T04:00:00Z', { actual_cost: '10.00' });
});
afterAll(async () => {
  await t?.close();
});

const get = (query: string) => t.request({ method: 'GET', url: `/api/v1/reports/maintenance?${query}` });
const q1 = 'from=2024-01-01&to=2024-03-31';

interface Line {
  name: string;
  work_orders: number;
  corrective: number;
  cost: string;
  parts_cost: string;
  downtime_hours: number;
  labour_hours: number;
  mtbf_days: number | null;
  overdue: number;
  oldest_overdue: string | null;
}

describe('GET /reports/maintenance', () => {
  it('adds up cost, downtime and labour per item and category, with the mean time between failures', async () => {
    const res = await get(q1);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const lines = Object.fromEntries(
      (body.data as Line[]).map(({ name, ...figures }) => [name, Object.values(figures).slice(4)]),
    );
    expect(lines).toEqual({
      P1: [4, 3, '175.50', '40.00', 43, 3.5, 19.5, 0, null],
      P2: [1, 1, '300.00', '0.00', 24, 0, 71, 1, '2024-06-01'],
      P3: [0, 0, '0.00', '0.00', 0, 0, null, 1, '2025-01-15'],
      P4: [1, 0, '10.00', '0.00', 4, 0, null, 0, null],
    });
    expect(body.totals).toEqual({
      items: 4,
      work_orders: 6,
      corrective: 4,
      cost: '485.50',
      parts_cost: '40.00',
      downtime_hours: 71,
      labour_hours: 3.5,
      mtbf_days: 36.67, // (19.5 + 19.5 + 71) / 3
      overdue: 2,
    });
    expect(
      body.by_category.map((g: { name: string; items: number; cost: string }) => [g.name, g.items, g.cost]),
    ).toEqual([
      ['Fans', 1, '0.00'],
      ['Pumps', 3, '485.50'],
    ]);
  });

  it('counts only the work and failures of the period asked for', async () => {
    const january = (await get('period=month&date=2024-01-09')).json();
    expect(january.data.map((l: Line) => [l.name, l.work_orders, l.mtbf_days])).toEqual([
      ['P1', 2, 19.5],
      ['P2', 0, null], // in the report for its overdue work only
      ['P3', 0, null],
    ]);
    expect(january.totals).toMatchObject({ cost: '150.50', downtime_hours: 36 });
  });

  it('filters by category and location, and shows a scoped user their subtree only', async () => {
    expect((await get(`${q1}&category_id=${fans.id}`)).json().data.map((l: Line) => l.name)).toEqual(['P3']);
    expect((await get(`${q1}&location_id=${siteT.id}`)).json().totals).toMatchObject({
      items: 1,
      cost: '10.00',
    });
    const scoped = await makeUser(t, 'auditor', { location_scope_id: siteT.id });
    const mine = (await scoped.as({ method: 'GET', url: `/api/v1/reports/maintenance?${q1}` })).json();
    expect(mine.data.map((l: Line) => l.name)).toEqual(['P4']);
    const outside = await scoped.as({
      method: 'GET',
      url: `/api/v1/reports/maintenance?location_id=${siteS.id}`,
    });
    expect(outside.statusCode).toBe(404);
    const technician = await makeUser(t, 'technician');
    expect((await technician.as({ method: 'GET', url: '/api/v1/reports/maintenance' })).statusCode).toBe(403);
    const bad = await get('from=2024-03-01&to=2024-02-01');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('from');
  });

  it('downloads CSV and Excel lines with typed money and the totals', async () => {
    const csv = csvRecords(await get(`${q1}&format=csv`));
    expect(csv.map((r) => [r.Name, r.Cost, r['MTBF days'], r['Oldest overdue']])).toEqual([
      ['P1', '175.50', '19.5', ''],
      ['P2', '300.00', '71', '2024-06-01'],
      ['P3', '0.00', '', '2025-01-15'],
      ['P4', '10.00', '', ''],
    ]);
    const sheet = await xlsxSheet(await get(`${q1}&format=xlsx`));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(7).value).toBe('Cost');
    expect(sheet.getRow(2).getCell(7).value).toBe(175.5);
    expect(sheet.getRow(2).getCell(7).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(3).getCell(13).value).toEqual(new Date('2024-06-01T00:00:00Z'));
    const totals = sheet.getRow(6);
    expect(totals.getCell(1).value).toBe('Total (4 items)');
    expect(totals.getCell(7).value).toBe(485.5);
    expect(totals.getCell(11).value).toBe(36.67);
  });
});
