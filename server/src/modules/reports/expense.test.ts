// Depreciation expense over HTTP: straight-line figures worked out by hand, items bought and disposed of within
// the period, a year equal to its twelve months, the valuation agreeing, filters, scope, bad input and exports.
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeItem, makeLocation, makeSupplier, makeUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { csvRecords, pdfPages, xlsxSheet } from '../../../test/report-files.ts';

let t: TestApp;
let north: { id: number };
let south: { id: number };
let laptops: { id: number };
let furniture: { id: number };
let supplier: { id: number };

async function disposeOf(id: number, disposedOn: string) {
  const retired = await t.request({
    method: 'PATCH',
    url: `/api/v1/items/${id}`,
    payload: { status: 'retired' },
  });
  expect(retired.statusCode, retired.body).toBe(200);
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/items/${id}/dispose`,
    payload: { method: 'scrapped', disposed_on: disposedOn },
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
  north = await makeLocation(t, { name: 'North site', type: 'site' });
  south = await makeLocation(t, { name: 'South site', type: 'site' });
  const northRoom = await makeLocation(t, { parent_location_id: north.id });
  const southRoom = await makeLocation(t, { parent_location_id: south.id });
  supplier = await makeSupplier(t);
  // Straight line, no salvage, full-month convention: laptops lose 1/36 of cost a month, furniture 1/120.
  const straight = { depreciation_method: 'straight_line', salvage_value: '0' };
  laptops = await makeCategory(t, { name: 'Laptops', useful_life_months: 36, ...straight });
  furniture = await makeCategory(t, { name: 'Furniture', useful_life_months: 120, ...straight });
  const laptop = { location_id: northRoom.id, category_id: laptops.id };
  const chair = { location_id: southRoom.id, category_id: furniture.id };
  // A: 33.33…/month, 12 months gone by 2023-12-31 (book 800), 24 by 2024-12-31 (book 400).
  await makeItem(t, { ...laptop, name: 'A', purchase_price: '1200.00', purchase_date: '2023-01-15' });
  // B: bought mid-2024, 20/month from April: 9 months to December, 180.
  await makeItem(t, { ...laptop, name: 'B', purchase_price: '720.00', purchase_date: '2024-04-10' });
  // C: 100/month from July 2022: book 1800 at the end of 2023; disposed 2024-06-15 after 5 more months, at 1300.
  const c = await makeItem(t, {
    ...laptop,
    name: 'C',
    purchase_price: '3600.00',
    purchase_date: '2022-07-01',
  });
  await disposeOf(c.id, '2024-06-15');
  // D: bought after 2024; H: disposed of before it. Neither is in 2024's expense.
  await makeItem(t, { ...laptop, name: 'D', purchase_price: '500.00', purchase_date: '2025-01-05' });
  const h = await makeItem(t, {
    ...laptop,
    name: 'H',
    purchase_price: '100.00',
    purchase_date: '2021-01-01',
  });
  await disposeOf(h.id, '2023-06-30');
  // E: 10/month since 2020: book 720 at the end of 2023, 600 at the end of 2024.
  await makeItem(t, {
    ...chair,
    name: 'E',
    purchase_price: '1200.00',
    purchase_date: '2020-01-01',
    supplier_id: supplier.id,
  });
  // F: no purchase date, so no schedule: carried at cost. G: no price, not on the books at all.
  await makeItem(t, { ...chair, name: 'F', purchase_price: '300.00' });
  await makeItem(t, { ...chair, name: 'G' });
});
afterAll(async () => {
  await t?.close();
});

const get = (query: string) =>
  t.request({ method: 'GET', url: `/api/v1/reports/depreciation-expense?${query}` });

describe('GET /reports/depreciation-expense', () => {
  it('rolls 2024 forward from opening to closing book value, by category and cost centre', async () => {
    const res = await get('period=year&date=2024-05-05');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: '2024-01-01', to: '2024-12-31' });
    expect(body.totals).toEqual({
      items: 5,
      opening_book_value: '3620.00',
      additions: '720.00',
      depreciation: '1200.00',
      disposals: '1300.00',
      closing_book_value: '1840.00',
      not_depreciated: 1,
    });
    expect(body.by_category).toEqual([
      {
        id: furniture.id,
        name: 'Furniture',
        items: 2,
        opening_book_value: '1020.00',
        additions: '0.00',
        depreciation: '120.00',
        disposals: '0.00',
        closing_book_value: '900.00',
        not_depreciated: 1,
      },
      {
        id: laptops.id,
        name: 'Laptops',
        items: 3,
        opening_book_value: '2600.00',
        additions: '720.00',
        depreciation: '1080.00',
        disposals: '1300.00',
        closing_book_value: '940.00',
        not_depreciated: 0,
      },
    ]);
    expect(
      body.by_cost_centre.map((g: { name: string; depreciation: string }) => [g.name, g.depreciation]),
    ).toEqual([
      ['North site', '1080.00'],
      ['South site', '120.00'],
    ]);
  });

  it('agrees with the valuation at both ends of the period', async () => {
    const { totals } = (await get('from=2024-01-01&to=2024-12-31')).json();
    const valuation = async (asOf: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/reports/valuation?as_of=${asOf}` })).json().book_value;
    expect(await valuation('2023-12-31')).toBe(totals.opening_book_value);
    expect(await valuation('2024-12-31')).toBe(totals.closing_book_value);
  });

  it('charges a quarter with the item bought in it from cost and the one disposed of up to disposal', async () => {
    const res = await get('period=quarter&date=2024-05-20');
    expect(res.json()).toMatchObject({ from: '2024-04-01', to: '2024-06-30' });
    // A 100, B 60 (April to June from cost), C 200 (April and May, then disposed), E 30.
    expect(res.json().totals).toMatchObject({
      depreciation: '390.00',
      additions: '720.00',
      disposals: '1300.00',
    });
  });

  it('equals the sum of its twelve months, in total and per category, to the cent', async () => {
    const year = (await get('period=year&date=2024-01-01')).json();
    let total = new Decimal(0);
    const perCategory = new Map<number, Decimal>();
    for (let month = 1; month <= 12; month++) {
      const res = await get(`period=month&date=2024-${String(month).padStart(2, '0')}-01`);
      expect(res.statusCode).toBe(200);
      total = total.plus(res.json().totals.depreciation);
      for (const group of res.json().by_category as { id: number; depreciation: string }[]) {
        perCategory.set(group.id, (perCategory.get(group.id) ?? new Decimal(0)).plus(group.depreciation));
      }
    }
    expect(total.toFixed(2)).toBe(year.totals.depreciation);
    for (const group of year.by_category as { id: number; depreciation: string }[]) {
      expect(perCategory.get(group.id)!.toFixed(2)).toBe(group.depreciation);
    }
    // January alone: A's 13th month (433.33 − 400.00), C's 100 and E's 10.
    expect((await get('period=month&date=2024-01-31')).json().totals.depreciation).toBe('143.33');
  });

  it('filters by location, category, supplier and status', async () => {
    const year = 'from=2024-01-01&to=2024-12-31';
    expect((await get(`${year}&location_id=${south.id}`)).json().totals).toMatchObject({
      items: 2,
      depreciation: '120.00',
    });
    expect((await get(`${year}&category_id=${laptops.id}`)).json().totals.depreciation).toBe('1080.00');
    expect((await get(`${year}&supplier_id=${supplier.id}`)).json().totals).toMatchObject({
      items: 1,
      depreciation: '120.00',
    });
    expect((await get(`${year}&status=disposed`)).json().totals).toMatchObject({
      items: 1,
      depreciation: '500.00',
      disposals: '1300.00',
    });
  });

  it('shows a scoped user only their subtree, 404 for a location outside it, and 403 without reports:read', async () => {
    const scoped = await makeUser(t, 'auditor', { location_scope_id: south.id });
    const mine = await scoped.as({
      method: 'GET',
      url: '/api/v1/reports/depreciation-expense?period=year&date=2024-01-01',
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().totals).toMatchObject({ items: 2, depreciation: '120.00' });
    expect(mine.json().by_cost_centre.map((g: { id: number }) => g.id)).toEqual([south.id]);
    const outside = `/api/v1/reports/depreciation-expense?location_id=${north.id}`;
    expect((await scoped.as({ method: 'GET', url: outside })).statusCode).toBe(404);
    expect((await scoped.as({ method: 'GET', url: `${outside}&format=csv` })).statusCode).toBe(404);
    const employee = await makeUser(t, 'employee');
    expect(
      (await employee.as({ method: 'GET', url: '/api/v1/reports/depreciation-expense' })).statusCode,
    ).toBe(403);
  });

  it('refuses bad periods with a problem naming the field', async () => {
    const cases: [string, number, string][] = [
      ['period=decade', 400, 'period'],
      ['from=2024-12-31&to=2024-01-01', 422, 'from'],
      ['from=2024-01-01', 422, 'to'],
      ['period=month&from=2024-01-01&to=2024-01-31', 422, 'period'],
      ['from=2000-01-01&to=2024-01-01', 422, 'to'],
      ['date=2024-02-30', 400, 'date'],
      ['status=gone', 400, 'status'],
      ['group_by=supplier', 400, 'group_by'],
    ];
    for (const [query, status, field] of cases) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});

describe('depreciation expense downloads', () => {
  it('downloads CSV lines per cost centre that add up to the total', async () => {
    const res = await get('period=year&date=2024-01-01&group_by=cost_centre&format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="depreciation-expense-2024-01-01-2024-12-31.csv"',
    );
    expect(csvRecords(res)).toEqual([
      {
        'Cost centre': 'North site',
        Items: '3',
        'Opening book value': '2600.00',
        Additions: '720.00',
        Depreciation: '1080.00',
        Disposals: '1300.00',
        'Closing book value': '940.00',
      },
      {
        'Cost centre': 'South site',
        Items: '2',
        'Opening book value': '1020.00',
        Additions: '0.00',
        Depreciation: '120.00',
        Disposals: '0.00',
        'Closing book value': '900.00',
      },
    ]);
  });

  it('downloads Excel lines per item with typed money cells, a frozen header and the totals', async () => {
    const sheet = await xlsxSheet(await get('period=year&date=2024-01-01&group_by=item&format=xlsx'));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'SKU',
      'Name',
      'Category',
      'Cost centre',
      'Opening book value',
      'Additions',
      'Depreciation',
      'Disposals',
      'Closing book value',
    ]);
    const byName = new Map<string, ExcelRow>();
    for (let r = 2; r < sheet.rowCount; r++) byName.set(sheet.getRow(r).getCell(2).text, sheet.getRow(r));
    expect([...byName.keys()].sort()).toEqual(['A', 'B', 'C', 'E', 'F']);
    const c = byName.get('C')!;
    expect(c.getCell(4).value).toBe('North site');
    expect(c.getCell(7).value).toBe(500);
    expect(c.getCell(7).numFmt).toBe('#,##0.00');
    expect(c.getCell(8).value).toBe(1300);
    const totals = sheet.getRow(sheet.rowCount);
    expect(totals.getCell(1).value).toBe('Total (5 items)');
    expect(totals.getCell(7).value).toBe(1200);
  });

  it('downloads a PDF with the period in its title', async () => {
    const res = await get('period=year&date=2024-01-01&format=pdf');
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(pdfPages(res)).toBe(1);
    expect(res.rawPayload.toString('latin1')).toContain('(Depreciation expense 2024-01-01 to 2024-12-31)');
  });
});

type ExcelRow = ReturnType<Awaited<ReturnType<typeof xlsxSheet>>['getRow']>;
