// A widget's data: its source measured with its filters, as one KPI value or labelled points.
import * as metrics from './metrics.ts';
import type { WidgetData } from './schemas.ts';
import { sources, type SourceName } from './sources.ts';

/** Groups shown by name in a category or location series. */
const topGroups = 8;

type Points = { label: string; value: string }[];

const counted = (groups: metrics.Group[]): Points =>
  groups.map((group) => ({ label: group.label, value: String(group.count) }));

const measures: Record<SourceName, (m: metrics.Measure) => Promise<string | Points>> = {
  assets_total: async (m) => String((await metrics.fleet(m)).total),
  assets_by_status: async (m) =>
    (await metrics.fleet(m)).byStatus.map((row) => ({ label: row.status, value: String(row.count) })),
  assets_by_category: async (m) => counted(metrics.topGroups((await metrics.fleet(m)).byCategory, topGroups)),
  assets_by_location: async (m) => counted(metrics.topGroups((await metrics.fleet(m)).byLocation, topGroups)),
  cost: async (m) => (await metrics.valuationAt(m, [m.today]))[0]!.cost,
  book_value: async (m) => (await metrics.valuationAt(m, [m.today]))[0]!.book_value,
  value_over_time: async (m) =>
    (await metrics.valuationAt(m, metrics.pastMonthEnds(m.today, 12))).map((row) => ({
      label: row.as_of,
      value: row.book_value,
    })),
  depreciation_this_month: async (m) =>
    (await metrics.depreciationIn(m, metrics.monthsUpTo(m.today, 1)))[0]!.depreciation,
  depreciation_by_month: async (m) =>
    (await metrics.depreciationIn(m, metrics.monthsUpTo(m.today, 12))).map((row) => ({
      label: row.month_end,
      value: row.depreciation,
    })),
  utilisation: async (m) => metrics.utilisation(await metrics.fleet(m)).ratio.toFixed(4),
  overdue_maintenance: async (m) => String(await metrics.overdueMaintenance(m)),
  overdue_check_ins: async (m) => String(await metrics.overdueCheckIns(m)),
};

export async function widgetData(m: metrics.Measure, source: SourceName): Promise<WidgetData> {
  const { unit } = sources[source];
  const measured = await measures[source](m);
  return typeof measured === 'string'
    ? { source, kind: 'kpi', unit, value: measured }
    : { source, kind: 'series', unit, points: measured };
}
