// The fleet's value over time for dashboards, read from the valuation rollup. A month end is read straight from
// it; any other day from the month end before, plus what arrived since and less what left (an item owned on both
// days has the same book value on both, as depreciation accrues at month ends). A month end not maintained yet is
// computed first; the scheduled job keeps the dashboards' window maintained ahead of need.
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { lastOfMonth, monthIndex } from '../depreciation/calendar.ts';
import type { ItemFilter } from './metrics-repo.ts';
import * as repo from './rollup-repo.ts';

const isMonthEnd = (date: string) => lastOfMonth(monthIndex(date)) === date;
const monthEndBefore = (date: string) => lastOfMonth(monthIndex(date) - 1);
const unique = (dates: string[]) => [...new Set(dates)];
const none: repo.Totals = { items: 0, cost: '0', book_value: '0' };

/** The month ends dashboards read: the 12 before this month, this month's and, to be ready for it, next month's. */
function maintainedWindow(today: string): string[] {
  const current = monthIndex(today);
  return Array.from({ length: 14 }, (_, k) => lastOfMonth(current - 12 + k));
}

async function ensureMaintained(db: Db, monthEnds: string[]): Promise<void> {
  const present = await repo.maintainedDates(db, monthEnds);
  for (const date of monthEnds.filter((end) => !present.has(end))) {
    await db.transaction(async (tx) => {
      // A whole-fleet valuation: the request-sized statement timeout does not fit it.
      await tx.execute(sql`set local statement_timeout = 0`);
      await repo.computeDate(tx, date);
    });
  }
}

/** The scheduled upkeep: the window maintained, older dates dropped, the triggers' rows summed. */
export async function maintainRollup(db: Db, today: string): Promise<{ maintained: number }> {
  const window = maintainedWindow(today);
  await ensureMaintained(db, window);
  await db.transaction(async (tx) => {
    await repo.pruneDates(tx, window);
    await repo.compact(tx);
  });
  return { maintained: window.length };
}

const plus = (a: repo.Totals, b: repo.Totals, sign: 1 | -1): repo.Totals => ({
  items: a.items + sign * b.items,
  cost: new Decimal(a.cost).plus(new Decimal(b.cost).times(sign)).toString(),
  book_value: new Decimal(a.book_value).plus(new Decimal(b.book_value).times(sign)).toString(),
});

/** The items owned at each date within the filters, their cost and book value then. */
export async function valueAt(db: Db, f: ItemFilter, dates: string[]): Promise<repo.Totals[]> {
  const bases = dates.map((date) => (isMonthEnd(date) ? date : monthEndBefore(date)));
  await ensureMaintained(db, unique(bases));
  const between = dates.filter((date) => !isMonthEnd(date));
  const [totals, moves] = await Promise.all([
    repo.totalsAt(db, f, unique(bases)),
    repo.movesIn(
      db,
      f,
      between.map((date) => ({ from: monthEndBefore(date), to: date })),
    ),
  ]);
  return dates.map((date, k) => {
    const base = totals.get(bases[k]!) ?? none;
    const moved = moves[between.indexOf(date)];
    return moved ? plus(plus(base, moved.arrived, 1), moved.left, -1) : base;
  });
}

/** For each month (from the month end before to its own): book value at its start less at its end, over the
 * items held throughout it. */
export async function depreciationIn(
  db: Db,
  f: ItemFilter,
  months: { from: string; to: string }[],
): Promise<string[]> {
  const ends = unique(months.flatMap(({ from, to }) => [from, to]));
  await ensureMaintained(db, ends);
  const [totals, moves] = await Promise.all([repo.totalsAt(db, f, ends), repo.movesIn(db, f, months)]);
  return months.map(({ from, to }, k) => {
    const start = plus(totals.get(from) ?? none, moves[k]!.left, -1);
    const end = plus(totals.get(to) ?? none, moves[k]!.arrived, -1);
    return new Decimal(start.book_value).minus(end.book_value).toString();
  });
}
