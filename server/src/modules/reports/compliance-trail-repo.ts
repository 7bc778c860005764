// Audit SQL for compliance: the audit-log rows about a set of items (the items' own rows and those of the rows
// that belong to them) and their history entries, in time order; and changes counted by user.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { itemConditions, type ItemFilter } from './item-filter.ts';
import type { Period } from './period.ts';

/** Audited tables whose rows belong to one item, through their `item_id`. */
const itemChildTables = [
  'checkouts',
  'item_disposals',
  'item_requests',
  'maintenance_records',
  'maintenance_schedules',
  'reservations',
  'stock_levels',
  'stocktake_lines',
  'transfer_items',
];

export interface TrailFilter extends ItemFilter {
  itemIds?: number[] | undefined;
}

const inPeriod = (column: SQL, p: Period) =>
  sql`${column} >= (${p.from}::date)::timestamp at time zone 'UTC'
    and ${column} < (${p.to}::date + 1)::timestamp at time zone 'UTC'`;

/**
 * `items(id, sku, name)` in the filter, and `item_audit(audit_id, item_id)`: the audit-log rows of the period
 * about them. A child row is matched by its current owner, or (deleted since) by the item_id its row carried.
 */
export function itemAudit(f: TrailFilter, p: Period): SQL {
  const ids = f.itemIds?.length ? sql`and i.id in (${sql.join(f.itemIds, sql`, `)})` : sql``;
  const children = sql.raw(itemChildTables.map((t) => `'${t}'`).join(', '));
  const keys = sql.join(
    itemChildTables.map(
      (table) =>
        sql`select ${sql.raw(`'${table}'`)}::text as entity_type, c.id::text as entity_id, c.item_id
          from ${sql.raw(table)} c where c.item_id in (select id from items)`,
    ),
    sql` union all `,
  );
  return sql`items as (
      select i.id, i.sku, i.name from inventory_items i where ${itemConditions(f)} ${ids}
    ),
    item_keys as (
      select 'inventory_items'::text as entity_type, id::text as entity_id, id as item_id from items
      union all ${keys}
    ),
    item_audit as (
      select a.id as audit_id, k.item_id
      from audit_log a join item_keys k on k.entity_type = a.entity_type and k.entity_id = a.entity_id
      where ${inPeriod(sql`a.occurred_at`, p)}
      union
      select a.id, it.id
      from audit_log a join items it on it.id::text = coalesce(a.after ->> 'item_id', a.before ->> 'item_id')
      where a.entity_type in (${children}) and ${inPeriod(sql`a.occurred_at`, p)}
    )`;
}

export interface TrailRow {
  /** Microseconds since the epoch, as text: the line's time to the microsecond for the cursor. */
  at_us: string;
  source: 0 | 1;
  id: number | string;
  occurred_at: Date | string;
  item_id: number | string;
  sku: string;
  item_name: string;
  entity_type: string;
  entity_id: string | null;
  action: string;
  actor: string | null;
  actor_user_id: number | string | null;
  details: Record<string, unknown> | null;
  notes: string | null;
}

/** A trail line's place in time order: the microsecond, audit-log rows before history entries, then the id. */
export type TrailKey = [number, number, number];

/** Up to `limit` trail lines after `after`, oldest first. */
export async function trailPage(
  ex: Executor,
  f: TrailFilter,
  p: Period,
  after: TrailKey | null,
  limit: number,
): Promise<TrailRow[]> {
  const micros = (column: SQL) => sql`(extract(epoch from ${column}) * 1000000)::bigint`;
  return queryRows<TrailRow>(
    ex,
    sql`with ${itemAudit(f, p)},
      trail as (
        select ${micros(sql`a.occurred_at`)} as at_us, 0 as source, a.id, a.occurred_at, ia.item_id,
          a.entity_type, a.entity_id, a.action, a.actor_label as actor, a.actor_user_id,
          jsonb_build_object('before', a.before, 'after', a.after) as details, null::text as notes
        from item_audit ia join audit_log a on a.id = ia.audit_id
        union all
        select ${micros(sql`h.created_at`)}, 1, h.id, h.created_at, h.item_id, 'asset_history', h.id::text,
          h.action, h.performed_by, null::bigint, h.additional_data, h.notes
        from asset_history h join items it on it.id = h.item_id
        where ${inPeriod(sql`h.created_at`, p)}
      )
      select t.at_us::text as at_us, t.source, t.id, t.occurred_at, t.item_id, it.sku, it.name as item_name,
        t.entity_type, t.entity_id, t.action, t.actor, t.actor_user_id, t.details, t.notes
      from trail t join items it on it.id = t.item_id
      where ${after === null ? sql`true` : sql`(t.at_us, t.source, t.id) > (${after[0]}::bigint, ${after[1]}::int, ${after[2]}::bigint)`}
      order by t.at_us, t.source, t.id
      limit ${limit}`,
  );
}

// ── Changes by user ──────────────────────────────────────────────────────────────────────────────────────────

export interface ChangesFilter {
  /** Only changes about these items (a scoped caller, or item filters given); null for every change. */
  items: TrailFilter | null;
  actorUserId?: number | undefined;
  actorLabel?: string | undefined;
  entityType?: string | undefined;
  action?: string | undefined;
}

/** `changes`: the audit-log row changes (not security events) of the period that the filter keeps. */
function changes(f: ChangesFilter, p: Period): SQL {
  const conditions: SQL[] = [
    sql`a.action in ('create', 'update', 'delete')`,
    inPeriod(sql`a.occurred_at`, p),
  ];
  if (f.actorUserId !== undefined) conditions.push(sql`a.actor_user_id = ${f.actorUserId}`);
  if (f.actorLabel !== undefined) conditions.push(sql`a.actor_label = ${f.actorLabel}`);
  if (f.entityType !== undefined) conditions.push(sql`a.entity_type = ${f.entityType}`);
  if (f.action !== undefined) conditions.push(sql`a.action = ${f.action}`);
  if (f.items !== null) conditions.push(sql`a.id in (select audit_id from item_audit)`);
  return sql`with ${f.items === null ? sql`` : sql`${itemAudit(f.items, p)},`}
    changes as (select a.* from audit_log a where ${sql.join(conditions, sql` and `)})`;
}

export interface ChangeCountRow {
  is_total: boolean;
  actor_user_id: number | string | null;
  actor_label: string;
  entity_type: string;
  action: string;
  changes: number;
  users: number;
}

/** Changes per user (id and recorded name), table and action, and the total with how many users made them. */
export async function changeCounts(ex: Executor, f: ChangesFilter, p: Period): Promise<ChangeCountRow[]> {
  return queryRows<ChangeCountRow>(
    ex,
    sql`${changes(f, p)}
      select grouping(actor_label) = 1 as is_total, actor_user_id, actor_label, entity_type, action,
        count(*)::int as changes,
        count(distinct coalesce(actor_user_id::text, '') || '/' || actor_label)::int as users
      from changes
      group by grouping sets ((), (actor_user_id, actor_label, entity_type, action))
      order by is_total desc, actor_label, actor_user_id, entity_type, action`,
  );
}

export interface ChangeRow {
  seq: number | string;
  occurred_at: Date | string;
  actor_user_id: number | string | null;
  actor_label: string;
  entity_type: string;
  entity_id: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Up to `limit` changes after audit entry `afterSeq`, in the order they were recorded. */
export async function changePage(
  ex: Executor,
  f: ChangesFilter,
  p: Period,
  afterSeq: number | null,
  limit: number,
): Promise<ChangeRow[]> {
  return queryRows<ChangeRow>(
    ex,
    sql`${changes(f, p)}
      select seq, occurred_at, actor_user_id, actor_label, entity_type, entity_id, action, before, after
      from changes
      where ${afterSeq === null ? sql`true` : sql`seq > ${afterSeq}`}
      order by seq
      limit ${limit}`,
  );
}
