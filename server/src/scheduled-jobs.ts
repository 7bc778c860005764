// What runs on a schedule, and how often: event detection for notifications, and the fleet's revaluation.
import type { Db } from './db/connection.ts';
import { detectDueEvents } from './modules/assignments/due-events.ts';
import { today } from './modules/depreciation/calendar.ts';
import { revalueFleet } from './modules/depreciation/service.ts';
import { detectWarrantyEvents } from './modules/items/warranty.ts';
import { detectMaintenanceEvents } from './modules/maintenance/overdue-events.ts';
import type { Job } from './platform/jobs.ts';

const minutes = 60_000;

export const scheduledJobs = (db: Db): Job[] => [
  { name: 'due-events', everyMs: 5 * minutes, run: () => detectDueEvents(db) },
  { name: 'maintenance-events', everyMs: 60 * minutes, run: () => detectMaintenanceEvents(db) },
  { name: 'warranty-events', everyMs: 60 * minutes, run: () => detectWarrantyEvents(db) },
  // Book values move at month ends; a daily run keeps current_value true within a day of each, and changes
  // nothing in between.
  { name: 'revalue-fleet', everyMs: 24 * 60 * minutes, run: () => revalueFleet(db, today()) },
];
