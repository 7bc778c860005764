// The asset register over HTTP: pages that add up to the totals, the valuation agreeing, scope, and exports.
import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeItem, makeLocation, makeSupplier } from '../../../test/factories.ts';
import { createTestApp, signInAs, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let site: { id: number };
let roomB: { id: number };
let supplier: { id: number };
const asOf = '2024-12-31';
const formula = '=HYPERLINK("http://evil.example","click")';

beforeAll(async () => {
  t = await createTestApp();
  site = await makeLocation(t, { name: 'Register site', type: 'site' });
  const roomA = await makeLocation(t, { parent_location_id: site.id });
  roomB = await makeLocation(t, { parent_location_id: site.id });
  supplier = await makeSupplier(t);
  const laptops = await makeCategory(t, {
    name: 'Register laptops',
    depreciation_method: 'straight_line',
    useful_life_months: 36,
    salvage_value: '0',
  });
  const bare = await makeCategory(t);
  const items = [
    {
      location_id: roomA.id,
      category_id: laptops.id,
      purchase_price: '1200.00',
      purchase_date: '2023-01-15',
    },
    { location_id: roomA.id, category_id: laptops.id, purchase_price: '999.99', purchase_date: '2024-03-01' },
    { location_id: roomB.id, category_id: laptops.id, purchase_price: '333.33', purchase_date: '2022-07-20' },
    { location_id: roomB.id, category_id: bare.id, purchase_price: '50.00', name: formula },
    { location_id: roomA.id, category_id: bare.id, purchase_price: '10.00', supplier_id: supplier.id },
    // Bought after as_of, and one without a price: neither is in the register.
    { location_id: roomA.id, category_id: laptops.id, purchase_price: '700.00', purchase_date: '2025-02-01' },
    { location_id: roomB.id, category_id: laptops.id },
  ];
  for (const item of items) await makeItem(t, item);
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.request({ method: 'GET', url });
const register = (query: string) => `/api/v1/reports/asset-register?as_of=${asOf}&${query}`;

interface Line {
  name: string;
  cost: string;
  accumulated_depreciation: string;
  book_value: string;
}

describe('GET /reports/asset-register', () => {
  it('pages every owned item, and the pages add up to the totals and to the valuation', async () => {
    const lines: Line[] = [];
    let cursor: string | null = null;
    let totals: Record<string, unknown> | undefined;
    do {
      const res = await get(register(`location_id=${site.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      expect(res.statusCode, res.body).toBe(200);
      lines.push(...res.json().data);
      cursor = res.json().next_cursor;
      totals = res.json().totals;
    } while (cursor);
    expect(lines).toHaveLength(5);
    const sum = (key: keyof Line) => lines.reduce((s, l) => s.plus(l[key]), new Decimal(0)).toFixed(2);
    expect(totals).toEqual({
      items: 5,
      cost: sum('cost'),
      accumulated_depreciation: sum('accumulated_depreciation'),
      book_value: sum('book_value'),
    });
    expect(totals).toMatchObject({ cost: '2593.32' });
    // Straight line over 36 months, full-month convention: bought January 2023, 24 months gone by the end of 2024.
    expect(lines[0]).toMatchObject({
      cost: '1200.00',
      accumulated_depreciation: '800.00',
      book_value: '400.00',
    });

    const valuation = (await get(`/api/v1/reports/valuation?as_of=${asOf}&location_id=${site.id}`)).json();
    expect(valuation).toMatchObject({
      items: 5,
      cost: totals!.cost,
      accumulated_depreciation: totals!.accumulated_depreciation,
      book_value: totals!.book_value,
    });
  });

  it('filters by supplier and status', async () => {
    const bySupplier = (await get(register(`location_id=${site.id}&supplier_id=${supplier.id}`))).json();
    expect(bySupplier.totals).toMatchObject({ items: 1, cost: '10.00' });
    const deployed = (await get(register(`location_id=${site.id}&status=deployed`))).json();
    expect(deployed.totals.items).toBe(0);
    expect((await get(register('status=gone'))).statusCode).toBe(400);
  });

  it('shows a scoped user only their subtree, and 404 for a location outside it', async () => {
    const email = `scoped-${Math.random().toString(36).slice(2)}@example.com`;
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email,
        display_name: 'Scoped',
        password: 'register passphrase 1',
        role: 'auditor',
        location_scope_id: roomB.id,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = await signInAs(t, email, 'register passphrase 1');
    const asScoped = (url: string) =>
      t.anonymous({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const mine = (await asScoped(register(''))).json();
    expect(mine.totals).toMatchObject({ items: 2, cost: '383.33' });
    expect((await asScoped(register(`location_id=${site.id}`))).statusCode).toBe(404);
    expect((await asScoped(register(`location_id=${site.id}&format=csv`))).statusCode).toBe(404);
  });
});

describe('asset register exports', () => {
  it('downloads CSV with a header row and formulas neutralised', async () => {
    const res = await get(register(`location_id=${site.id}&format=csv`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="asset-register-${asOf}.csv"`);
    const rows = res.body.trim().split('\n');
    expect(rows[0]).toBe(
      'SKU,Name,Status,Category,Location,Supplier,Purchase date,Cost,Accumulated depreciation,Book value',
    );
    expect(rows).toHaveLength(6);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(rows[1]).toMatch(/,2023-01-15,1200.00,800.00,400.00$/);
  });

  it('downloads Excel with typed money cells, a frozen header and a totals row', async () => {
    const res = await get(register(`location_id=${site.id}&format=xlsx`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/asset-register-2024-12-31\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('SKU');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(7);
    const first = sheet.getRow(2);
    expect(first.getCell(8).value).toBe(1200);
    expect(first.getCell(8).numFmt).toBe('#,##0.00');
    expect(first.getCell(7).value).toEqual(new Date('2023-01-15T00:00:00Z'));
    const totals = sheet.getRow(7);
    expect(totals.getCell(1).value).toBe('Total (5 items)');
    expect(totals.getCell(8).value).toBe(2593.32);
    const names = [2, 3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(2).value);
    expect(names).toContain(formula); // a typed text cell: never evaluated as a formula
  });

  it('downloads a PDF with its title and numbered pages', async () => {
    const res = await get(register(`location_id=${site.id}&format=pdf`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    expect(pdf).toMatch(/\/Title \d+ 0 R/);
    expect(pdf).toContain('(Asset register as of 2024-12-31)');
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
  });
});
