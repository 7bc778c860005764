// Compliance checks on the register: assets without an owner or a location, and warranties and leases ending
// in a window.
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../../platform/scope.ts';
import { today } from '../depreciation/calendar.ts';
import { defineReport } from './catalog.ts';
import { money, moneyOrNull } from './figures.ts';
import * as repo from './compliance-items-repo.ts';
import { ExpiriesFilters, GapsFilters, type ExpiryLine, type GapLine } from './compliance-schemas.ts';
import { z } from 'zod';
import { printFilters } from './filters.ts';
import { given, periodHeading } from './heading.ts';
import { itemFilterFor, itemsInPeriod } from './item-filter.ts';
import { itemColumns, presentItem } from './item-lines.ts';
import { byItemId, everyLine, linePage, type LineKey, type PageRequest } from './keyset.ts';
import { nextNinetyDays, type Period } from './period.ts';
import type { Column, ReportTable } from './table.ts';

// ── Missing an owner or a location ───────────────────────────────────────────────────────────────────────────

const fetchGaps = (db: Db, f: repo.GapsFilter) => async (afterId: number | null, limit: number) =>
  (await repo.gapPage(db, f, afterId, limit)).map((row): GapLine => ({
    ...presentItem(row),
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

export async function missingOwnerOrLocation(db: Db, filters: GapsFilters, scope: Scope, page: PageRequest) {
  const f = await gapsFilter(db, filters, scope);
  const [lines, totals] = await Promise.all([linePage(fetchGaps(db, f), byItemId, page), gapTotals(db, f)]);
  return { totals, ...lines };
}

const gapColumns: Column<GapLine>[] = [
  ...itemColumns((r: GapLine) => r, { name: 28, place: 18 }),
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
    return {
      title: 'Assets without an owner or a location',
      fileName: `missing-owner-or-location-${today()}`,
      filters: [...given('Missing', filters.missing), ...(await printFilters(db, filters, scope))],
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
  const { filter, period } = await itemsInPeriod(db, filters, scope, nextNinetyDays);
  return { filter: { ...filter, kind: filters.kind }, period, today: today() };
}

const fetchExpiries = (db: Db, s: ExpiriesScope) => async (after: repo.ExpiryKey | null, limit: number) =>
  (await repo.expiryPage(db, s.filter, s.period, s.today, after, limit)).map((row): ExpiryEntry => ({
    key: [row.expires_on, Number(row.id), row.kind],
    line: {
      ...presentItem(row),
      kind: row.kind,
      expires_on: row.expires_on,
      days_left: row.days_left,
      purchase_price: moneyOrNull(row.purchase_price),
    },
  }));

export async function expiries(db: Db, filters: ExpiriesFilters, scope: Scope, page: PageRequest) {
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
  ...itemColumns((r: ExpiryEntry) => r.line, { name: 26, place: 16 }),
  { header: 'Purchase price', kind: 'money', width: 13, value: (r) => r.line.purchase_price },
];

export const expiriesReport = defineReport({
  key: 'expiries',
  title: 'Warranty and lease expiries',
  filters: ExpiriesFilters,
  async table(db, filters, scope): Promise<ReportTable<ExpiryEntry>> {
    const s = await expiriesScope(db, filters, scope);
    const totals = await repo.expiryTotals(db, s.filter, s.period);
    return {
      ...(await periodHeading(db, scope, filters, {
        title: 'Warranty and lease expiries',
        fileName: 'expiries',
        period: s.period,
        periodLabel: 'Window',
        lines: given('Kind', filters.kind),
      })),
      columns: expiryColumns,
      rows: everyLine(fetchExpiries(db, s), expiryKey),
      totals: [
        `${totals.warranties} warranties, ${totals.leases} leases`,
        ...expiryColumns.slice(1).map(() => null),
      ],
    };
  },
});
