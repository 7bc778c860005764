// The asset register laid out for export: its columns, the filters as printed, and the totals row.
import type { RegisterLine, RegisterTotals } from './schemas.ts';
import type { Column, ReportTable } from './table.ts';

const columns: Column<RegisterLine>[] = [
  { header: 'SKU', kind: 'text', width: 14, value: (r) => r.sku },
  { header: 'Name', kind: 'text', width: 28, value: (r) => r.name },
  { header: 'Status', kind: 'text', width: 10, value: (r) => r.status },
  { header: 'Category', kind: 'text', width: 18, value: (r) => r.category },
  { header: 'Location', kind: 'text', width: 18, value: (r) => r.location },
  { header: 'Supplier', kind: 'text', width: 18, value: (r) => r.supplier },
  { header: 'Purchase date', kind: 'date', width: 12, value: (r) => r.purchase_date },
  { header: 'Cost', kind: 'money', width: 14, value: (r) => r.cost },
  { header: 'Accumulated depreciation', kind: 'money', width: 14, value: (r) => r.accumulated_depreciation },
  { header: 'Book value', kind: 'money', width: 14, value: (r) => r.book_value },
];

export interface RegisterExport {
  asOf: string;
  /** Filter labels and the names or values chosen, e.g. ['Location', 'Head office']. */
  filters: [string, string][];
  totals: RegisterTotals;
  rows: AsyncIterable<RegisterLine>;
}

export function registerTable(r: RegisterExport): ReportTable<RegisterLine> {
  return {
    title: `Asset register as of ${r.asOf}`,
    fileName: `asset-register-${r.asOf}`,
    filters: [['As of', r.asOf], ...r.filters],
    generatedAt: new Date(),
    columns,
    rows: r.rows,
    totals: [
      `Total (${r.totals.items} items)`,
      null,
      null,
      null,
      null,
      null,
      null,
      r.totals.cost,
      r.totals.accumulated_depreciation,
      r.totals.book_value,
    ],
  };
}
