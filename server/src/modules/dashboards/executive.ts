// The executive dashboard: the fleet at a glance for the caller's scope and filters, every figure an aggregate
// query run side by side with the others.
import * as metrics from './metrics.ts';

export async function executiveDashboard(m: metrics.Measure, top: number) {
  const [fleet, maintenance, checkIns, values, depreciation] = await Promise.all([
    metrics.fleet(m),
    metrics.overdueMaintenance(m),
    metrics.overdueCheckIns(m),
    metrics.valuationAt(m, [...metrics.pastMonthEnds(m.today, 12), m.today]),
    metrics.depreciationIn(m, metrics.monthsUpTo(m.today, 1)),
  ]);
  const now = values.at(-1)!;
  return {
    as_of: m.today,
    assets: { total: fleet.total, by_status: fleet.byStatus },
    cost: now.cost,
    book_value: now.book_value,
    depreciation_this_month: depreciation[0]!.depreciation,
    utilisation: metrics.utilisation(fleet),
    overdue: { maintenance, check_ins: checkIns },
    by_category: metrics.topGroups(fleet.byCategory, top),
    by_location: metrics.topGroups(fleet.byLocation, top),
    value_over_time: values
      .slice(0, -1)
      .map(({ as_of, items, book_value }) => ({ month_end: as_of, items, book_value })),
  };
}
