// CSV export: a header row, then the lines as they are read, with backpressure from the response.
import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Column, ReportTable } from './table.ts';

/** A text cell a spreadsheet would run as a formula gets a leading quote (OWASP CSV injection advice). */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell<R>(column: Column<R>, row: R): string | number | null {
  const value = column.value(row);
  return column.kind === 'text' && typeof value === 'string' ? neutralise(value) : value;
}

export function toCsv<R>(table: ReportTable<R>): Readable {
  const out = stringify({ header: true, columns: table.columns.map((c) => c.header) });
  async function* records() {
    for await (const row of table.rows) yield table.columns.map((c) => csvCell(c, row));
  }
  // A failure mid-way destroys `out`, which aborts the response rather than ending a truncated file cleanly.
  pipeline(Readable.from(records()), out, () => {});
  return out;
}
