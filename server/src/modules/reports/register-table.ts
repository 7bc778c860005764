// The asset register laid out for export: its columns, the filters as printed, and the totals row.
import { today } from '../depreciation/calendar.ts';
import { defineReport } from './catalog.ts';
import { printFilters } from './filters.ts';
import { itemColumns } from './item-lines.ts';
import { RegisterFilters, type RegisterLine, type RegisterTotals } from './schemas.ts';
import * as service from './service.ts';
import type { Column, ReportTable } from './table.ts';

const columns: Column<RegisterLine>[] = [
  ...itemColumns((r: RegisterLine) => r, { name: 28, place: 18 }),
  { header: 'Supplier', kind: 'text', width: 18, value: (r) => r.supplier },
  { header: 'Purchase date', kind: 'date', width: 12, value: (r) => r.purchase_date },
  { header: 'Cost', kind: 'money', width: 14, value: (r) => r.cost },
  { header: 'Accumulated depreciation', kind: 'money', width: 14, value: (r) => r.accumulated_depreciation },
  { header: 'Book value', kind: 'money', width: 14, value: (r) => r.book_value },
];

interface RegisterExport {
  asOf: string;
  /** Filter labels and the names or values chosen, e.g. ['Location', 'Head office']. */
  filters: [string, string][];
  totals: RegisterTotals;
  rows: AsyncIterable<RegisterLine>;
}

function registerTable(r: RegisterExport): ReportTable<RegisterLine> {
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

export const registerReport = defineReport({
  key: 'asset-register',
  title: 'Asset register',
  filters: RegisterFilters,
  async table(db, filters, scope) {
    const asOf = filters.as_of ?? today();
    const filter = await service.registerFilter(db, filters, asOf, scope);
    return registerTable({
      asOf,
      filters: await printFilters(db, filters, scope),
      totals: await service.totalRegister(db, filter),
      rows: service.readRegister(db, filter),
    });
  },
});
