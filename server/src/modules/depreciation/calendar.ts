// Month arithmetic on ISO dates (YYYY-MM-DD) as plain numbers: no Date objects, so no time zone or two-digit
// year can shift a day.

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Months since year 0: a number that orders and subtracts months. */
export function monthIndex(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1;
}

/** The first day of the month with this index. */
export function firstOfMonth(index: number): string {
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}-01`;
}

/** The last day of the month with this index. */
export function lastOfMonth(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(daysInMonth(year, month), 2)}`;
}

export function nextDay(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  if (day < daysInMonth(year, month)) return `${isoDate.slice(0, 8)}${pad(day + 1, 2)}`;
  return firstOfMonth(monthIndex(isoDate) + 1);
}

/** Today's date in UTC. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
