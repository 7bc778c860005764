// Utilisation over a period: per item the share of its time checked out, rolled up per category and location,
// with check-out counts and how long each has been idle; `idle_days` narrows it to the idle assets.
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../../platform/scope.ts';
import { defineReport } from './catalog.ts';
import { printFilters } from './filters.ts';
import { itemFilterFor, type ItemFilter } from './item-filter.ts';
import { byItemId, everyLine, linePage } from './keyset.ts';
import { resolvePeriod, thisMonth, type Period } from './period.ts';
import type { Column, ReportTable } from './table.ts';
import * as repo from './utilisation-repo.ts';
import {
  UtilisationFilters,
  type Usage,
  type UsageGroup,
  type UsageLine,
  type Utilisation,
} from './utilisation-schemas.ts';

const decimal = (value: string | null) => (value === null ? null : Number(value));

function presentUsage(row: repo.UsageSums): Usage & { items: number } {
  return {
    items: row.items,
    available_days: Number(row.available_days),
    deployed_days: Number(row.deployed_days),
    utilisation_percent: decimal(row.utilisation_percent),
    checkouts: row.checkouts,
  };
}

function presentLine(row: repo.UsageLineRow): UsageLine {
  return {
    item_id: Number(row.id),
    sku: row.sku,
    name: row.name,
    status: row.status,
    category: row.category,
    location: row.location,
    available_days: Number(row.available_days),
    deployed_days: Number(row.deployed_days),
    utilisation_percent: decimal(row.utilisation_percent),
    checkouts: row.checkouts,
    idle_days: row.idle_days,
  };
}

interface Scoped {
  filter: ItemFilter;
  period: Period;
  idleDays: number | undefined;
}

async function scoped(db: Db, filters: UtilisationFilters, scope: Scope): Promise<Scoped> {
  return {
    filter: await itemFilterFor(db, filters, scope),
    period: resolvePeriod(filters, thisMonth),
    idleDays: filters.idle_days,
  };
}

async function rollUp(db: Db, s: Scoped) {
  const rows = await repo.utilisationGroups(db, s.filter, s.period, s.idleDays);
  const group = (row: repo.UsageGroupRow): UsageGroup => ({
    id: row.group_id === null ? null : Number(row.group_id),
    name: row.group_name,
    ...presentUsage(row),
  });
  const total = rows.find((r) => r.dimension === 'total');
  return {
    totals: total ? presentUsage(total) : presentUsage({ ...emptySums }),
    by_category: rows.filter((r) => r.dimension === 'category').map(group),
    by_location: rows.filter((r) => r.dimension === 'location').map(group),
  };
}

const emptySums: repo.UsageSums = {
  items: 0,
  available_days: '0',
  deployed_days: '0',
  utilisation_percent: null,
  checkouts: 0,
};

const fetchLines = (db: Db, s: Scoped) => async (afterId: number | null, limit: number) =>
  (await repo.utilisationPage(db, s.filter, s.period, s.idleDays, afterId, limit)).map(presentLine);

export async function utilisation(
  db: Db,
  filters: UtilisationFilters,
  scope: Scope,
  page: { limit: number; cursor?: string | undefined },
): Promise<Utilisation> {
  const s = await scoped(db, filters, scope);
  const [lines, rollUps] = await Promise.all([linePage(fetchLines(db, s), byItemId, page), rollUp(db, s)]);
  return { ...s.period, idle_days: s.idleDays ?? null, ...rollUps, ...lines };
}

const columns: Column<UsageLine>[] = [
  { header: 'SKU', kind: 'text', width: 14, value: (r) => r.sku },
  { header: 'Name', kind: 'text', width: 26, value: (r) => r.name },
  { header: 'Status', kind: 'text', width: 10, value: (r) => r.status },
  { header: 'Category', kind: 'text', width: 18, value: (r) => r.category },
  { header: 'Location', kind: 'text', width: 18, value: (r) => r.location },
  { header: 'Available days', kind: 'number', width: 11, value: (r) => r.available_days },
  { header: 'Deployed days', kind: 'number', width: 11, value: (r) => r.deployed_days },
  { header: 'Utilisation %', kind: 'number', width: 11, value: (r) => r.utilisation_percent },
  { header: 'Check-outs', kind: 'count', width: 10, value: (r) => r.checkouts },
  { header: 'Idle days', kind: 'count', width: 9, value: (r) => r.idle_days },
];

export const utilisationReport = defineReport({
  key: 'utilisation',
  title: 'Utilisation',
  filters: UtilisationFilters,
  async table(db, filters, scope): Promise<ReportTable<UsageLine>> {
    const s = await scoped(db, filters, scope);
    const { totals } = await rollUp(db, s);
    const idle =
      s.idleDays === undefined ? [] : [['Idle for at least', `${s.idleDays} days`] as [string, string]];
    return {
      title: `Utilisation ${s.period.from} to ${s.period.to}`,
      fileName: `utilisation-${s.period.from}-${s.period.to}`,
      filters: [
        ['Period', `${s.period.from} to ${s.period.to}`],
        ...idle,
        ...(await printFilters(db, filters, scope)),
      ],
      generatedAt: new Date(),
      columns,
      rows: everyLine(fetchLines(db, s), byItemId),
      totals: [
        `Total (${totals.items} items)`,
        null,
        null,
        null,
        null,
        totals.available_days,
        totals.deployed_days,
        totals.utilisation_percent,
        totals.checkouts,
        null,
      ],
    };
  },
});
