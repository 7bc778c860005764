// Utilisation over a period: per item the share of its time checked out, rolled up per category and location,
// with check-out counts and how long each has been idle; `idle_days` narrows it to the idle assets.
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../../platform/scope.ts';
import { defineReport } from './catalog.ts';
import { measureOrNull, presentGroup } from './figures.ts';
import { given, periodHeading } from './heading.ts';
import { itemsInPeriod, type ItemFilter } from './item-filter.ts';
import { itemColumns, presentItem } from './item-lines.ts';
import { byItemId, everyLine, linePage, type PageRequest } from './keyset.ts';
import type { Period } from './period.ts';
import type { Column, ReportTable } from './table.ts';
import * as repo from './utilisation-repo.ts';
import { UtilisationFilters, type Usage, type UsageLine, type Utilisation } from './utilisation-schemas.ts';

function presentUsage(row: Omit<repo.UsageSums, 'items'>): Usage {
  return {
    available_days: Number(row.available_days),
    deployed_days: Number(row.deployed_days),
    utilisation_percent: measureOrNull(row.utilisation_percent),
    checkouts: row.checkouts,
  };
}

const presentSums = (row: repo.UsageSums) => ({ items: row.items, ...presentUsage(row) });

function presentLine(row: repo.UsageLineRow): UsageLine {
  return { ...presentItem(row), ...presentUsage(row), idle_days: row.idle_days };
}

interface Scoped {
  filter: ItemFilter;
  period: Period;
  idleDays: number | undefined;
}

async function scoped(db: Db, filters: UtilisationFilters, scope: Scope): Promise<Scoped> {
  return { ...(await itemsInPeriod(db, filters, scope)), idleDays: filters.idle_days };
}

async function rollUp(db: Db, s: Scoped) {
  const rows = await repo.utilisationGroups(db, s.filter, s.period, s.idleDays);
  const group = presentGroup(presentSums);
  return {
    totals: presentSums(rows.find((r) => r.dimension === 'total') ?? emptySums),
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
  page: PageRequest,
): Promise<Utilisation> {
  const s = await scoped(db, filters, scope);
  const [lines, rollUps] = await Promise.all([linePage(fetchLines(db, s), byItemId, page), rollUp(db, s)]);
  return { ...s.period, idle_days: s.idleDays ?? null, ...rollUps, ...lines };
}

const columns: Column<UsageLine>[] = [
  ...itemColumns((r: UsageLine) => r, { name: 26, place: 18 }),
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
    return {
      ...(await periodHeading(db, scope, filters, {
        title: 'Utilisation',
        fileName: 'utilisation',
        period: s.period,
        lines: given('Idle for at least', s.idleDays === undefined ? undefined : `${s.idleDays} days`),
      })),
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
