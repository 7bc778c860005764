// Every report that can be exported or scheduled, by key: the filters it takes and how it is laid out as a table.
// A report's own route answers JSON pages; its downloads and scheduled runs all go through its entry here, so a
// report added to the catalogue is exportable and schedulable with nothing more.
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type { Permission } from '../../platform/permissions.ts';
import type { Scope } from '../../platform/scope.ts';
import { writeReport, type FileFormat, type ReportFile } from './export.ts';
import { readInSnapshot } from './snapshot.ts';
import type { ReportTable } from './table.ts';

export interface ReportDefinition<F, R> {
  /** The report's path under /reports, e.g. `asset-register`. */
  key: string;
  title: string;
  /** What reading it takes beyond reports:read, when it shows more (e.g. the audit trail needs audit:read). */
  permission?: Permission;
  /** The report's filters: its query without `format` and paging, as a schedule stores them. */
  filters: z.ZodType<F>;
  /** The whole report for these filters, as the caller may see it; rows are read lazily by the writer. */
  table(db: Db, filters: F, scope: Scope): Promise<ReportTable<R>>;
}

/** A report as the catalogue holds it: filters of any report's shape, checked by that report's schema. */
export interface CatalogEntry {
  key: string;
  title: string;
  permission: Permission;
  filters: z.ZodType;
  /** Checks the filters (a ZodError names a bad one), then writes the report as a file. */
  write(db: Db, filters: unknown, scope: Scope, format: FileFormat): Promise<ReportFile>;
}

export function defineReport<F, R>(report: ReportDefinition<F, R>): CatalogEntry {
  return {
    key: report.key,
    title: report.title,
    permission: report.permission ?? 'reports:read',
    filters: report.filters,
    write: async (db, filters, scope, format) => {
      const parsed = report.filters.parse(filters);
      return readInSnapshot(db, async (snapshot) =>
        writeReport(await report.table(snapshot, parsed, scope), format),
      );
    },
  };
}
