// Compliance checks on the register over HTTP: assets without an owner or a location, warranty and lease
// expiries in a window; filters, scope, permissions, bad input and downloads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { csvRecords, xlsxSheet } from '../../../test/report-files.ts';

let t: TestApp;
let site: { id: number };
let elsewhere: { id: number };
let printers: { id: number };

async function disposed(overrides: Record<string, unknown>) {
  const item = await makeItem(t, overrides);
  await t.request({ method: 'PATCH', url: `/api/v1/items/${item.id}`, payload: { status: 'retired' } });
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/items/${item.id}/dispose`,
    payload: { method: 'recycled', disposed_on: new Date().toISOString().slice(0, 10) },
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
  site = await makeLocation(t, { name: 'HQ', type: 'site' });
  elsewhere = await makeLocation(t, { name: 'Depot', type: 'site' });
  printers = await makeCategory(t, { name: 'Printers' });
  // Missing an owner or a location.
  await makeItem(t, {
    name: 'Unowned',
    location_id: site.id,
    purchase_price: '100.00',
    category_id: printers.id,
  });
  await makeItem(t, { name: 'Owned', location_id: site.id, assigned_to: 'Ann' });
  await makeItem(t, { name: 'Nowhere', purchase_price: '250.50' });
  await makeItem(t, { name: 'Held nowhere', assigned_to: 'Bob' });
  await makeItem(t, { name: 'Unowned depot', location_id: elsewhere.id, assigned_to: null });
  await disposed({ name: 'Gone', location_id: site.id });
  await makeItem(t, { name: 'Toner', tracking: 'quantity', location_id: site.id });
  // Ending in the first quarter of 2027, or not.
  const owned = { assigned_to: 'Cy', location_id: site.id };
  await makeItem(t, { ...owned, name: 'Copier', warranty_expiry: '2027-02-10', purchase_price: '900.00' });
  await makeItem(t, {
    ...owned,
    name: 'Leased van',
    lease_expires_on: '2027-01-15',
    warranty_expiry: '2027-03-31',
  });
  await makeItem(t, { ...owned, name: 'Later', warranty_expiry: '2027-04-01' });
  await makeItem(t, { ...owned, name: 'Earlier lease', lease_expires_on: '2026-12-31' });
  await makeItem(t, {
    ...owned,
    name: 'Depot scanner',
    location_id: elsewhere.id,
    warranty_expiry: '2027-01-20',
  });
  await disposed({ name: 'Gone too', warranty_expiry: '2027-02-01' });
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.request({ method: 'GET', url: `/api/v1/reports/${url}` });
const names = (body: { data: { name: string }[] }) => body.data.map((l) => l.name);

describe('GET /reports/missing-owner-or-location', () => {
  it('lists serial items on the register without an owner or a location, and what each lacks', async () => {
    const res = await get('missing-owner-or-location');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.data.map((l: { name: string; missing: string[] }) => [l.name, l.missing])).toEqual([
      ['Unowned', ['owner']],
      ['Nowhere', ['owner', 'location']],
      ['Held nowhere', ['location']],
      ['Unowned depot', ['owner']],
    ]);
    expect(body.totals).toEqual({
      items: 4,
      without_owner: 3,
      without_location: 2,
      purchase_price: '350.50',
    });
  });

  it('narrows to one gap or the usual filters, and keeps a scoped user to their locations', async () => {
    expect(names((await get('missing-owner-or-location?missing=location')).json())).toEqual([
      'Nowhere',
      'Held nowhere',
    ]);
    expect(names((await get(`missing-owner-or-location?category_id=${printers.id}`)).json())).toEqual([
      'Unowned',
    ]);
    const scoped = await makeUser(t, 'asset_manager', { location_scope_id: elsewhere.id });
    const mine = await scoped.as({ method: 'GET', url: '/api/v1/reports/missing-owner-or-location' });
    expect(names(mine.json())).toEqual(['Unowned depot']);
    const outside = await scoped.as({
      method: 'GET',
      url: `/api/v1/reports/missing-owner-or-location?location_id=${site.id}`,
    });
    expect(outside.statusCode).toBe(404);
    const employee = await makeUser(t, 'employee');
    expect(
      (await employee.as({ method: 'GET', url: '/api/v1/reports/missing-owner-or-location' })).statusCode,
    ).toBe(403);
    const bad = await get('missing-owner-or-location?missing=serial');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('missing');
  });

  it('downloads CSV naming what is missing', async () => {
    const rows = csvRecords(await get('missing-owner-or-location?format=csv'));
    expect(rows.map((r) => [r.Name, r.Missing, r['Purchase price']])).toEqual([
      ['Unowned', 'owner', '100.00'],
      ['Nowhere', 'owner, location', '250.50'],
      ['Held nowhere', 'location', ''],
      ['Unowned depot', 'owner', ''],
    ]);
  });
});

describe('GET /reports/expiries', () => {
  const quarter = 'expiries?from=2027-01-01&to=2027-03-31';
  const daysTo = (date: string) =>
    Math.round((Date.parse(date) - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000);

  it('lists warranties and leases ending in the window, soonest first, with the days left', async () => {
    const res = await get(quarter);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(
      body.data.map((l: { name: string; kind: string; expires_on: string }) => [
        l.name,
        l.kind,
        l.expires_on,
      ]),
    ).toEqual([
      ['Leased van', 'lease', '2027-01-15'],
      ['Depot scanner', 'warranty', '2027-01-20'],
      ['Copier', 'warranty', '2027-02-10'],
      ['Leased van', 'warranty', '2027-03-31'],
    ]);
    expect(body.data[0].days_left).toBe(daysTo('2027-01-15'));
    expect(body.totals).toEqual({ warranties: 3, leases: 1 });
  });

  it('pages with a cursor, filters by kind and location, and keeps a scoped user to their locations', async () => {
    const first = (await get(`${quarter}&limit=2`)).json();
    const second = (await get(`${quarter}&limit=2&cursor=${first.next_cursor}`)).json();
    expect([...names(first), ...names(second)]).toEqual([
      'Leased van',
      'Depot scanner',
      'Copier',
      'Leased van',
    ]);
    expect(second.next_cursor).toBeNull();
    expect(names((await get(`${quarter}&kind=lease`)).json())).toEqual(['Leased van']);
    expect(names((await get(`${quarter}&location_id=${elsewhere.id}`)).json())).toEqual(['Depot scanner']);
    const scoped = await makeUser(t, 'auditor', { location_scope_id: elsewhere.id });
    const mine = await scoped.as({ method: 'GET', url: `/api/v1/reports/${quarter}` });
    expect(mine.json().totals).toEqual({ warranties: 1, leases: 0 });
    const reversed = await get('expiries?from=2027-03-31&to=2027-01-01');
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().errors[0].field).toBe('from');
    expect((await get('expiries?kind=insurance')).json().errors[0].field).toBe('kind');
  });

  it('looks 90 days ahead by default', async () => {
    const body = (await get('expiries')).json();
    expect(body.from).toBe(new Date().toISOString().slice(0, 10));
    expect(daysTo(body.to)).toBe(90);
  });

  it('downloads Excel with typed dates and money, a frozen header and the counts', async () => {
    const sheet = await xlsxSheet(await get(`${quarter}&format=xlsx`));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Expires on');
    const copier = sheet.getRow(4);
    expect(copier.getCell(1).value).toEqual(new Date('2027-02-10T00:00:00Z'));
    expect(copier.getCell(2).value).toBe('warranty');
    expect(copier.getCell(9).value).toBe(900);
    expect(copier.getCell(9).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(6).getCell(1).value).toBe('3 warranties, 1 leases');
  });
});
