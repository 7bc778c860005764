// The maintenance calendar's arithmetic on plain dates ("2026-05-31", no time zone): the month shown and its
// weeks, occurrences grouped by day, what counts as overdue, and durations in words.
import type { paths } from '../../api/schema.d.ts';

export type Occurrence =
  paths['/api/v1/maintenance/calendar']['get']['responses'][200]['content']['application/json']['data'][number];

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** Today on the user's own calendar. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const isMonth = (text: string | null): text is string =>
  !!text && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/** The first and last day of a month ("2026-02" → 2026-02-01 … 2026-02-28). */
export function monthWindow(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: dateOf(new Date(Date.UTC(year, m, 0))) };
}

export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return dateOf(new Date(Date.UTC(year, m - 1 + by, 1))).slice(0, 7);
}

/** The month's weeks, Monday first, padded with the neighbouring months' days to whole weeks. */
export function monthWeeks(month: string): string[][] {
  const first = utc(`${month}-01`);
  const start = new Date(first);
  start.setUTCDate(1 - ((first.getUTCDay() + 6) % 7));
  const { to } = monthWindow(month);
  const weeks: string[][] = [];
  for (const day = start; weeks.length === 0 || dateOf(day) <= to;) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(dateOf(day));
      day.setUTCDate(day.getUTCDate() + 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** Occurrences by day, days in order, each day's entries in the order given. */
export function groupByDay(occurrences: Occurrence[]): { date: string; entries: Occurrence[] }[] {
  const days = new Map<string, Occurrence[]>();
  for (const o of occurrences) days.set(o.date, [...(days.get(o.date) ?? []), o]);
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, entries]) => ({ date, entries }));
}

/** Work that was due before today and has not been started. A projected repeat is never late yet. */
export const isOverdue = (o: Occurrence, today: string) =>
  !o.projected && o.status === 'scheduled' && o.date < today;

/** The technicians seen in the occurrences, a person by their id and anyone else by name, for a filter. */
export function technicianOptions(occurrences: Occurrence[]): { value: string; label: string }[] {
  const options = new Map<string, string>();
  for (const o of occurrences) {
    if (o.technician_user_id !== null)
      options.set(String(o.technician_user_id), o.technician ?? `user ${o.technician_user_id}`);
    else if (o.technician) options.set(o.technician, o.technician);
  }
  return [...options.entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

const durationUnits: [RegExp, string][] = [
  [/(\d+)Y/, 'y'],
  [/(\d+)M/, 'mo'],
  [/(\d+)W/, 'w'],
  [/(\d+)D/, 'd'],
];
const timeUnits: [RegExp, string][] = [
  [/(\d+)H/, 'h'],
  [/(\d+)M/, 'min'],
  [/(\d+(?:\.\d+)?)S/, 's'],
];

/** An ISO 8601 duration in words: "P1DT2H30M" → "1 d 2 h 30 min"; anything else as it came. */
export function durationText(iso: string | null): string {
  if (!iso) return '—';
  const match = /^P([^T]*)(?:T(.*))?$/.exec(iso);
  if (!match) return iso;
  const [, date = '', time = ''] = match;
  const parts = [
    ...durationUnits.map(([re, unit]) => [re.exec(date)?.[1], unit]),
    ...timeUnits.map(([re, unit]) => [re.exec(time)?.[1], unit]),
  ].filter(([value]) => value !== undefined && Number(value) !== 0);
  return parts.length ? parts.map(([value, unit]) => `${value} ${unit}`).join(' ') : iso;
}
