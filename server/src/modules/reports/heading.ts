// How an export heads a report: its title, file name, and the filters it was run with, printed by name.
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../../platform/scope.ts';
import { printFilters, type ReportFilters } from './filters.ts';
import type { Period } from './period.ts';
import type { ReportTable } from './table.ts';

type Heading = Pick<ReportTable<unknown>, 'title' | 'fileName' | 'filters' | 'generatedAt'>;

/** A heading line for a filter that was given, none for one that was not. */
export const given = (label: string, value: string | number | undefined): [string, string][] =>
  value === undefined ? [] : [[label, String(value)]];

/**
 * The heading of a report over a period: the dates end its title and file name and lead its filters (as
 * `periodLabel`, 'Period' unless said), then the report's own `lines`, then the usual item filters.
 */
export async function periodHeading(
  db: Db,
  scope: Scope,
  filters: ReportFilters,
  report: {
    title: string;
    fileName: string;
    period: Period;
    periodLabel?: string;
    lines?: [string, string][];
  },
): Promise<Heading> {
  const { from, to } = report.period;
  return {
    title: `${report.title} ${from} to ${to}`,
    fileName: `${report.fileName}-${from}-${to}`,
    filters: [
      [report.periodLabel ?? 'Period', `${from} to ${to}`],
      ...(report.lines ?? []),
      ...(await printFilters(db, filters, scope)),
    ],
    generatedAt: new Date(),
  };
}
