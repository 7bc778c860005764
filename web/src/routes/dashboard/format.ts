// How dashboard figures read: counts with separators, money from the API's decimal strings (never through a
// float for the digits shown), ratios as percentages.

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "1234567.8" → "1,234,567.80". */
export function formatMoney(value: string): string {
  const [whole = '0', fraction = ''] = value.replace(/^-/, '').split('.');
  return `${value.startsWith('-') ? '-' : ''}${grouped(whole)}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

export const formatCount = (value: string | number) => grouped(String(value));

/** "0.6524" → "65.2 %". */
export const formatRatio = (value: string | number) => `${(Number(value) * 100).toFixed(1)} %`;

export type Unit = 'count' | 'money' | 'ratio';

export function formatValue(value: string, unit: Unit): string {
  if (unit === 'money') return formatMoney(value);
  return unit === 'ratio' ? formatRatio(value) : formatCount(value);
}

/** "2026-03-31" → "Mar 2026" (month ends label the value-over-time axis). */
export function monthLabel(isoDate: string): string {
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate)
    ? `${names[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`
    : isoDate;
}
