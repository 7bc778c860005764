// A report table written out as a file in the format asked for: for a download, or a scheduled run's mail.
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { toCsv } from './csv.ts';
import { toPdf } from './pdf.ts';
import type { ExportFormat } from './schemas.ts';
import type { ReportTable } from './table.ts';
import { toXlsx } from './xlsx.ts';

export type FileFormat = Exclude<ExportFormat, 'json'>;

const writers = {
  csv: { type: 'text/csv; charset=utf-8', write: toCsv },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: toXlsx,
  },
  pdf: { type: 'application/pdf', write: toPdf },
} as const;

export interface ReportFile {
  fileName: string;
  contentType: string;
  /** Written as it is read: the report's rows are fetched as the consumer pulls. */
  body: Readable;
}

export function writeReport<R>(table: ReportTable<R>, format: FileFormat): ReportFile {
  const writer = writers[format];
  return { fileName: `${table.fileName}.${format}`, contentType: writer.type, body: writer.write(table) };
}

export function sendFile(reply: FastifyReply, file: ReportFile) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);
}
