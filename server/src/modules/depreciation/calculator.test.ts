// The calculator against worked examples from accounting references, and properties that hold for any asset.
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bookValueAt,
  depreciationSchedule,
  monthsAccrued,
  type DepreciableAsset,
  type DepreciationSettings,
} from './calculator.ts';
import { firstOfMonth, lastOfMonth, monthIndex, nextDay } from './calendar.ts';
import { generatedAssets } from './generated-assets.ts';
import { macrsHalfYearPercentages, recoveryPeriods } from './macrs.ts';

const settings = (overrides: Partial<DepreciationSettings>): DepreciationSettings => ({
  method: 'straight_line',
  rate: null,
  usefulLifeMonths: 60,
  salvageValue: '1000.00',
  recoveryPeriod: null,
  ...overrides,
});
const asset = (overrides: Partial<DepreciationSettings>, cost = '10000.00', purchaseDate = '2024-01-01') => ({
  cost,
  purchaseDate,
  settings: settings(overrides),
});
const yearly = (a: DepreciableAsset) => depreciationSchedule(a, 'year').schedule.map((p) => p.depreciation);
const amounts = (...values: number[]) => values.map((v) => v.toFixed(2));

describe('worked examples', () => {
  // $10,000 cost, $1,000 salvage, 5 years: the textbook example (AccountingCoach, "Depreciation" ch. 3;
  // Kieso, Intermediate Accounting, ch. 11): (10,000 − 1,000) / 5 = 1,800 a year.
  it('straight-line: 1,800 a year, 150 a month, down to salvage', () => {
    const a = asset({});
    expect(yearly(a)).toEqual(amounts(1800, 1800, 1800, 1800, 1800));
    const months = depreciationSchedule(a, 'month').schedule;
    expect(months).toHaveLength(60);
    expect(new Set(months.map((m) => m.depreciation))).toEqual(new Set(['150.00']));
    expect(months.at(-1)).toMatchObject({ accumulated: '9000.00', book_value: '1000.00' });
  });

  it('straight-line at the annual rate when there is no useful life', () => {
    // 25 % a year of 9,000: 2,250 a year for four years.
    expect(yearly(asset({ usefulLifeMonths: null, rate: '0.2500' }))).toEqual(
      amounts(2250, 2250, 2250, 2250),
    );
  });

  // AccountingCoach, "Double-declining balance": 40 % of book value each year, never below the $1,000 salvage.
  it('double-declining: 4,000 / 2,400 / 1,440 / 864 / 296', () => {
    expect(yearly(asset({ method: 'double_declining' }))).toEqual(amounts(4000, 2400, 1440, 864, 296));
  });

  // Without salvage, straight-line over the remaining life overtakes in year 4 (as Excel's VDB switches):
  // 4,000 / 2,400 / 1,440 / 1,080 / 1,080.
  it('double-declining switches to straight-line when that is larger', () => {
    expect(yearly(asset({ method: 'double_declining', salvageValue: '0.00' }))).toEqual(
      amounts(4000, 2400, 1440, 1080, 1080),
    );
  });

  it('declining balance at the category rate, else 1 / life', () => {
    // 25 % of book value, 8 years, no salvage: 2,500 / 1,875 / 1,406.25, then straight-line once larger.
    const atRate = yearly(
      asset({ method: 'declining_balance', rate: '0.2500', usefulLifeMonths: 96, salvageValue: '0' }),
    );
    expect(atRate.slice(0, 3)).toEqual(amounts(2500, 1875, 1406.25));
    expect(atRate.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed(2)).toBe('10000.00');
    // 1 / 5 of book value with 1,000 salvage: 2,000, then straight-line over the rest (7,000 / 4 = 1,750).
    expect(yearly(asset({ method: 'declining_balance' }))).toEqual(amounts(2000, 1750, 1750, 1750, 1750));
  });

  // Sum-of-the-years'-digits (Kieso, ch. 11; Corporate Finance Institute): 9,000 × 5/15, 4/15, 3/15, 2/15, 1/15.
  it("sum-of-the-years'-digits: 3,000 / 2,400 / 1,800 / 1,200 / 600", () => {
    expect(yearly(asset({ method: 'sum_of_years_digits' }))).toEqual(amounts(3000, 2400, 1800, 1200, 600));
  });

  // IRS Publication 946, Table A-1, 5-year property, half-year convention: 20 / 32 / 19.2 / 11.52 / 11.52 / 5.76 %.
  it('MACRS 5-year: the Table A-1 percentages of cost, salvage ignored', () => {
    expect(yearly(asset({ method: 'macrs', recoveryPeriod: 5 }))).toEqual(
      amounts(2000, 3200, 1920, 1152, 1152, 576),
    );
    // Pub 946's example: 7-year property costing $10,000 deducts 14.29 % = $1,429 in the first year.
    expect(yearly(asset({ method: 'macrs', recoveryPeriod: 7 }))[0]).toBe('1429.00');
  });

  it.each(recoveryPeriods)('MACRS %i-year percentages add up to 100 %', (period) => {
    const percentages = macrsHalfYearPercentages[period];
    expect(percentages).toHaveLength(period + 1);
    expect(percentages.reduce((a, b) => a.plus(b), new Decimal(0)).toNumber()).toBe(100);
  });

  it('MACRS follows tax years: bought in November, the first 20 % falls in November and December', () => {
    const a = asset({ method: 'macrs', recoveryPeriod: 5 }, '10000.00', '2024-11-10');
    const [first, second] = depreciationSchedule(a, 'year').schedule;
    expect(first).toMatchObject({ starts_on: '2024-11-10', ends_on: '2024-12-31', depreciation: '2000.00' });
    expect(second).toMatchObject({ starts_on: '2025-01-01', ends_on: '2025-12-31', depreciation: '3200.00' });
    const months = depreciationSchedule(a, 'month').schedule;
    expect(months.slice(0, 3).map((m) => m.depreciation)).toEqual(['1000.00', '1000.00', '266.67']);
  });

  it('rounds to cents and lets the last period absorb the remainder', () => {
    // 1,000 over 3 years: 333.33 / 333.34 / 333.33, so the total is exactly 1,000.
    expect(yearly(asset({ usefulLifeMonths: 36, salvageValue: '0' }, '1000.00'))).toEqual([
      '333.33',
      '333.34',
      '333.33',
    ]);
  });

  it('never depreciates below a salvage value that exceeds the cost', () => {
    const schedule = depreciationSchedule(asset({ salvageValue: '50000.00' }), 'year').schedule;
    expect(schedule.every((p) => p.book_value === '10000.00')).toBe(true);
  });

  it('names the missing setting', () => {
    expect(() => yearly(asset({ usefulLifeMonths: null }))).toThrow(/useful_life_months/);
    expect(() => yearly(asset({ method: 'sum_of_years_digits', usefulLifeMonths: null }))).toThrow(
      /useful_life_months/,
    );
    expect(() => yearly(asset({ method: 'macrs' }))).toThrow(/recovery_period/);
    // A rate so small it implies a life of centuries is refused rather than scheduled.
    expect(() => yearly(asset({ usefulLifeMonths: null, rate: '0.0050' }))).toThrow(/depreciation_rate/);
  });
});

describe('book value at a date (full-month convention, accrued at month end)', () => {
  const a = asset({}, '10000.00', '2024-03-15');
  it('counts the month of purchase in full once it has ended', () => {
    expect(monthsAccrued('2024-03-15', '2024-03-30')).toBe(0);
    expect(bookValueAt(a, '2024-03-30')).toBe('10000.00');
    expect(bookValueAt(a, '2024-03-31')).toBe('9850.00');
    expect(bookValueAt(a, '2025-02-28')).toBe('8200.00');
    expect(bookValueAt(a, '2035-01-01')).toBe('1000.00');
  });

  it('is the cost before the purchase date', () => {
    expect(bookValueAt(a, '2020-01-01')).toBe('10000.00');
  });
});

const anyAsset = generatedAssets();

describe('properties of every schedule', () => {
  it('accumulated + book value = cost, never below salvage, never negative, ending at salvage', () => {
    fc.assert(
      fc.property(anyAsset, fc.constantFrom('year' as const, 'month' as const), (a, granularity) => {
        const { schedule, salvage_value } = depreciationSchedule(a, granularity);
        let previous = new Decimal(a.cost);
        for (const p of schedule) {
          expect(new Decimal(p.accumulated).plus(p.book_value).toFixed(2)).toBe(
            new Decimal(a.cost).toFixed(2),
          );
          expect(new Decimal(p.depreciation).gte(0)).toBe(true);
          expect(new Decimal(p.book_value).gte(salvage_value)).toBe(true);
          expect(new Decimal(p.book_value).lte(previous)).toBe(true);
          previous = new Decimal(p.book_value);
        }
        expect(schedule.at(-1)?.book_value).toBe(salvage_value);
      }),
      { numRuns: 300 },
    );
  });

  it('months add up to the years, and the book value at each period end is the schedule’s', () => {
    fc.assert(
      fc.property(anyAsset, (a) => {
        const years = depreciationSchedule(a, 'year').schedule;
        const months = depreciationSchedule(a, 'month').schedule;
        for (const year of years) {
          const inYear = months.filter((m) => m.starts_on >= year.starts_on && m.ends_on <= year.ends_on);
          const total = inYear.reduce((s, m) => s.plus(m.depreciation), new Decimal(0));
          expect(total.toFixed(2)).toBe(year.depreciation);
          expect(bookValueAt(a, year.ends_on)).toBe(year.book_value);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('calendar', () => {
  it('steps over month, year and leap-day ends', () => {
    expect(
      ['2024-02-28', '2024-02-29', '2023-02-28', '2024-12-31', '2100-02-28', '0099-12-31'].map(nextDay),
    ).toEqual(['2024-02-29', '2024-03-01', '2023-03-01', '2025-01-01', '2100-03-01', '0100-01-01']);
    expect([lastOfMonth(monthIndex('2000-02-10')), firstOfMonth(monthIndex('0042-07-31'))]).toEqual([
      '2000-02-29',
      '0042-07-01',
    ]);
  });
});
