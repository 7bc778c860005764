// The fixed list of what a widget can show: the executive dashboard's parts, each filterable by location and
// category (each with everything below it) and item status. A KPI source answers one value; a series source
// labelled points.

export const visualisations = ['kpi', 'bar', 'line', 'table'] as const;
export type Visualisation = (typeof visualisations)[number];

export const sourceKinds = ['kpi', 'series'] as const;
type Kind = (typeof sourceKinds)[number];
type Unit = 'count' | 'money' | 'ratio';

interface SourceInfo {
  description: string;
  kind: Kind;
  unit: Unit;
  visualisations: readonly Visualisation[];
}

const kpi = (unit: Unit, description: string): SourceInfo => ({
  description,
  kind: 'kpi',
  unit,
  visualisations: ['kpi'],
});
const series = (unit: Unit, description: string): SourceInfo => ({
  description,
  kind: 'series',
  unit,
  visualisations: ['bar', 'line', 'table'],
});

export const sources = {
  assets_total: kpi('count', 'Items not disposed of (with a status filter: items in that status)'),
  assets_by_status: series('count', 'Items by status'),
  assets_by_category: series('count', 'Items not disposed of by category: the top 8, then Other'),
  assets_by_location: series(
    'count',
    'Items not disposed of by top-level site (or by the children of a location filter)',
  ),
  cost: kpi('money', 'Purchase cost of the items owned today'),
  book_value: kpi('money', 'Book value today of the items owned today'),
  value_over_time: series('money', 'Book value at each of the last 12 month ends'),
  depreciation_this_month: kpi('money', 'Depreciation this month, for items held the whole month'),
  depreciation_by_month: series(
    'money',
    'Depreciation in each of the last 12 months, for items held the whole month',
  ),
  utilisation: kpi(
    'ratio',
    'Share of serialised items in service (in stock, deployed, in repair) deployed or checked out',
  ),
  overdue_maintenance: kpi('count', 'Maintenance due and not started'),
  overdue_check_ins: kpi('count', 'Check-outs past their expected return'),
} satisfies Record<string, SourceInfo>;

export type SourceName = keyof typeof sources;
export const sourceNames = Object.keys(sources) as [SourceName, ...SourceName[]];
