// Maintenance over a period: cost, downtime and labour per item and category, mean time between failures, and
// the work overdue today; lines are the items with any of it.
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../../platform/scope.ts';
import { today } from '../depreciation/calendar.ts';
import { defineReport } from './catalog.ts';
import { idOrNull, measureOrNull, money } from './figures.ts';
import { periodHeading } from './heading.ts';
import { itemsInPeriod, type ItemFilter } from './item-filter.ts';
import { byItemId, everyLine, linePage, type PageRequest } from './keyset.ts';
import * as repo from './maintenance-report-repo.ts';
import {
  MaintenanceReportFilters,
  type MaintenanceLine,
  type MaintenanceReport,
  type MaintenanceTotals,
} from './maintenance-report-schemas.ts';
import type { Period } from './period.ts';
import type { Column, ReportTable } from './table.ts';

function presentFigures(row: Omit<repo.MaintenanceSums, 'items'>) {
  return {
    work_orders: row.work_orders,
    corrective: row.corrective,
    cost: money(row.cost),
    parts_cost: money(row.parts_cost),
    downtime_hours: Number(row.downtime_hours),
    labour_hours: Number(row.labour_hours),
    mtbf_days: measureOrNull(row.mtbf_days),
    overdue: row.overdue,
  };
}

function presentLine(row: repo.MaintenanceLineRow): MaintenanceLine {
  return {
    item_id: Number(row.id),
    sku: row.sku,
    name: row.name,
    category: row.category,
    location: row.location,
    ...presentFigures(row),
    oldest_overdue: row.oldest_overdue,
  };
}

const noWork: repo.MaintenanceSums = {
  items: 0,
  work_orders: 0,
  corrective: 0,
  cost: '0',
  parts_cost: '0',
  downtime_hours: '0',
  labour_hours: '0',
  mtbf_days: null,
  overdue: 0,
};

interface Scoped {
  filter: ItemFilter;
  period: Period;
  today: string;
}

async function scoped(db: Db, filters: MaintenanceReportFilters, scope: Scope): Promise<Scoped> {
  return { ...(await itemsInPeriod(db, filters, scope)), today: today() };
}

async function rollUp(db: Db, s: Scoped) {
  const rows = await repo.maintenanceGroups(db, s.filter, s.period, s.today);
  const totals = (row: repo.MaintenanceSums): MaintenanceTotals => ({
    items: row.items,
    ...presentFigures(row),
  });
  return {
    totals: totals(rows.find((r) => r.is_total) ?? noWork),
    by_category: rows
      .filter((r) => !r.is_total)
      .map((r) => ({
        id: idOrNull(r.category_id),
        name: r.category,
        ...totals(r),
      })),
  };
}

const fetchLines = (db: Db, s: Scoped) => async (afterId: number | null, limit: number) =>
  (await repo.maintenancePage(db, s.filter, s.period, s.today, afterId, limit)).map(presentLine);

export async function maintenanceOverview(
  db: Db,
  filters: MaintenanceReportFilters,
  scope: Scope,
  page: PageRequest,
): Promise<MaintenanceReport> {
  const s = await scoped(db, filters, scope);
  const [lines, rollUps] = await Promise.all([linePage(fetchLines(db, s), byItemId, page), rollUp(db, s)]);
  return { ...s.period, overdue_as_of: s.today, ...rollUps, ...lines };
}

const columns: Column<MaintenanceLine>[] = [
  { header: 'SKU', kind: 'text', width: 14, value: (r) => r.sku },
  { header: 'Name', kind: 'text', width: 24, value: (r) => r.name },
  { header: 'Category', kind: 'text', width: 16, value: (r) => r.category },
  { header: 'Location', kind: 'text', width: 16, value: (r) => r.location },
  { header: 'Work orders', kind: 'count', width: 9, value: (r) => r.work_orders },
  { header: 'Corrective', kind: 'count', width: 9, value: (r) => r.corrective },
  { header: 'Cost', kind: 'money', width: 12, value: (r) => r.cost },
  { header: 'Parts cost', kind: 'money', width: 12, value: (r) => r.parts_cost },
  { header: 'Downtime hours', kind: 'number', width: 10, value: (r) => r.downtime_hours },
  { header: 'Labour hours', kind: 'number', width: 10, value: (r) => r.labour_hours },
  { header: 'MTBF days', kind: 'number', width: 9, value: (r) => r.mtbf_days },
  { header: 'Overdue', kind: 'count', width: 8, value: (r) => r.overdue },
  { header: 'Oldest overdue', kind: 'date', width: 11, value: (r) => r.oldest_overdue },
];

export const maintenanceReport = defineReport({
  key: 'maintenance',
  title: 'Maintenance',
  filters: MaintenanceReportFilters,
  async table(db, filters, scope): Promise<ReportTable<MaintenanceLine>> {
    const s = await scoped(db, filters, scope);
    const { totals } = await rollUp(db, s);
    return {
      ...(await periodHeading(db, scope, filters, {
        title: 'Maintenance',
        fileName: 'maintenance',
        period: s.period,
        lines: [['Overdue as of', s.today]],
      })),
      columns,
      rows: everyLine(fetchLines(db, s), byItemId),
      totals: [
        `Total (${totals.items} items)`,
        null,
        null,
        null,
        totals.work_orders,
        totals.corrective,
        totals.cost,
        totals.parts_cost,
        totals.downtime_hours,
        totals.labour_hours,
        totals.mtbf_days,
        totals.overdue,
        null,
      ],
    };
  },
});
