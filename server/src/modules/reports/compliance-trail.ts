// Compliance from the audit log: the full trail of a set of items over a period (audit-log rows of the items and
// their check-outs, maintenance, disposals … plus the item history), and changes counted by user with the
// changes themselves to drill into. Both read the audit log, so both need audit:read.
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { reveal } from '../../platform/crypto/sealed-values.ts';
import { isoTimestamp } from '../../platform/schemas.ts';
import type { Scope } from '../../platform/scope.ts';
import { defineReport } from './catalog.ts';
import { idOrNull } from './figures.ts';
import {
  AuditTrailFilters,
  ChangesFilters,
  type AuditTrailLine,
  type ChangeCount,
  type ChangeLine,
} from './compliance-schemas.ts';
import * as repo from './compliance-trail-repo.ts';
import { given, periodHeading } from './heading.ts';
import { itemFilterFor, itemsInPeriod } from './item-filter.ts';
import { byId, everyLine, linePage, listed, type LineKey, type PageRequest } from './keyset.ts';
import { resolvePeriod, thisMonth, type Period } from './period.ts';
import type { Column, ReportTable } from './table.ts';

const details = (value: unknown) => JSON.stringify(value);

// ── Audit trail ──────────────────────────────────────────────────────────────────────────────────────────────

interface TrailEntry {
  key: repo.TrailKey;
  line: AuditTrailLine;
}

const Micros = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const trailKey: LineKey<TrailEntry, repo.TrailKey> = {
  of: (entry) => entry.key,
  shape: z.tuple([Micros, z.union([z.literal(0), z.literal(1)]), Micros]),
};

interface TrailScope {
  filter: repo.TrailFilter;
  period: Period;
  seesSensitive: boolean;
}

async function trailScope(db: Db, filters: AuditTrailFilters, scope: Scope): Promise<TrailScope> {
  const { filter, period } = await itemsInPeriod(db, filters, scope);
  return { filter: { ...filter, itemIds: filters.item_ids }, period, seesSensitive: scope.seesSensitive };
}

const fetchTrail = (db: Db, s: TrailScope) => async (after: repo.TrailKey | null, limit: number) =>
  (await repo.trailPage(db, s.filter, s.period, after, limit)).map((row): TrailEntry => ({
    key: [Number(row.at_us), row.source, Number(row.id)],
    line: {
      occurred_at: isoTimestamp(row.occurred_at),
      source: row.source === 0 ? 'audit_log' : 'asset_history',
      item_id: Number(row.item_id),
      sku: row.sku,
      item_name: row.item_name,
      entity_type: row.entity_type,
      entity_id: row.entity_id,
      action: row.action,
      actor: row.actor ?? 'unknown',
      actor_user_id: idOrNull(row.actor_user_id),
      // Sealed values open as they do on the item's own history; sensitive ones only for who may see them.
      details: reveal(row.details ?? {}, s.seesSensitive) as Record<string, unknown>,
      notes: row.notes,
    },
  }));

export async function auditTrail(db: Db, filters: AuditTrailFilters, scope: Scope, page: PageRequest) {
  const s = await trailScope(db, filters, scope);
  const { data, next_cursor } = await linePage(fetchTrail(db, s), trailKey, page);
  return { ...s.period, data: data.map((entry) => entry.line), next_cursor };
}

const trailColumns: Column<TrailEntry>[] = [
  { header: 'When (UTC)', kind: 'text', width: 19, value: (r) => r.line.occurred_at },
  { header: 'SKU', kind: 'text', width: 12, value: (r) => r.line.sku },
  { header: 'Item', kind: 'text', width: 18, value: (r) => r.line.item_name },
  { header: 'Source', kind: 'text', width: 11, value: (r) => r.line.source },
  { header: 'Table', kind: 'text', width: 14, value: (r) => r.line.entity_type },
  { header: 'Row', kind: 'text', width: 6, value: (r) => r.line.entity_id },
  { header: 'Action', kind: 'text', width: 14, value: (r) => r.line.action },
  { header: 'By', kind: 'text', width: 18, value: (r) => r.line.actor },
  { header: 'Details', kind: 'text', width: 50, value: (r) => details(r.line.details) },
  { header: 'Notes', kind: 'text', width: 18, value: (r) => r.line.notes },
];

export const auditTrailReport = defineReport({
  key: 'audit-trail',
  title: 'Audit trail',
  permission: 'audit:read',
  filters: AuditTrailFilters,
  async table(db, filters, scope): Promise<ReportTable<TrailEntry>> {
    const s = await trailScope(db, filters, scope);
    return {
      ...(await periodHeading(db, scope, filters, {
        title: 'Audit trail',
        fileName: 'audit-trail',
        period: s.period,
        lines: given('Items', filters.item_ids?.join(', ')),
      })),
      columns: trailColumns,
      rows: everyLine(fetchTrail(db, s), trailKey),
      totals: trailColumns.map(() => null),
    };
  },
});

// ── Changes by user ──────────────────────────────────────────────────────────────────────────────────────────

interface ChangesScope {
  filter: repo.ChangesFilter;
  period: Period;
}

/**
 * Every change, unless the caller is limited to some locations or filters items: then only the changes about
 * items (and their rows) they can see.
 */
async function changesScope(db: Db, filters: ChangesFilters, scope: Scope): Promise<ChangesScope> {
  const aboutItems =
    scope.locationRootId !== null ||
    [filters.location_id, filters.category_id, filters.supplier_id, filters.status].some(
      (f) => f !== undefined,
    );
  return {
    filter: {
      items: aboutItems ? await itemFilterFor(db, filters, scope) : null,
      actorUserId: filters.actor_user_id,
      actorLabel: filters.actor_label,
      entityType: filters.entity_type,
      action: filters.action,
    },
    period: resolvePeriod(filters, thisMonth),
  };
}

async function countChanges(db: Db, s: ChangesScope) {
  const rows = await repo.changeCounts(db, s.filter, s.period);
  const total = rows.find((r) => r.is_total);
  return {
    totals: { changes: total?.changes ?? 0, users: total?.users ?? 0 },
    counts: rows
      .filter((r) => !r.is_total)
      .map((r): ChangeCount => ({
        actor_user_id: idOrNull(r.actor_user_id),
        actor_label: r.actor_label,
        entity_type: r.entity_type,
        action: r.action,
        changes: r.changes,
      })),
  };
}

const fetchChanges = (db: Db, s: ChangesScope) => async (afterSeq: number | null, limit: number) =>
  (await repo.changePage(db, s.filter, s.period, afterSeq, limit)).map((row): ChangeLine => ({
    seq: Number(row.seq),
    occurred_at: isoTimestamp(row.occurred_at),
    actor_user_id: idOrNull(row.actor_user_id),
    actor_label: row.actor_label,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    action: row.action,
    before: row.before,
    after: row.after,
  }));
const bySeq = byId<ChangeLine>((line) => line.seq);

export async function changesByUser(db: Db, filters: ChangesFilters, scope: Scope) {
  const s = await changesScope(db, filters, scope);
  return { ...s.period, ...(await countChanges(db, s)) };
}

export async function changeLines(db: Db, filters: ChangesFilters, scope: Scope, page: PageRequest) {
  const s = await changesScope(db, filters, scope);
  return { ...s.period, ...(await linePage(fetchChanges(db, s), bySeq, page)) };
}

const countColumns: Column<ChangeCount>[] = [
  { header: 'User', kind: 'text', width: 24, value: (r) => r.actor_label },
  { header: 'User id', kind: 'count', width: 8, value: (r) => r.actor_user_id },
  { header: 'Table', kind: 'text', width: 20, value: (r) => r.entity_type },
  { header: 'Action', kind: 'text', width: 10, value: (r) => r.action },
  { header: 'Changes', kind: 'count', width: 10, value: (r) => r.changes },
];

const lineColumns: Column<ChangeLine>[] = [
  { header: 'Entry', kind: 'count', width: 8, value: (r) => r.seq },
  { header: 'When (UTC)', kind: 'text', width: 19, value: (r) => r.occurred_at },
  { header: 'User', kind: 'text', width: 20, value: (r) => r.actor_label },
  { header: 'Table', kind: 'text', width: 16, value: (r) => r.entity_type },
  { header: 'Row', kind: 'text', width: 6, value: (r) => r.entity_id },
  { header: 'Action', kind: 'text', width: 8, value: (r) => r.action },
  { header: 'Before', kind: 'text', width: 40, value: (r) => details(r.before) },
  { header: 'After', kind: 'text', width: 40, value: (r) => details(r.after) },
];

/** The changes' heading: the period, then what they were drilled down to. */
const heading = (
  db: Db,
  s: ChangesScope,
  filters: ChangesFilters,
  scope: Scope,
  title: string,
  fileName: string,
) =>
  periodHeading(db, scope, filters, {
    title,
    fileName,
    period: s.period,
    lines: [
      ...given('User id', filters.actor_user_id),
      ...given('User', filters.actor_label),
      ...given('Table', filters.entity_type),
      ...given('Action', filters.action),
    ],
  });

export const changesReport = defineReport({
  key: 'changes-by-user',
  title: 'Changes by user',
  permission: 'audit:read',
  filters: ChangesFilters,
  async table(db, filters, scope): Promise<ReportTable<ChangeCount>> {
    const s = await changesScope(db, filters, scope);
    const { totals, counts } = await countChanges(db, s);
    return {
      ...(await heading(db, s, filters, scope, 'Changes by user', 'changes-by-user')),
      columns: countColumns,
      rows: listed(counts),
      totals: [
        `Total (${totals.changes} changes by ${totals.users} users)`,
        null,
        null,
        null,
        totals.changes,
      ],
    };
  },
});

export const changeLinesReport = defineReport({
  key: 'changes-by-user/lines',
  title: 'Changes by user, line by line',
  permission: 'audit:read',
  filters: ChangesFilters,
  async table(db, filters, scope): Promise<ReportTable<ChangeLine>> {
    const s = await changesScope(db, filters, scope);
    return {
      ...(await heading(db, s, filters, scope, 'Changes', 'changes')),
      columns: lineColumns,
      rows: everyLine(fetchChanges(db, s), bySeq),
      totals: lineColumns.map(() => null),
    };
  },
});
