// Reading report downloads back in tests: CSV into rows of strings, Excel into a worksheet, PDF page counts.
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';

/** RFC 4180 CSV (quoted fields, doubled quotes, commas and newlines inside quotes) as rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      rows.push([...row, field]);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** The CSV download as objects keyed by its header row. */
export function csvRecords(res: LightMyRequestResponse): Record<string, string>[] {
  const [header, ...rows] = parseCsv(res.body);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

export async function xlsxSheet(res: LightMyRequestResponse): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

/** How many pages a PDF download has (pdfkit writes each page object uncompressed). */
export function pdfPages(res: LightMyRequestResponse): number {
  const pdf = res.rawPayload.toString('latin1');
  if (!pdf.startsWith('%PDF')) throw new Error('not a PDF');
  return pdf.match(/\/Type \/Page\b/g)?.length ?? 0;
}
