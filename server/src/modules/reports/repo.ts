// Asset register SQL: items owned at a date, each valued by eis_book_value, keyset paged by id.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { bookValueSql, ownedAtSql, type OwnedFilter } from '../depreciation/service.ts';
import type { ItemRow } from './item-lines.ts';

export interface RegisterRow extends ItemRow {
  supplier: string | null;
  purchase_date: string | null;
  cost: string;
  accumulated_depreciation: string;
  book_value: string;
}

/** The owned items with their valuation; items without a schedule count at cost, as in the valuation. */
const valued = (f: OwnedFilter, extra: SQL[] = []) => sql`
  select i.id, i.sku, i.name, i.status, i.category_id, i.location_id, i.supplier_id,
    i.purchase_date, i.purchase_price as cost, coalesce(v.book_value, i.purchase_price) as book_value
  from inventory_items i
  left join categories c on c.id = i.category_id
  left join item_disposals d on d.item_id = i.id
  cross join lateral (select round(${bookValueSql(f.asOf)}, 2) as book_value) v
  where ${sql.join([...ownedAtSql(f), ...extra], sql` and `)}`;

/** Up to `limit` register lines after item id `afterId`, in id order. */
export async function registerPage(
  ex: Executor,
  f: OwnedFilter,
  afterId: number | null,
  limit: number,
): Promise<RegisterRow[]> {
  const after = afterId === null ? [] : [sql`i.id > ${afterId}`];
  return queryRows<RegisterRow>(
    ex,
    sql`with page as (${valued(f, after)} order by i.id limit ${limit})
      select p.id, p.sku, p.name, p.status, c.name as category, l.name as location, s.name as supplier,
        p.purchase_date::text as purchase_date, p.cost::text as cost,
        (p.cost - p.book_value)::text as accumulated_depreciation, p.book_value::text as book_value
      from page p
      left join categories c on c.id = p.category_id
      left join locations l on l.id = p.location_id
      left join suppliers s on s.id = p.supplier_id
      order by p.id`,
  );
}

export interface TotalsRow {
  items: number;
  cost: string;
  accumulated_depreciation: string;
  book_value: string;
}

/** Sums of the same rounded line amounts, so the totals equal the sum of the lines to the cent. */
export async function registerTotals(ex: Executor, f: OwnedFilter): Promise<TotalsRow> {
  const [row] = await queryRows<TotalsRow>(
    ex,
    sql`select count(*)::int as items,
        coalesce(sum(cost), 0)::text as cost,
        coalesce(sum(cost - book_value), 0)::text as accumulated_depreciation,
        coalesce(sum(book_value), 0)::text as book_value
      from (${valued(f)}) r`,
  );
  return row!;
}
