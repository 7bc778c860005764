// What runs on a schedule, and how often: scheduled reports, event detection for notifications, and the fleet's
// revaluation.
import type { Db } from './db/connection.ts';
import { detectDueEvents } from './modules/assignments/due-events.ts';
import { maintainRollup } from './modules/dashboards/valuation.ts';
import { today } from './modules/depreciation/calendar.ts';
import { revalueFleet } from './modules/depreciation/service.ts';
import { detectWarrantyEvents } from './modules/items/warranty.ts';
import { detectMaintenanceEvents } from './modules/maintenance/overdue-events.ts';
import type { Cache } from './platform/cache.ts';
import type { Job } from './platform/jobs.ts';
import type { Mailer } from './platform/mail.ts';
import { runScheduledReports } from './modules/report-schedules/runner.ts';

const minutes = 60_000;

/** Jobs that change what reports read make the cached answers stale, as a write through the API does. */
export const scheduledJobs = (
  db: Db,
  cache: Pick<Cache, 'invalidate'>,
  mailer: Mailer | undefined,
): Job[] => [
  { name: 'scheduled-reports', everyMs: 1 * minutes, run: () => runScheduledReports(db, mailer) },
  { name: 'due-events', everyMs: 5 * minutes, run: () => detectDueEvents(db) },
  { name: 'maintenance-events', everyMs: 60 * minutes, run: () => detectMaintenanceEvents(db) },
  { name: 'warranty-events', everyMs: 60 * minutes, run: () => detectWarrantyEvents(db) },
  // Keeps the month ends dashboards read valued ahead of need, so no reader waits for a whole-fleet valuation.
  { name: 'valuation-rollup', everyMs: 60 * minutes, run: () => maintainRollup(db, today()) },
  // Book values move at month ends; a daily run keeps current_value true within a day of each, and changes
  // nothing in between.
  {
    name: 'revalue-fleet',
    everyMs: 24 * 60 * minutes,
    run: async () => {
      const revalued = await revalueFleet(db, today());
      if (revalued > 0) await cache.invalidate();
      return revalued;
    },
  },
];
