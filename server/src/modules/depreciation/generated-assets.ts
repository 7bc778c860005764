// Random assets for the property tests and the JavaScript ↔ SQL agreement test (test code only).
import fc from 'fast-check';
import { depreciationMethods } from '../../db/schema.ts';
import type { DepreciableAsset } from './calculator.ts';
import { recoveryPeriods } from './macrs.ts';

const isoDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(min), max: new Date(max), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

/**
 * Any method, cost up to a billion, salvage sometimes above cost, a life or a rate or both. With
 * `incomplete`, some assets lack what their method needs (no life nor rate, no recovery period).
 */
export function generatedAssets(options: { incomplete?: boolean } = {}): fc.Arbitrary<DepreciableAsset> {
  return fc
    .record({
      cents: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000_000_000 })),
      salvageCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 })),
      method: fc.constantFrom(...depreciationMethods),
      // Rates from 1 % to 100 % a year, four decimals as the column holds them.
      rate: fc.option(fc.integer({ min: 100, max: 10_000 }), { nil: null }),
      usefulLifeMonths: fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }),
      recoveryPeriod: options.incomplete
        ? fc.option(fc.constantFrom(...recoveryPeriods), { nil: null })
        : fc.constantFrom(...recoveryPeriods),
      purchaseDate: isoDate('1990-01-01', '2040-12-31'),
    })
    .map((r) => ({
      cost: (r.cents / 100).toFixed(2),
      purchaseDate: r.purchaseDate,
      settings: {
        method: r.method,
        rate: r.rate === null ? null : (r.rate / 10_000).toFixed(4),
        usefulLifeMonths: r.usefulLifeMonths ?? (r.rate === null && !options.incomplete ? 60 : null),
        salvageValue: (r.salvageCents / 100).toFixed(2),
        recoveryPeriod: r.recoveryPeriod,
      },
    }));
}
