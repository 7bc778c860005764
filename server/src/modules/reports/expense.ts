// Depreciation expense for a period: what was charged, by category and by cost centre, with the roll-forward
// from opening to closing book value that proves it; downloadable by category, cost centre or item.
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../../platform/scope.ts';
import { defineReport } from './catalog.ts';
import * as repo from './expense-repo.ts';
import { ExpenseFilters, type Expense, type ExpenseAmounts } from './expense-schemas.ts';
import { money, presentGroup } from './figures.ts';
import { periodHeading } from './heading.ts';
import { itemsInPeriod, type ItemFilter } from './item-filter.ts';
import { byItemId, everyLine, listed } from './keyset.ts';
import type { Period } from './period.ts';
import type { Column, ReportTable } from './table.ts';

function presentAmounts(row: repo.AmountsRow): ExpenseAmounts {
  return {
    items: row.items,
    opening_book_value: money(row.opening_book_value),
    additions: money(row.additions),
    depreciation: money(row.depreciation),
    disposals: money(row.disposals),
    closing_book_value: money(row.closing_book_value),
    not_depreciated: row.not_depreciated,
  };
}

const noItems: repo.AmountsRow = {
  items: 0,
  opening_book_value: '0',
  additions: '0',
  depreciation: '0',
  disposals: '0',
  closing_book_value: '0',
  not_depreciated: 0,
};

async function expenseOf(db: Db, itemFilter: ItemFilter, period: Period): Promise<Expense> {
  const rows = await repo.expenseGroups(db, itemFilter, period);
  const group = presentGroup(presentAmounts);
  return {
    ...period,
    totals: presentAmounts(rows.find((r) => r.dimension === 'total') ?? noItems),
    by_category: rows.filter((r) => r.dimension === 'category').map(group),
    by_cost_centre: rows.filter((r) => r.dimension === 'cost_centre').map(group),
  };
}

export async function depreciationExpense(db: Db, filters: ExpenseFilters, scope: Scope): Promise<Expense> {
  const { filter, period } = await itemsInPeriod(db, filters, scope);
  return expenseOf(db, filter, period);
}

/** A line of a download: a category, a cost centre or an item, with its roll-forward. */
interface ExpenseLine extends Omit<ExpenseAmounts, 'items' | 'not_depreciated'> {
  label: string;
  items?: number;
  sku?: string;
  category?: string | null;
  cost_centre?: string | null;
}

const amountColumns: Column<ExpenseLine>[] = [
  { header: 'Opening book value', kind: 'money', width: 14, value: (r) => r.opening_book_value },
  { header: 'Additions', kind: 'money', width: 14, value: (r) => r.additions },
  { header: 'Depreciation', kind: 'money', width: 14, value: (r) => r.depreciation },
  { header: 'Disposals', kind: 'money', width: 14, value: (r) => r.disposals },
  { header: 'Closing book value', kind: 'money', width: 14, value: (r) => r.closing_book_value },
];

const groupColumns = (header: string): Column<ExpenseLine>[] => [
  { header, kind: 'text', width: 30, value: (r) => r.label },
  { header: 'Items', kind: 'count', width: 8, value: (r) => r.items ?? null },
  ...amountColumns,
];

const itemColumns: Column<ExpenseLine>[] = [
  { header: 'SKU', kind: 'text', width: 14, value: (r) => r.sku ?? null },
  { header: 'Name', kind: 'text', width: 26, value: (r) => r.label },
  { header: 'Category', kind: 'text', width: 18, value: (r) => r.category ?? null },
  { header: 'Cost centre', kind: 'text', width: 18, value: (r) => r.cost_centre ?? null },
  ...amountColumns,
];

export const expenseReport = defineReport({
  key: 'depreciation-expense',
  title: 'Depreciation expense',
  filters: ExpenseFilters,
  async table(db, filters, scope): Promise<ReportTable<ExpenseLine>> {
    const { filter: itemFilter, period } = await itemsInPeriod(db, filters, scope);
    const report = await expenseOf(db, itemFilter, period);
    const { items, not_depreciated: _notDepreciated, ...totals } = report.totals;
    const byItem = filters.group_by === 'item';
    const grouped = filters.group_by === 'cost_centre' ? report.by_cost_centre : report.by_category;
    const fetchItems = async (afterId: number | null, limit: number) =>
      (await repo.expenseItemPage(db, itemFilter, period, afterId, limit)).map(
        (row): ExpenseLine & { item_id: number } => ({
          item_id: Number(row.id),
          label: row.name,
          sku: row.sku,
          category: row.category,
          cost_centre: row.cost_centre,
          opening_book_value: money(row.opening),
          additions: money(row.additions),
          depreciation: money(row.depreciation),
          disposals: money(row.disposals),
          closing_book_value: money(row.closing),
        }),
      );
    const columns = byItem
      ? itemColumns
      : groupColumns(filters.group_by === 'cost_centre' ? 'Cost centre' : 'Category');
    const label = `Total (${items} items)`;
    return {
      ...(await periodHeading(db, scope, filters, {
        title: 'Depreciation expense',
        fileName: 'depreciation-expense',
        period,
        lines: [['Lines', filters.group_by.replace('_', ' ')]],
      })),
      columns,
      rows: byItem
        ? everyLine(fetchItems, byItemId)
        : listed(grouped.map(({ name, ...amounts }) => ({ ...amounts, label: name ?? '(none)' }))),
      totals: columns.map((column) => {
        if (column === columns[0]) return label;
        return column.kind === 'text' ? null : column.value({ ...totals, label, items });
      }),
    };
  },
});
