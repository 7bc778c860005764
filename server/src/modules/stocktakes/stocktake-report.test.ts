// An audit's report over HTTP: JSON pages by SKU, and the CSV, Excel and PDF downloads through the catalogue.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem, makeLocation } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { findReport } from '../reports/report-catalog.ts';
import { everywhere } from '../../platform/scope.ts';

let t: TestApp;
let auditId: number;

beforeAll(async () => {
  t = await createTestApp();
  const store = await makeLocation(t, { name: 'Store', type: 'storage' });
  const shelf = await makeLocation(t, { name: 'Shelf 1', parent_location_id: store.id });
  const yard = await makeLocation(t, { name: 'Yard' });
  await makeItem(t, { sku: 'R-A', name: 'Angle grinder', location_id: shelf.id });
  await makeItem(t, { sku: 'R-B', name: '=HYPERLINK("http://evil.example")', location_id: shelf.id });
  await makeItem(t, { sku: 'R-C', name: 'Compressor', location_id: yard.id });
  const started = await t.request({
    method: 'POST',
    url: '/api/v1/stocktakes',
    payload: { location_id: store.id },
  });
  auditId = started.json().id;
  for (const payload of [
    { code: 'R-A', location_id: shelf.id },
    { code: 'R-C', location_id: shelf.id },
  ]) {
    const res = await t.request({ method: 'POST', url: `/api/v1/stocktakes/${auditId}/scans`, payload });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await t?.close();
});

const report = (query: string) =>
  t.request({ method: 'GET', url: `/api/v1/stocktakes/${auditId}/report?${query}` });

describe("an audit's report", () => {
  it('pages the lines by SKU with their locations and results', async () => {
    const first = await report('limit=2');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().stocktake).toMatchObject({ id: auditId, progress: { expected: 2, found: 1 } });
    expect(first.json().data).toEqual([
      expect.objectContaining({
        sku: 'R-A',
        name: 'Angle grinder',
        expected_location: expect.objectContaining({ name: 'Shelf 1' }),
        scanned_location: expect.objectContaining({ name: 'Shelf 1' }),
        result: 'found',
      }),
      expect.objectContaining({ sku: 'R-B', result: 'missing', scanned_location: null }),
    ]);
    const rest = (await report(`limit=2&cursor=${first.json().next_cursor}`)).json();
    expect(rest.data).toEqual([
      expect.objectContaining({
        sku: 'R-C',
        expected_location: expect.objectContaining({ name: 'Yard' }),
        result: 'unexpected',
      }),
    ]);
    expect(rest.next_cursor).toBeNull();
    expect((await report('cursor=nonsense')).statusCode).toBe(400);
    expect((await report('result=lost')).json().errors[0]).toMatchObject({ field: 'result' });
  });

  it('downloads CSV: one row per line, formulas neutralised', async () => {
    const res = await report('format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="stocktake-${auditId}.csv"`);
    const rows = res.body.trim().split('\n');
    expect(rows[0]).toBe(
      'SKU,Name,Result,Expected location,Scanned location,Scans,Scanned by,Scanned at,Outcome',
    );
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(/^R-A,Angle grinder,found,Shelf 1,Shelf 1,1,admin@example.com,/);
    expect(rows[2]).toMatch(/^R-B,"'=HYPERLINK\(""http:\/\/evil.example""\)",missing,Shelf 1,,0,,,$/);
    expect(rows[3]).toMatch(/^R-C,Compressor,unexpected,Yard,Shelf 1,1,/);
    const missing = (await report('format=csv&result=missing')).body.trim().split('\n');
    expect(missing).toHaveLength(2);
  });

  it('downloads Excel with the lines and the audit totals, and a PDF with its title', async () => {
    const xlsx = await report('format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe(`Physical audit ${auditId}  Store`);
    expect(sheet.getRow(1).getCell(3).value).toBe('Result');
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(3).value)).toEqual([
      'found',
      'missing',
      'unexpected',
    ]);
    expect(sheet.getRow(5).getCell(3).value).toBe('1 found, 1 missing, 1 unexpected');

    const pdf = await report('format=pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdf.rawPayload.toString('latin1');
    expect(text.startsWith('%PDF')).toBe(true);
    expect(text).toContain(`(Physical audit ${auditId}: Store)`);
  });

  it('is in the report catalogue, which checks its filters', async () => {
    const entry = findReport('stocktake')!;
    const file = await entry.write(
      t.database.db,
      { stocktake_id: auditId, result: 'found' },
      everywhere,
      'csv',
    );
    let body = '';
    for await (const chunk of file.body) body += String(chunk);
    expect(body.trim().split('\n')).toHaveLength(2);
    await expect(entry.write(t.database.db, { stocktake_id: 'x' }, everywhere, 'csv')).rejects.toThrow();
    const unknown = await t.request({ method: 'GET', url: '/api/v1/stocktakes/99999999/report?format=csv' });
    expect(unknown.statusCode).toBe(404);
  });
});
