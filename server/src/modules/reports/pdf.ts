// PDF export with pdfkit: title, filters, generated-at, the table with its header on every page, totals and
// page numbers. Pages are written out as they fill, so the document streams.
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { ReportTable } from './table.ts';

const margin = 36;
const fontSize = 7;
const rowHeight = 11;

/** Cuts text to the column with an ellipsis; pdfkit would otherwise run it into the next column. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export function toPdf<R>(table: ReportTable<R>): Readable {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin,
    info: { Title: table.title, Creator: 'Enterprise Inventory' },
  });
  const usable = doc.page.width - 2 * margin;
  const unit = usable / table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => c.width * unit);
  let pageNumber = 0;

  const footer = () => {
    pageNumber += 1;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start another page
    doc.font('Helvetica').fontSize(fontSize);
    doc.text(`Page ${pageNumber}`, margin, doc.page.height - margin / 2 - fontSize, {
      width: usable,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
    doc.x = margin;
    doc.y = margin;
  };
  const line = (cells: (string | number | null)[], bold = false) => {
    if (doc.y + rowHeight > doc.page.height - margin) {
      doc.addPage();
      line(
        table.columns.map((c) => c.header),
        true,
      );
    }
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    const y = doc.y;
    let x = margin;
    table.columns.forEach((column, i) => {
      const text = fit(doc, String(cells[i] ?? ''), widths[i]! - 4);
      const align = column.kind === 'text' || column.kind === 'date' ? 'left' : 'right';
      doc.text(text, x, y, { width: widths[i]! - 4, align, lineBreak: false });
      x += widths[i]!;
    });
    doc.x = margin;
    doc.y = y + rowHeight;
  };

  doc.on('pageAdded', footer);
  const write = async () => {
    footer();
    doc.font('Helvetica-Bold').fontSize(16).text(table.title);
    doc.font('Helvetica').fontSize(9);
    for (const [label, value] of table.filters) doc.text(`${label}: ${value}`);
    doc.text(`Generated at: ${table.generatedAt.toISOString()}`);
    doc.moveDown();
    line(
      table.columns.map((c) => c.header),
      true,
    );
    for await (const row of table.rows) line(table.columns.map((c) => c.value(row)));
    line(table.totals, true);
    doc.end();
  };
  write().catch((error: unknown) => doc.destroy(error as Error));
  return doc;
}
