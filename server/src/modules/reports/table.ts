// A report as a table, the one shape every export format writes: columns, lines read lazily, totals.

/** `number`: a measure with two decimals (days, a percentage), not money. */
export type CellKind = 'text' | 'date' | 'money' | 'count' | 'number';

export interface Column<R> {
  header: string;
  kind: CellKind;
  /** Relative width in the PDF and characters in the spreadsheet. */
  width: number;
  value: (row: R) => string | number | null;
}

export interface ReportTable<R> {
  title: string;
  /** File name without extension, for Content-Disposition. */
  fileName: string;
  /** The filters applied, as label and value, printed on the PDF. */
  filters: [string, string][];
  generatedAt: Date;
  columns: Column<R>[];
  /** Read once, lazily: exports pull lines as they write them. */
  rows: AsyncIterable<R>;
  /** One value per column (null for none), written as a last, bold row. */
  totals: (string | number | null)[];
}
