// Compliance checks on the register: assets without an owner or a location, and warranties and leases ending
// in a window.
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../../platform/scope.ts';
import { today } from '../depreciation/calendar.ts';
import { defineReport } from './catalog.ts';
import * as repo from './compliance-items-repo.ts';
import { ExpiriesFilters, GapsFilters, type ExpiryLine, type GapLine } from './compliance-schemas.ts';
import { z } from 'zod';
import { printFilters } from './filters.ts';
import { itemFilterFor } from './item-filter.ts';
import { byItemId, everyLine, linePage, type LineKey } from './keyset.ts';
import { nextNinetyDays, resolvePeriod, type Period } from './period.ts';
import { money } from './service.ts';
import type { Column, ReportTable } from './table.ts';

const moneyOrNull = (value: string | null) => (value === null ? null : money(value));

// ── Missing an owner or a location ───────────────────────────────────────────────────────────────────────────

const fetchGaps = (db: Db, f: repo.GapsFilter) => async (afterId: number | null, limit: number) =>
  (await repo.gapPage(db, f, afterId, limit)).map((row): GapLine => ({
    item_id: Number(row.id),
    sku: row.sku,
    name: row.name,
    status: row.status,
    category: row.category,
    location: row.location,
    missing: [...(row.no_owner ? ['owner' as const] : []), ...(row.no_location ? ['location' as const] : [])],
    purchase_price: moneyOrNull(row.purchase_price),
  }));

async function gapsFilter(db: Db, filters: GapsFilters, scope: Scope): Promise<repo.GapsFilter> {
  return { ...(await itemFilterFor(db, filters, scope)), missing: filters.missing };
}

async function gapTotals(db: Db, f: repo.GapsFilter) {
  const row = await repo.gapTotals(db, f);
  return { ...row, purchase_price: money(row.purchase_price) };
}

export async function missingOwnerOrLocation(
  db: Db,
  filters: GapsFilters,
  scope: Scope,
  page: { limit: number; cursor?: string | undefined },
) {
  const f = await gapsFilter(db, filters, scope);
  const [lines, totals] = await Promise.all([linePage(fetchGaps(db, f), byItemId, page), gapTotals(db, f)]);
  return { totals, ...lines };
}

const gapColumns: Column<GapLine>[] = [
  { header: 'SKU', kind: 'text', width: 14, value: (r) => r.sku },
  { header: 'Name', kind: 'text', width: 28, value: (r) => r.name },
  { header: 'Status', kind: 'text', width: 10, value: (r) => r.status },
  { header: 'Category', kind: 'text', width: 18, value: (r) => r.category },
  { header: 'Location', kind: 'text', width: 18, value: (r) => r.location },
  { header: 'Missing', kind: 'text', width: 16, value: (r) => r.missing.join(', ') },
  { header: 'Purchase price', kind: 'money', width: 14, value: (r) => r.purchase_price },
];

export const gapsReport = defineReport({
  key: 'missing-owner-or-location',
  title: 'Assets without an owner or a location',
  filters: GapsFilters,
  async table(db, filters, scope): Promise<ReportTable<GapLine>> {
    const f = await gapsFilter(db, filters, scope);
    const totals = await gapTotals(db, f);
    const missing = filters.missing ? [['Missing', filters.missing] as [string, string]] : [];
    return {
      title: 'Assets without an owner or a location',
      fileName: `missing-owner-or-location-${today()}`,
      filters: [...missing, ...(await printFilters(db, filters, scope))],
      generatedAt: new Date(),
      columns: gapColumns,
      rows: everyLine(fetchGaps(db, f), byItemId),
      totals: [
        `Total (${totals.items} items)`,
        null,
        null,
        null,
        null,
        `${totals.without_owner} without owner, ${totals.without_location} without location`,
        totals.purchase_price,
      ],
    };
  },
});

// ── Warranty and lease expiries ──────────────────────────────────────────────────────────────────────────────

interface ExpiryEntry {
  key: repo.ExpiryKey;
  line: ExpiryLine;
}

const expiryKey: LineKey<ExpiryEntry, repo.ExpiryKey> = {
  of: (entry) => entry.key,
  shape: z.tuple([z.iso.date(), byItemId.shape, z.enum(['warranty', 'lease'])]),
};

interface ExpiriesScope {
  filter: repo.ExpiriesFilter;
  period: Period;
  today: string;
}

async function expiriesScope(db: Db, filters: ExpiriesFilters, scope: Scope): Promise<ExpiriesScope> {
  return {
    filter: { ...(await itemFilterFor(db, filters, scope)), kind: filters.kind },
    period: resolvePeriod(filters, nextNinetyDays),
    today: today(),
  };
}

const fetchExpiries = (db: Db, s: ExpiriesScope) => async (after: repo.ExpiryKey | null, limit: number) =>
  (await repo.expiryPage(db, s.filter, s.period, s.today, after, limit)).map((row): ExpiryEntry => ({
    key: [row.expires_on, Number(row.id), row.kind],
    line: {
      item_id: Number(row.id),
      sku: row.sku,
      name: row.name,
      status: row.status,
      category: row.category,
      location: row.location,
      kind: row.kind,
      expires_on: row.expires_on,
      days_left: row.days_left,
      purchase_price: moneyOrNull(row.purchase_price),
    },
  }));

export async function expiries(
  db: Db,
  filters: ExpiriesFilters,
  scope: Scope,
  page: { limit: number; cursor?: string | undefined },
) {
  const s = await expiriesScope(db, filters, scope);
  const [lines, totals] = await Promise.all([
    linePage(fetchExpiries(db, s), expiryKey, page),
    repo.expiryTotals(db, s.filter, s.period),
  ]);
  return { ...s.period, totals, data: lines.data.map((entry) => entry.line), next_cursor: lines.next_cursor };
}

const expiryColumns: Column<ExpiryEntry>[] = [
  { header: 'Expires on', kind: 'date', width: 11, value: (r) => r.line.expires_on },
  { header: 'Kind', kind: 'text', width: 9, value: (r) => r.line.kind },
  { header: 'Days left', kind: 'count', width: 8, value: (r) => r.line.days_left },
  { header: 'SKU', kind: 'text', width: 14, value: (r) => r.line.sku },
  { header: 'Name', kind: 'text', width: 26, value: (r) => r.line.name },
  { header: 'Status', kind: 'text', width: 10, value: (r) => r.line.status },
  { header: 'Category', kind: 'text', width: 16, value: (r) => r.line.category },
  { header: 'Location', kind: 'text', width: 16, value: (r) => r.line.location },
  { header: 'Purchase price', kind: 'money', width: 13, value: (r) => r.line.purchase_price },
];

export const expiriesReport = defineReport({
  key: 'expiries',
  title: 'Warranty and lease expiries',
  filters: ExpiriesFilters,
  async table(db, filters, scope): Promise<ReportTable<ExpiryEntry>> {
    const s = await expiriesScope(db, filters, scope);
    const totals = await repo.expiryTotals(db, s.filter, s.period);
    const kind = filters.kind ? [['Kind', filters.kind] as [string, string]] : [];
    return {
      title: `Warranty and lease expiries ${s.period.from} to ${s.period.to}`,
      fileName: `expiries-${s.period.from}-${s.period.to}`,
      filters: [
        ['Window', `${s.period.from} to ${s.period.to}`],
        ...kind,
        ...(await printFilters(db, filters, scope)),
      ],
      generatedAt: new Date(),
      columns: expiryColumns,
      rows: everyLine(fetchExpiries(db, s), expiryKey),
      totals: [
        `${totals.warranties} warranties, ${totals.leases} leases`,
        ...expiryColumns.slice(1).map(() => null),
      ],
    };
  },
});
