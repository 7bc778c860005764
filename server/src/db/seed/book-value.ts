// An item's book value after some months, by its depreciation method, in decimal arithmetic.
import { Decimal } from 'decimal.js';
import type { DepreciationMethod } from './category-catalog.ts';

export interface DepreciationSettings {
  method: DepreciationMethod;
  /** Annual rate as a decimal string; used by declining balance. */
  rate: string | null;
  usefulLifeMonths: number | null;
  salvageValue: string | null;
  recoveryPeriod: number | null;
}

/** IRS Publication 946 table A-1: GDS, half-year convention, percent of cost per recovery year. */
const macrsPercentages: Record<number, string[]> = {
  3: ['33.33', '44.45', '14.81', '7.41'],
  5: ['20.00', '32.00', '19.20', '11.52', '11.52', '5.76'],
  7: ['14.29', '24.49', '17.49', '12.49', '8.93', '8.92', '8.93', '4.46'],
  10: ['10.00', '18.00', '14.40', '11.52', '9.22', '7.37', '6.55', '6.55', '6.56', '6.55', '3.28'],
  15: [
    '5.00',
    '9.50',
    '8.55',
    '7.70',
    '6.93',
    '6.23',
    '5.90',
    '5.90',
    '5.91',
    '5.90',
    '5.91',
    '5.90',
    '5.91',
    '5.90',
    '5.91',
    '2.95',
  ],
  20: [
    '3.750',
    '7.219',
    '6.677',
    '6.177',
    '5.713',
    '5.285',
    '4.888',
    '4.522',
    '4.462',
    '4.461',
    '4.462',
    '4.461',
    '4.462',
    '4.461',
    '4.462',
    '4.461',
    '4.462',
    '4.461',
    '4.462',
    '4.461',
    '2.231',
  ],
};

const defaultLifeMonths = 60;

/** Fraction of the depreciable amount written off after `months`, between 0 and 1. */
function writtenOffFraction(settings: DepreciationSettings, months: number): Decimal {
  const lifeMonths = settings.usefulLifeMonths ?? defaultLifeMonths;
  const years = new Decimal(months).div(12);
  switch (settings.method) {
    case 'straight_line':
      return Decimal.min(1, new Decimal(months).div(lifeMonths));
    case 'declining_balance':
    case 'double_declining': {
      const rate =
        settings.method === 'double_declining' || settings.rate === null
          ? Decimal.min(1, new Decimal(2).times(12).div(lifeMonths))
          : new Decimal(settings.rate);
      return new Decimal(1).minus(new Decimal(1).minus(rate).pow(years));
    }
    case 'sum_of_years_digits': {
      const lifeYears = Math.max(1, Math.ceil(lifeMonths / 12));
      const fullYears = Math.min(lifeYears, Math.floor(months / 12));
      let digits = new Decimal(0);
      for (let year = 1; year <= fullYears; year++) digits = digits.plus(lifeYears - year + 1);
      if (fullYears < lifeYears)
        digits = digits.plus(new Decimal(months % 12).div(12).times(lifeYears - fullYears));
      return digits.div((lifeYears * (lifeYears + 1)) / 2);
    }
    case 'macrs': {
      const table = macrsPercentages[settings.recoveryPeriod ?? 5] ?? macrsPercentages[5] ?? [];
      const fullYears = Math.floor(months / 12);
      let percent = new Decimal(0);
      table.forEach((share, year) => {
        if (year < fullYears) percent = percent.plus(share);
        else if (year === fullYears) percent = percent.plus(new Decimal(share).times(months % 12).div(12));
      });
      return Decimal.min(1, percent.div(100));
    }
  }
}

/** Book value as a 2-decimal string: never below salvage (MACRS ignores salvage) and never below zero. */
export function bookValue(cost: string, settings: DepreciationSettings, monthsHeld: number): string {
  const price = new Decimal(cost);
  const salvage =
    settings.method === 'macrs'
      ? new Decimal(0)
      : Decimal.min(price, new Decimal(settings.salvageValue ?? '0'));
  const fraction = writtenOffFraction(settings, Math.max(0, monthsHeld));
  const value =
    settings.method === 'macrs' ||
    settings.method === 'straight_line' ||
    settings.method === 'sum_of_years_digits'
      ? price.minus(price.minus(salvage).times(fraction))
      : Decimal.max(salvage, price.times(new Decimal(1).minus(fraction)));
  return Decimal.max(0, value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}
