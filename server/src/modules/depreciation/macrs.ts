// MACRS GDS percentages, half-year convention: IRS Publication 946, Appendix A, Table A-1.
// Percent of the unadjusted basis deducted in each recovery year; a class of N years spans N + 1 tax years
// because the first and last are half years.
export const recoveryPeriods = [3, 5, 7, 10, 15, 20] as const;
export type RecoveryPeriod = (typeof recoveryPeriods)[number];

// prettier-ignore
export const macrsHalfYearPercentages: Record<RecoveryPeriod, readonly string[]> = {
  3: ['33.33', '44.45', '14.81', '7.41'],
  5: ['20.00', '32.00', '19.20', '11.52', '11.52', '5.76'],
  7: ['14.29', '24.49', '17.49', '12.49', '8.93', '8.92', '8.93', '4.46'],
  10: ['10.00', '18.00', '14.40', '11.52', '9.22', '7.37', '6.55', '6.55', '6.56', '6.55', '3.28'],
  15: [
    '5.00', '9.50', '8.55', '7.70', '6.93', '6.23', '5.90', '5.90',
    '5.91', '5.90', '5.91', '5.90', '5.91', '5.90', '5.91', '2.95',
  ],
  20: [
    '3.750', '7.219', '6.677', '6.177', '5.713', '5.285', '4.888', '4.522', '4.462', '4.461', '4.462',
    '4.461', '4.462', '4.461', '4.462', '4.461', '4.462', '4.461', '4.462', '4.461', '2.231',
  ],
};

export function isRecoveryPeriod(value: number | null): value is RecoveryPeriod {
  return (recoveryPeriods as readonly (number | null)[]).includes(value);
}
