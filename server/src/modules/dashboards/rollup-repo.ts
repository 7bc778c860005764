// Valuation rollup SQL (tables and triggers: migration *_valuation_rollup): a date computed in full, the totals
// for the caller's filters, the items that arrived or left between two dates, and keeping the table small.
// Computing, pruning and compacting hold the rollup's lock exclusively (eis_valuation_lock), as the triggers
// hold it shared.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { categoryTree, locationTree, subtreeIds } from '../../db/tree.ts';
import { bookValueSql, ownedAtSql } from '../depreciation/service.ts';
import type { ItemFilter } from './metrics-repo.ts';

const dateList = (dates: string[]) =>
  sql.join(
    dates.map((date) => sql`${date}::date`),
    sql`, `,
  );

export async function maintainedDates(ex: Executor, dates: string[]): Promise<Set<string>> {
  const rows = await queryRows<{ as_of: string }>(
    ex,
    sql`select as_of::text as as_of from valuation_dates where as_of in (${dateList(dates)})`,
  );
  return new Set(rows.map((row) => row.as_of));
}

const lockExclusively = (ex: Executor) => ex.execute(sql`select eis_valuation_lock(true)`);

const valuedItems = sql`from inventory_items i
  left join categories c on c.id = i.category_id
  left join item_disposals d on d.item_id = i.id`;

/** The rounded book value at a date, at cost where the settings allow no schedule (as the valuation does). */
export const bookValue = (asOf: string) => sql`coalesce(round(${bookValueSql(asOf)}, 2), i.purchase_price)`;

/** Values the whole fleet at `asOf` into the rollup and maintains the date from now on (if not already). */
export async function computeDate(ex: Executor, asOf: string): Promise<void> {
  await lockExclusively(ex);
  if ((await maintainedDates(ex, [asOf])).size) return;
  await ex.execute(sql`insert into valuation_rollup (as_of, location_id, category_id, status, items, cost, book_value)
    select ${asOf}::date, i.location_id, i.category_id, i.status, count(*)::int, sum(i.purchase_price),
      sum(${bookValue(asOf)})
    ${valuedItems}
    where ${sql.join(ownedAtSql({ asOf, scopeRootId: null }), sql` and `)}
    group by 2, 3, 4`);
  await ex.execute(sql`insert into valuation_dates (as_of) values (${asOf})`);
}

/** Stops maintaining the dates not given. */
export async function pruneDates(ex: Executor, keep: string[]): Promise<void> {
  await lockExclusively(ex);
  await ex.execute(sql`delete from valuation_rollup where as_of not in (${dateList(keep)})`);
  await ex.execute(sql`delete from valuation_dates where as_of not in (${dateList(keep)})`);
}

/** Sums the rows the triggers appended into one per date and group. */
export async function compact(ex: Executor): Promise<void> {
  await lockExclusively(ex);
  await ex.execute(sql`with gone as (delete from valuation_rollup returning *)
    insert into valuation_rollup (as_of, location_id, category_id, status, items, cost, book_value)
    select as_of, location_id, category_id, status, sum(items), sum(cost), sum(book_value) from gone
    group by 1, 2, 3, 4 having sum(items) <> 0`);
}

export interface Totals {
  items: number;
  cost: string;
  book_value: string;
}

/** Conditions on `r` (rollup rows), as ownedAt puts them on items. */
function rollupFilter(f: ItemFilter): SQL {
  const conditions: SQL[] = [sql`true`];
  if (f.scopeRootId !== null)
    conditions.push(sql`r.location_id in ${subtreeIds(locationTree, f.scopeRootId)}`);
  if (f.locationId) conditions.push(sql`r.location_id in ${subtreeIds(locationTree, f.locationId)}`);
  if (f.categoryId) conditions.push(sql`r.category_id in ${subtreeIds(categoryTree, f.categoryId)}`);
  if (f.status) conditions.push(sql`r.status = ${f.status}`);
  return sql.join(conditions, sql` and `);
}

/** The items owned at each (maintained) date, their cost and book value then, within the filters. */
export async function totalsAt(ex: Executor, f: ItemFilter, dates: string[]): Promise<Map<string, Totals>> {
  const rows = await queryRows<Totals & { as_of: string }>(
    ex,
    sql`select r.as_of::text as as_of, coalesce(sum(r.items), 0)::int as items,
          coalesce(sum(r.cost), 0)::text as cost, coalesce(sum(r.book_value), 0)::text as book_value
        from valuation_rollup r
        where r.as_of in (${dateList(dates)}) and ${rollupFilter(f)}
        group by r.as_of`,
  );
  return new Map(rows.map(({ as_of, ...totals }) => [as_of, totals]));
}

export interface Moves {
  /** Owned at `to` but bought after `from`, valued at `to`. */
  arrived: Totals;
  /** Owned at `from` but disposed of by `to`, valued at `from`. */
  left: Totals;
}

/** For each span, the items that arrived and left in it (bought or disposed of after its start, by its end). */
export async function movesIn(
  ex: Executor,
  f: ItemFilter,
  spans: { from: string; to: string }[],
): Promise<Moves[]> {
  if (spans.length === 0) return [];
  const owned = (asOf: string) => sql.join(ownedAtSql({ ...f, asOf }), sql` and `);
  const branch = (k: number, way: string, valuedAt: string, where: SQL) =>
    sql`select ${k}::int as k, ${way}::text as way, count(*)::int as items,
          coalesce(sum(i.purchase_price), 0)::text as cost, coalesce(sum(${bookValue(valuedAt)}), 0)::text as book_value
        ${valuedItems} where ${where}`;
  const branches = spans.flatMap(({ from, to }, k) => [
    branch(k, 'arrived', to, sql`${owned(to)} and i.purchase_date > ${from}::date`),
    branch(k, 'left', from, sql`${owned(from)} and i.status = 'disposed' and d.disposed_on <= ${to}::date`),
  ]);
  const rows = await queryRows<Totals & { k: number; way: 'arrived' | 'left' }>(
    ex,
    sql.join(branches, sql` union all `),
  );
  return spans.map((_, k) => {
    const of = (way: string) => rows.find((row) => row.k === k && row.way === way)!;
    const pick = ({ items, cost, book_value }: Totals) => ({ items, cost, book_value });
    return { arrived: pick(of('arrived')), left: pick(of('left')) };
  });
}
