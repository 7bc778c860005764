// The SQL function eis_book_value (what valuation and revaluation use) and the JavaScript calculator (what the
// schedule endpoint and disposals use) must give the same book value to the cent, for every method and date.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { bookValueAt, type DepreciableAsset } from './calculator.ts';
import { lastOfMonth, monthIndex } from './calendar.ts';
import { generatedAssets } from './generated-assets.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** As-of dates around an asset's life: before purchase, month ends, mid-months, long after. */
function datesFor(asset: DepreciableAsset, offsets: number[]): string[] {
  const start = monthIndex(asset.purchaseDate);
  return offsets.flatMap((months) => {
    const end = lastOfMonth(start + months);
    return [end, `${end.slice(0, 8)}15`];
  });
}

function javascriptBookValue(asset: DepreciableAsset, asOf: string): string | null {
  try {
    return bookValueAt(asset, asOf);
  } catch {
    return null;
  }
}

async function sqlBookValues(cases: { asset: DepreciableAsset; asOf: string }[]) {
  const rows = cases.map(({ asset, asOf }, index) => ({
    index,
    cost: asset.cost,
    purchase_date: asset.purchaseDate,
    method: asset.settings.method,
    rate: asset.settings.rate,
    life: asset.settings.usefulLifeMonths,
    salvage: asset.settings.salvageValue,
    recovery: asset.settings.recoveryPeriod,
    as_of: asOf,
  }));
  const result = await queryRows<{ index: number; book_value: string | null }>(
    t.database.db,
    sql`select r.index, round(eis_book_value(r.cost, r.purchase_date, r.method, r.rate, r.life, r.salvage,
          r.recovery, r.as_of), 2)::text as book_value
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(index int, cost numeric, purchase_date date,
          method text, rate numeric, life int, salvage numeric, recovery int, as_of date)
        order by r.index`,
  );
  return result.map((row) => row.book_value);
}

describe('SQL and JavaScript depreciation agree', () => {
  it('on generated assets of every method, at dates over their whole life, to the cent', async () => {
    const assets = fc.sample(generatedAssets({ incomplete: true }), { numRuns: 400, seed: 20240501 });
    const cases = assets.flatMap((asset) =>
      datesFor(asset, [-3, 0, 1, 5, 11, 12, 13, 23, 30, 47, 59, 61, 100, 250]).map((asOf) => ({
        asset,
        asOf,
      })),
    );
    const fromSql = await sqlBookValues(cases);
    const mismatches = cases
      .map(({ asset, asOf }, k) => ({ asset, asOf, js: javascriptBookValue(asset, asOf), sql: fromSql[k] }))
      .filter((c) => c.js !== c.sql);
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The sample covers every method, and assets both computable and not.
    expect(new Set(assets.map((a) => a.settings.method)).size).toBe(5);
    expect(fromSql.filter((v) => v === null).length).toBeGreaterThan(0);
    expect(fromSql.filter((v) => v !== null).length).toBeGreaterThan(cases.length / 2);
  });

  it('on the worked examples', async () => {
    const asset: DepreciableAsset = {
      cost: '10000.00',
      purchaseDate: '2024-01-10',
      settings: {
        method: 'double_declining',
        rate: null,
        usefulLifeMonths: 60,
        salvageValue: '1000',
        recoveryPeriod: null,
      },
    };
    expect(
      await sqlBookValues([
        { asset, asOf: '2024-12-31' },
        { asset, asOf: '2026-12-31' },
      ]),
    ).toEqual(['6000.00', '2160.00']);
  });
});
