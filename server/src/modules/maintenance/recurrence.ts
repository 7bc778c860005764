// When maintenance falls due: calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, so no time zone or daylight
// saving shifts a day. Monthly recurrence keeps the day of month asked for (its anchor), clamped to short months:
// the 31st gives Jan 31 → Feb 28 (29 in leap years) → Mar 31, never drifting to the 28th.

export type CalendarRule =
  { kind: 'days'; every: number } | { kind: 'months'; every: number; anchorDay: number };

/** The calendar rule of a schedule that recurs by days or months; undefined for one-off and usage schedules. */
export function calendarRule(schedule: {
  recurrence: string;
  recurrence_interval: number | null;
  recurrence_anchor_day: number | null;
  scheduled_date: string;
}): CalendarRule | undefined {
  const every = schedule.recurrence_interval!;
  if (schedule.recurrence === 'days') return { kind: 'days', every };
  if (schedule.recurrence !== 'months') return undefined;
  return {
    kind: 'months',
    every,
    anchorDay: schedule.recurrence_anchor_day ?? +schedule.scheduled_date.slice(8, 10),
  };
}

const dayMs = 86_400_000;
const pad = (value: number) => String(value).padStart(2, '0');

function epochDay(isoDate: string): number {
  return Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / dayMs;
}

function fromEpochDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(isoDate: string, days: number): string {
  return fromEpochDay(epochDay(isoDate) + days);
}

/** The date `months` later on the anchor day, or the month's last day when the month is shorter. */
export function addMonths(isoDate: string, months: number, anchorDay = +isoDate.slice(8, 10)): string {
  const index = +isoDate.slice(0, 4) * 12 + (+isoDate.slice(5, 7) - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(anchorDay, daysInMonth(year, month)))}`;
}

function monthsBetween(from: string, to: string): number {
  return (+to.slice(0, 4) - +from.slice(0, 4)) * 12 + (+to.slice(5, 7) - +from.slice(5, 7));
}

/** The k-th occurrence after `first` (k = 0 is `first` itself). */
function occurrence(rule: CalendarRule, first: string, k: number): string {
  return rule.kind === 'days'
    ? addDays(first, k * rule.every)
    : addMonths(first, k * rule.every, rule.anchorDay);
}

/** The number of whole steps from `first` that lands at or just before `date` (a starting point to walk from). */
function stepsBefore(rule: CalendarRule, first: string, date: string): number {
  const span = rule.kind === 'days' ? epochDay(date) - epochDay(first) : monthsBetween(first, date);
  return Math.max(0, Math.floor(span / rule.every) - 1);
}

/** The first occurrence of the series starting at `first` that falls strictly after `date`. */
export function nextOccurrenceAfter(rule: CalendarRule, first: string, date: string): string {
  for (let k = stepsBefore(rule, first, date); ; k++) {
    const candidate = occurrence(rule, first, k);
    if (candidate > date) return candidate;
  }
}

/** Every occurrence of the series starting at `first` within [from, to], in order, at most `max` of them. */
export function occurrencesBetween(
  rule: CalendarRule,
  first: string,
  from: string,
  to: string,
  max: number,
): string[] {
  const found: string[] = [];
  for (let k = stepsBefore(rule, first, from); found.length < max; k++) {
    const candidate = occurrence(rule, first, k);
    if (candidate > to) break;
    if (candidate >= from) found.push(candidate);
  }
  return found;
}
