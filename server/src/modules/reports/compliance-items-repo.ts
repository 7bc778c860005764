// Register checks for compliance, in SQL: items missing an owner or a location, and warranty and lease ends.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { itemConditions, type ItemFilter } from './item-filter.ts';
import type { ItemRow } from './item-lines.ts';
import type { Period } from './period.ts';

// ── Missing an owner or a location ───────────────────────────────────────────────────────────────────────────

export interface GapsFilter extends ItemFilter {
  missing?: 'owner' | 'location' | undefined;
}

/** Serial items still on the register with no one (and no place) assigned, or no location; on `i`. */
function gapConditions(f: GapsFilter): SQL {
  const missing =
    f.missing === 'owner'
      ? sql`i.assigned_to is null`
      : f.missing === 'location'
        ? sql`i.location_id is null`
        : sql`(i.assigned_to is null or i.location_id is null)`;
  return sql`i.tracking = 'serial' and i.status <> 'disposed' and ${missing} and ${itemConditions(f)}`;
}

export interface GapRow extends ItemRow {
  no_owner: boolean;
  no_location: boolean;
  purchase_price: string | null;
}

export async function gapPage(
  ex: Executor,
  f: GapsFilter,
  afterId: number | null,
  limit: number,
): Promise<GapRow[]> {
  return queryRows<GapRow>(
    ex,
    sql`select i.id, i.sku, i.name, i.status, c.name as category, l.name as location,
        i.assigned_to is null as no_owner, i.location_id is null as no_location,
        i.purchase_price::text as purchase_price
      from inventory_items i
      left join categories c on c.id = i.category_id
      left join locations l on l.id = i.location_id
      where ${gapConditions(f)} and ${afterId === null ? sql`true` : sql`i.id > ${afterId}`}
      order by i.id
      limit ${limit}`,
  );
}

export interface GapTotalsRow {
  items: number;
  without_owner: number;
  without_location: number;
  purchase_price: string;
}

export async function gapTotals(ex: Executor, f: GapsFilter): Promise<GapTotalsRow> {
  const [row] = await queryRows<GapTotalsRow>(
    ex,
    sql`select count(*)::int as items,
        (count(*) filter (where i.assigned_to is null))::int as without_owner,
        (count(*) filter (where i.location_id is null))::int as without_location,
        coalesce(sum(i.purchase_price), 0)::text as purchase_price
      from inventory_items i where ${gapConditions(f)}`,
  );
  return row!;
}

// ── Warranty and lease expiries ──────────────────────────────────────────────────────────────────────────────

export interface ExpiriesFilter extends ItemFilter {
  kind?: 'warranty' | 'lease' | undefined;
}

/** `expiries(id, kind, expires_on)`: warranties and leases of items still on the register ending in the period. */
function expiries(f: ExpiriesFilter, p: Period): SQL {
  const ending = (kind: string, column: string) =>
    sql`select i.id, ${sql.raw(`'${kind}'`)}::text as kind, i.${sql.raw(column)} as expires_on
      from inventory_items i
      where i.${sql.raw(column)} between ${p.from}::date and ${p.to}::date
        and i.status <> 'disposed' and ${itemConditions(f)}`;
  const kinds = [
    ...(f.kind !== 'lease' ? [ending('warranty', 'warranty_expiry')] : []),
    ...(f.kind !== 'warranty' ? [ending('lease', 'lease_expires_on')] : []),
  ];
  return sql`with expiries as (${sql.join(kinds, sql` union all `)})`;
}

export interface ExpiryRow extends ItemRow {
  kind: 'warranty' | 'lease';
  expires_on: string;
  days_left: number;
  purchase_price: string | null;
}

/** A line's place: soonest first, then item, warranty before lease. */
export type ExpiryKey = [string, number, string];

export async function expiryPage(
  ex: Executor,
  f: ExpiriesFilter,
  p: Period,
  today: string,
  after: ExpiryKey | null,
  limit: number,
): Promise<ExpiryRow[]> {
  const afterKey =
    after === null
      ? sql`true`
      : sql`(e.expires_on, e.id, e.kind) > (${after[0]}::date, ${after[1]}::bigint, ${after[2]}::text)`;
  return queryRows<ExpiryRow>(
    ex,
    sql`${expiries(f, p)}
      select e.id, i.sku, i.name, i.status, c.name as category, l.name as location, e.kind,
        e.expires_on::text as expires_on, (e.expires_on - ${today}::date)::int as days_left,
        i.purchase_price::text as purchase_price
      from expiries e
      join inventory_items i on i.id = e.id
      left join categories c on c.id = i.category_id
      left join locations l on l.id = i.location_id
      where ${afterKey}
      order by e.expires_on, e.id, e.kind
      limit ${limit}`,
  );
}

export async function expiryTotals(
  ex: Executor,
  f: ExpiriesFilter,
  p: Period,
): Promise<{ warranties: number; leases: number }> {
  const [row] = await queryRows<{ warranties: number; leases: number }>(
    ex,
    sql`${expiries(f, p)}
      select (count(*) filter (where kind = 'warranty'))::int as warranties,
        (count(*) filter (where kind = 'lease'))::int as leases
      from expiries`,
  );
  return row!;
}
