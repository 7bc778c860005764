// Excel export through exceljs' streaming writer: typed cells, a bold header row frozen in place, a totals row.
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import type { Column, ReportTable } from './table.ts';

const numberFormats: Partial<Record<Column<unknown>['kind'], string>> = {
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  count: '0',
  number: '0.00',
};

/**
 * Money as a numeric cell. A spreadsheet number is a double and the file holds its shortest decimal text, so a
 * decimal string of up to 15 significant digits is written exactly; one that a double cannot hold to the cent
 * (sums beyond ~10^13) stays text rather than being rounded silently.
 */
export function moneyCell(value: string): number | string {
  const number = Number(value);
  return new Decimal(number).equals(value) ? number : value;
}

function xlsxCell<R>(column: Column<R>, value: string | number | null) {
  if (value === null || typeof value === 'number') return value;
  if (column.kind === 'money') return moneyCell(value);
  // A label in a date column (the totals row's) stays text.
  if (column.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return value;
}

export function toXlsx<R>(table: ReportTable<R>): Readable {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const write = async () => {
    // Excel refuses these characters in a sheet name, and titles carry names people typed.
    const sheet = workbook.addWorksheet(table.title.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = table.columns.map((c) => {
      const numFmt = numberFormats[c.kind];
      return { header: c.header, width: c.width, ...(numFmt && { style: { numFmt } }) };
    });
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const row of table.rows) {
      sheet.addRow(table.columns.map((c) => xlsxCell(c, c.value(row)))).commit();
      if (stream.writableNeedDrain) await once(stream, 'drain');
    }
    const totals = sheet.addRow(table.columns.map((c, i) => xlsxCell(c, table.totals[i] ?? null)));
    totals.font = { bold: true };
    totals.commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => stream.destroy(error as Error));
  return stream;
}
