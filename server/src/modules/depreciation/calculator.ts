// The depreciation calculator: pure and decimal-exact. Every method is reduced to one function, the accumulated
// depreciation after m months of ownership, rounded to the cent; period amounts are differences of it, so they add
// up exactly and the last period absorbs any rounding. The SQL function eis_depreciation_accumulated (migration
// *_depreciation_functions) is the same algorithm, line for line; a test holds the two to the cent.
//
// Conventions:
// - Full-month: the month of purchase counts in full; a month's depreciation is accrued at its last day.
// - Straight-line spreads cost − salvage evenly over the useful life in months, or, without a life, at the
//   annual rate. The other book methods work in asset years (12 months from the month of purchase) and spread
//   each year's amount evenly over its months.
// - Declining balance uses the rate (else 1 / life); double-declining 2 / life; both switch to straight-line
//   over the remaining life when that is larger, and never go below salvage. Year amounts round to the cent.
// - MACRS (GDS, half-year) ignores salvage and follows tax years (calendar years): the first year's percentage
//   is spread over the months from purchase to December, later years over their twelve months.
// - Whole years: a life in months is rounded up to whole years for the year-based methods; a life derived from
//   a rate alone is 1 / rate rounded to the nearest year.
import { Decimal as BaseDecimal } from 'decimal.js';
import type { depreciationMethods } from '../../db/schema.ts';
import { ValidationError } from '../../platform/errors.ts';
import { firstOfMonth, lastOfMonth, monthIndex, nextDay } from './calendar.ts';
import { isRecoveryPeriod, macrsHalfYearPercentages } from './macrs.ts';

const Decimal = BaseDecimal.clone({ precision: 40, rounding: BaseDecimal.ROUND_HALF_UP });
type Amount = BaseDecimal;

export type DepreciationMethod = (typeof depreciationMethods)[number];
export type Granularity = 'year' | 'month';

/** The settings in force for one asset (item overrides already applied). */
export interface DepreciationSettings {
  method: DepreciationMethod;
  /** Annual rate as a decimal string, e.g. "0.2500". */
  rate: string | null;
  usefulLifeMonths: number | null;
  salvageValue: string | null;
  recoveryPeriod: number | null;
}

export interface DepreciableAsset {
  cost: string;
  /** YYYY-MM-DD */
  purchaseDate: string;
  settings: DepreciationSettings;
}

export interface SchedulePeriod {
  period: number;
  starts_on: string;
  ends_on: string;
  depreciation: string;
  accumulated: string;
  book_value: string;
}

/** How one asset depreciates: the months in each year period, and accumulated depreciation after m months. */
interface Plan {
  cost: Amount;
  /** Salvage actually respected: none for MACRS, never more than cost. */
  salvage: Amount;
  yearMonths: number[];
  accumulated(months: number): Amount;
}

const cents = (value: Amount): Amount => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const money = (value: Amount): string => value.toFixed(2);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A life derived from a rate alone is at most this long, so a tiny rate cannot ask for a schedule of centuries. */
const longestLifeYears = 100;

function positiveRate(settings: DepreciationSettings): Amount | null {
  const rate = settings.rate === null ? null : new Decimal(settings.rate);
  return rate?.gt(0) ? rate : null;
}

function tooSmall(rate: Amount): ValidationError {
  return ValidationError.field(
    'depreciation_rate',
    `${rate.toString()} a year implies a life over ${longestLifeYears} years; set a useful life instead`,
  );
}

/** Whole years of useful life for the year-based methods. */
function lifeYears(settings: DepreciationSettings): number {
  if (settings.usefulLifeMonths !== null) return Math.ceil(settings.usefulLifeMonths / 12);
  const rate = positiveRate(settings);
  if (rate) {
    const years = new Decimal(1).div(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
    if (years > longestLifeYears) throw tooSmall(rate);
    return Math.max(1, years);
  }
  throw ValidationError.field(
    'useful_life_months',
    `is needed for ${settings.method} (neither the item nor its category has a useful life or rate)`,
  );
}

/** Twelve-month periods covering `total` months, the last one shorter if need be. */
function twelveMonthYears(total: number): number[] {
  return Array.from({ length: Math.ceil(total / 12) }, (_, k) => Math.min(12, total - 12 * k));
}

/** Accumulated depreciation from cent amounts per year period, each spread evenly over its months. */
function spreadOverYears(yearMonths: number[], yearAmounts: Amount[]): Plan['accumulated'] {
  return (months) => {
    let done = new Decimal(0);
    let left = months;
    for (const [k, length] of yearMonths.entries()) {
      const amount = yearAmounts[k] ?? new Decimal(0);
      if (left < length) return done.plus(cents(amount.times(left).div(length)));
      done = done.plus(amount);
      left -= length;
    }
    return done;
  };
}

function straightLine(cost: Amount, salvage: Amount, settings: DepreciationSettings): Plan {
  const base = cost.minus(salvage);
  const life = settings.usefulLifeMonths;
  if (life !== null) {
    return {
      cost,
      salvage,
      yearMonths: twelveMonthYears(life),
      accumulated: (m) => cents(base.times(Math.min(m, life)).div(life)),
    };
  }
  const rate = positiveRate(settings);
  if (!rate) {
    throw ValidationError.field(
      'useful_life_months',
      'is needed for straight_line (neither the item nor its category has a useful life or a rate above 0)',
    );
  }
  const total = new Decimal(12).div(rate).ceil().toNumber();
  if (total > longestLifeYears * 12) throw tooSmall(rate);
  return {
    cost,
    salvage,
    yearMonths: twelveMonthYears(total),
    accumulated: (m) => cents(Decimal.min(base, base.times(rate).times(m).div(12))),
  };
}

function sumOfYearsDigits(cost: Amount, salvage: Amount, settings: DepreciationSettings): Plan {
  const base = cost.minus(salvage);
  const n = lifeYears(settings);
  const digits = (n * (n + 1)) / 2;
  // Digits of the first y years: n + (n − 1) + … + (n − y + 1).
  const through = (y: number) => cents(base.times(y * n - (y * (y - 1)) / 2).div(digits));
  const yearAmounts = Array.from({ length: n }, (_, k) => through(k + 1).minus(through(k)));
  const yearMonths = Array<number>(n).fill(12);
  return { cost, salvage, yearMonths, accumulated: spreadOverYears(yearMonths, yearAmounts) };
}

function decliningBalance(cost: Amount, salvage: Amount, settings: DepreciationSettings): Plan {
  const n = lifeYears(settings);
  // The year's rate as numerator / denominator, so 1 / life and 2 / life stay exact.
  const [numerator, denominator] =
    settings.method === 'double_declining'
      ? [new Decimal(2), n]
      : settings.rate !== null
        ? [new Decimal(settings.rate), 1]
        : [new Decimal(1), n];
  const yearAmounts: Amount[] = [];
  let book = cost;
  for (let year = 1; year <= n; year++) {
    const left = book.minus(salvage);
    let amount = left;
    if (year < n) {
      const declining = cents(book.times(numerator).div(denominator));
      const straight = cents(left.div(n - year + 1));
      amount = Decimal.min(Decimal.max(declining, straight), left);
    }
    yearAmounts.push(amount);
    book = book.minus(amount);
  }
  const yearMonths = Array<number>(n).fill(12);
  return { cost, salvage, yearMonths, accumulated: spreadOverYears(yearMonths, yearAmounts) };
}

function macrs(cost: Amount, settings: DepreciationSettings, purchaseDate: string): Plan {
  const period = settings.recoveryPeriod;
  if (!isRecoveryPeriod(period)) {
    throw ValidationError.field('recovery_period', 'is needed for macrs: one of 3, 5, 7, 10, 15, 20 years');
  }
  const percentages = macrsHalfYearPercentages[period];
  let percent = new Decimal(0);
  const through = percentages.map((share, k) => {
    percent = percent.plus(share);
    // The last year takes whatever is left, so the whole basis is recovered.
    return k === percentages.length - 1 ? cost : cents(cost.times(percent).div(100));
  });
  const yearAmounts = through.map((value, k) => value.minus(k === 0 ? 0 : (through[k - 1] ?? 0)));
  const firstYearMonths = 12 - (monthIndex(purchaseDate) % 12);
  const yearMonths = [firstYearMonths, ...Array<number>(percentages.length - 1).fill(12)];
  return { cost, salvage: new Decimal(0), yearMonths, accumulated: spreadOverYears(yearMonths, yearAmounts) };
}

function planFor(asset: DepreciableAsset): Plan {
  const cost = new Decimal(asset.cost);
  const { settings } = asset;
  if (settings.method === 'macrs') return macrs(cost, settings, asset.purchaseDate);
  const salvage = Decimal.min(cost, new Decimal(settings.salvageValue ?? 0));
  switch (settings.method) {
    case 'straight_line':
      return straightLine(cost, salvage, settings);
    case 'sum_of_years_digits':
      return sumOfYearsDigits(cost, salvage, settings);
    case 'declining_balance':
    case 'double_declining':
      return decliningBalance(cost, salvage, settings);
  }
}

/** Months of depreciation accrued by `asOf`: month ends from the purchase month's through `asOf`. */
export function monthsAccrued(purchaseDate: string, asOf: string): number {
  return Math.max(0, monthIndex(nextDay(asOf)) - monthIndex(purchaseDate));
}

/** Book value at a date (cost − accumulated depreciation), as a decimal string. */
export function bookValueAt(asset: DepreciableAsset, asOf: string): string {
  const plan = planFor(asset);
  const months = Math.min(monthsAccrued(asset.purchaseDate, asOf), sum(plan.yearMonths));
  return money(plan.cost.minus(plan.accumulated(months)));
}

export interface Schedule {
  /** Salvage the schedule respects (0 for MACRS). */
  salvage_value: string;
  life_months: number;
  schedule: SchedulePeriod[];
}

/** The whole schedule from purchase to the end of depreciation, by year period or by month. */
export function depreciationSchedule(asset: DepreciableAsset, granularity: Granularity): Schedule {
  const plan = planFor(asset);
  const total = sum(plan.yearMonths);
  const lengths = granularity === 'year' ? plan.yearMonths : Array<number>(total).fill(1);
  const first = monthIndex(asset.purchaseDate);
  const schedule: SchedulePeriod[] = [];
  let end = 0;
  let before = new Decimal(0);
  for (const [k, length] of lengths.entries()) {
    const start = end;
    end += length;
    const accumulated = plan.accumulated(end);
    schedule.push({
      period: k + 1,
      starts_on: start === 0 ? asset.purchaseDate : firstOfMonth(first + start),
      ends_on: lastOfMonth(first + end - 1),
      depreciation: money(accumulated.minus(before)),
      accumulated: money(accumulated),
      book_value: money(plan.cost.minus(accumulated)),
    });
    before = accumulated;
  }
  return { salvage_value: money(plan.salvage), life_months: total, schedule };
}
