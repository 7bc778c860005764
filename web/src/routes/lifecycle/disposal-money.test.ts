import { describe, expect, it } from 'vitest';
import { formatMoney, gainLossOf } from './disposal-money.ts';

describe('money on a disposal', () => {
  it('groups and pads the decimal string, exactly, beyond what a float holds', () => {
    expect(formatMoney('1234567.5', 'en-US')).toBe('1,234,567.50');
    expect(formatMoney('0', 'en-US')).toBe('0.00');
    expect(formatMoney('9007199254740993.01', 'en-US')).toBe('9,007,199,254,740,993.01');
    expect(formatMoney('1234.5', 'de-DE')).toBe('1.234,50');
  });

  it('reads the sign of proceeds less book value as a gain or a loss', () => {
    expect(gainLossOf('-250.00', 'en-US')).toEqual({ kind: 'loss', amount: '250.00' });
    expect(gainLossOf('1500.10', 'en-US')).toEqual({ kind: 'gain', amount: '1,500.10' });
    expect(gainLossOf('0.00', 'en-US')).toEqual({ kind: 'even', amount: '0.00' });
    expect(gainLossOf('-0.00', 'en-US')).toEqual({ kind: 'even', amount: '0.00' });
    expect(gainLossOf(null)).toBeNull();
  });
});
