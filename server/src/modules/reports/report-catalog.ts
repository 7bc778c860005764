// The reports the catalogue offers, in the order a user picks from.
import type { CatalogEntry } from './catalog.ts';
import { expiriesReport, gapsReport } from './compliance-items.ts';
import { auditTrailReport, changeLinesReport, changesReport } from './compliance-trail.ts';
import { expenseReport } from './expense.ts';
import { maintenanceReport } from './maintenance-report.ts';
import { stocktakeReport } from '../stocktakes/report.ts';
import { notAuditedReport } from './not-audited.ts';
import { registerReport } from './register-table.ts';
import { occupancyReport } from './utilisation-occupancy.ts';
import { utilisationReport } from './utilisation.ts';

export const reportCatalog: readonly CatalogEntry[] = [
  registerReport,
  expenseReport,
  utilisationReport,
  occupancyReport,
  maintenanceReport,
  auditTrailReport,
  changesReport,
  changeLinesReport,
  gapsReport,
  expiriesReport,
  notAuditedReport,
  stocktakeReport,
];

export function findReport(key: string): CatalogEntry | undefined {
  return reportCatalog.find((r) => r.key === key);
}
