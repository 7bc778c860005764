// Physical audits in the web app: their shapes from the generated schema, the queries the screens share, and the
// report download (fetched with the session's token, then saved under the server's file name).
import { api, must } from '../../api/client.ts';
import { toApiError } from '../../api/problem.ts';
import type { paths } from '../../api/schema.d.ts';

type ReportPage =
  paths['/api/v1/stocktakes/{id}/report']['get']['responses'][200]['content']['application/json'];
export type Stocktake = ReportPage['stocktake'];
export type AuditLine = ReportPage['data'][number];
export type AuditResult = AuditLine['result'];
export type ScanResult =
  paths['/api/v1/stocktakes/{id}/scans']['post']['responses'][201]['content']['application/json'];

/** Lines a screen lists per result; the counts are exact whatever the size, the download has every line. */
export const linesShown = 200;

export const auditKey = (id: number) => ['stocktakes', id] as const;
export const linesKey = (id: number, result: AuditResult) => ['stocktakes', id, 'lines', result] as const;

export function fetchLines(id: number, result: AuditResult) {
  return must(
    api.GET('/api/v1/stocktakes/{id}/report', {
      params: { path: { id }, query: { result, limit: linesShown } },
    }),
  );
}

export const reportFormats = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'Excel' },
  { format: 'pdf', label: 'PDF' },
] as const;
export type ReportFormat = (typeof reportFormats)[number]['format'];

export async function downloadReport(id: number, format: ReportFormat): Promise<void> {
  const { data, error, response } = await api.GET('/api/v1/stocktakes/{id}/report', {
    params: { path: { id }, query: { format } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw toApiError(error, response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `stocktake-${id}.${format}`;
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
