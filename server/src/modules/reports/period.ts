// The period a report covers: a calendar month, quarter or year around a date, or a custom from–to range.
import { z } from 'zod';
import { ValidationError } from '../../platform/errors.ts';
import { IsoDate } from '../../platform/schemas.ts';
import { firstOfMonth, lastOfMonth, monthIndex, today } from '../depreciation/calendar.ts';

export const periodKinds = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export const PeriodQuery = {
  period: z
    .enum(periodKinds)
    .optional()
    .describe('The calendar month, quarter or year containing `date`; or give `from` and `to` instead'),
  date: IsoDate.optional().describe('A day in the period (default: today)'),
  from: IsoDate.optional().describe("A custom period's first day, with `to`"),
  to: IsoDate.optional().describe("A custom period's last day (inclusive), with `from`"),
};
export type PeriodQuery = z.infer<z.ZodObject<typeof PeriodQuery>>;

/** First and last day, both inclusive, as ISO dates. */
export interface Period {
  from: string;
  to: string;
}

/** Long enough for any report a person reads; a month-by-month trend over it stays a few hundred points. */
const maxYears = 10;

function calendarPeriod(kind: PeriodKind, date: string): Period {
  const month = monthIndex(date);
  const first = kind === 'month' ? month : kind === 'quarter' ? month - (month % 3) : month - (month % 12);
  const months = { month: 1, quarter: 3, year: 12 }[kind];
  return { from: firstOfMonth(first), to: lastOfMonth(first + months - 1) };
}

/**
 * The period asked for: `period` (+ `date`), or `from` and `to`, never both; neither gives `fallback`. Mixed or
 * half-given ranges, a start after the end, or a range over ten years are a 422 naming the field.
 */
export function resolvePeriod(query: PeriodQuery, fallback: () => Period): Period {
  const custom = query.from !== undefined || query.to !== undefined;
  if (custom && (query.period !== undefined || query.date !== undefined)) {
    throw ValidationError.field(
      query.period ? 'period' : 'date',
      'give either period (and date) or from and to',
    );
  }
  if (!custom) {
    if (query.period === undefined && query.date === undefined) return fallback();
    return calendarPeriod(query.period ?? 'month', query.date ?? today());
  }
  if (query.from === undefined) throw ValidationError.field('from', 'is needed with to');
  if (query.to === undefined) throw ValidationError.field('to', 'is needed with from');
  if (query.from > query.to) throw ValidationError.field('from', `must be on or before to (${query.to})`);
  if (monthIndex(query.to) - monthIndex(query.from) >= maxYears * 12) {
    throw ValidationError.field('to', `must be within ${maxYears} years of from`);
  }
  return { from: query.from, to: query.to };
}

/** This calendar month: the default period of most reports. */
export const thisMonth = (): Period => calendarPeriod('month', today());

/** The twelve whole months before this one. */
export function lastTwelveMonths(): Period {
  const month = monthIndex(today());
  return { from: firstOfMonth(month - 12), to: lastOfMonth(month - 1) };
}

/** The month ends within the period that are over (before today). */
export function monthEndsIn(period: Period): string[] {
  const ends: string[] = [];
  for (let month = monthIndex(period.from); month <= monthIndex(period.to); month++) {
    const end = lastOfMonth(month);
    if (end <= period.to && end < today()) ends.push(end);
  }
  return ends;
}

/** Today and the 90 days after it: the window ahead that expiry reports look into by default. */
export function nextNinetyDays(): Period {
  const from = today();
  return { from, to: new Date(Date.parse(from) + 90 * 86_400_000).toISOString().slice(0, 10) };
}
