// Sends a report table as a file download in the format asked for.
import type { FastifyReply } from 'fastify';
import { toCsv } from './csv.ts';
import { toPdf } from './pdf.ts';
import type { ExportFormat } from './schemas.ts';
import type { ReportTable } from './table.ts';
import { toXlsx } from './xlsx.ts';

const writers = {
  csv: { type: 'text/csv; charset=utf-8', write: toCsv },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: toXlsx,
  },
  pdf: { type: 'application/pdf', write: toPdf },
} as const;

export function sendExport<R>(
  reply: FastifyReply,
  table: ReportTable<R>,
  format: Exclude<ExportFormat, 'json'>,
) {
  const writer = writers[format];
  return reply
    .type(writer.type)
    .header('content-disposition', `attachment; filename="${table.fileName}.${format}"`)
    .send(writer.write(table));
}
