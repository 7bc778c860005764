// Money from a disposal as the user reads it: the API's decimal strings grouped by the locale, formatted as
// exact decimals (Intl formats a numeric string without turning it into a float), and a gain or a loss in words.
export type DecimalString = `${number}`;

/** "1234567.5" → "1,234,567.50" (in en-US); never through a float. */
export function formatMoney(value: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    value as DecimalString,
  );
}

export interface GainLoss {
  kind: 'gain' | 'loss' | 'even';
  /** The amount without its sign, formatted. */
  amount: string;
}

/** Proceeds less book value: a negative amount is a loss. Null when there was no book value to compare. */
export function gainLossOf(value: string | null, locale?: string): GainLoss | null {
  if (value === null) return null;
  const negative = value.startsWith('-');
  const magnitude = negative ? value.slice(1) : value;
  const zero = /^0*(\.0*)?$/.test(magnitude);
  return {
    kind: zero ? 'even' : negative ? 'loss' : 'gain',
    amount: formatMoney(magnitude, locale),
  };
}
