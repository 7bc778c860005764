// The fleet's value over time for dashboards, read from the valuation rollup. A month end is read straight from
// it; any other day from the month end before, plus what arrived since and less what left (an item owned on both
// days has the same book value on both, as depreciation accrues at month ends). A month end not maintained yet is
// computed first; the scheduled job keeps the dashboards' window maintained ahead of need.
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { lastOfMonth, monthIndex } from '../depreciation/calendar.ts';
import type { ItemFilter } from './metrics-repo.ts';
import * as repo from './rollup-repo.ts';

const isMonthEnd = (date: string) => lastOfMonth(monthIndex(date)) === date;
const monthEndBefore = (date: string) => lastOfMonth(monthIndex(date) - 1);
const unique = (dates: string[]) => [...new Set(dates)];
const none: repo.Totals = { items: 0, cost: '0', book_value: '0' };

/**
 * The month ends kept: the 24 before this month (the dashboards' year, and the same months a year earlier to
 * compare with), this month's and, to be ready for it, next month's, and the quarter ends of the five years
 * before (the dates a finance team reports on and auditors compare with).
 */
function maintainedWindow(today: string): string[] {
  const current = monthIndex(today);
  const months = Array.from({ length: 26 }, (_, k) => current - 24 + k);
  const quarters = Array.from({ length: 20 }, (_, k) => current - (current % 3) - 1 - 3 * k);
  return unique([...quarters.reverse(), ...months].map(lastOfMonth));
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

const baseOf = (date: string) => (isMonthEnd(date) ? date : monthEndBefore(date));

/** The items owned at each date within the filters, their cost and book value then. */
export async function valueAt(db: Db, f: ItemFilter, dates: string[]): Promise<repo.Totals[]> {
  await ensureMaintained(db, unique(dates.map(baseOf)));
  return readTotals(db, f, dates);
}

/**
 * The same for one date, if the rollup holds the month end it starts from; null otherwise (valuing a month end
 * is a whole-fleet scan under a lock that holds up item writes: not for a read to start). The shared lock keeps
 * the upkeep from dropping the date between looking and reading.
 */
export async function valueIfMaintained(db: Db, f: ItemFilter, date: string): Promise<repo.Totals | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select eis_valuation_lock(false)`);
    if ((await repo.maintainedDates(tx, [baseOf(date)])).size === 0) return null;
    const [totals] = await readTotals(tx, f, [date]);
    return totals!;
  });
}

async function readTotals(ex: Executor, f: ItemFilter, dates: string[]): Promise<repo.Totals[]> {
  const bases = dates.map(baseOf);
  const between = dates.filter((date) => !isMonthEnd(date));
  const [totals, moves] = await Promise.all([
    repo.totalsAt(ex, f, unique(bases)),
    repo.movesIn(
      ex,
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
