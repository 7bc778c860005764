// Overdue maintenance produces one `maintenance.overdue` event per occurrence, however often detection runs:
// a date-based schedule once per due date, a usage schedule once per due reading (the outbox's occurrence key).
// `eis jobs maintenance-events` runs it; so may any scheduler, twice at once.
import type { Db } from '../../db/connection.ts';
import { recordEvent } from '../../platform/events.ts';
import { today } from './presenter.ts';
import * as repo from './repo.ts';

const batch = 500;

export async function detectMaintenanceEvents(db: Db, asOf: string = today()): Promise<{ overdue: number }> {
  return db.transaction(async (tx) => {
    let overdue = 0;
    for (let after: { date: string; id: number } | undefined, more = true; more;) {
      const rows = await repo.overdue(tx, asOf, null, after, batch);
      for (const row of rows.slice(0, batch)) {
        const due = row.recurrence === 'usage' ? `usage:${row.next_due_usage}` : row.scheduled_date;
        const isNew = await recordEvent(tx, {
          type: 'maintenance.overdue',
          aggregateType: 'maintenance_schedule',
          aggregateId: row.id,
          occurrenceKey: `maintenance.overdue:${row.id}:${due}`,
          payload: {
            item_id: row.item_id,
            maintenance_type: row.maintenance_type,
            scheduled_date: row.scheduled_date,
            next_due_usage: row.next_due_usage,
            usage_reading: row.usage_reading,
            technician_user_id: row.technician_user_id,
            technician: row.technician,
          },
        });
        if (isNew) overdue++;
      }
      const last = rows[Math.min(rows.length, batch) - 1];
      more = rows.length > batch;
      after = last && { date: last.scheduled_date, id: last.id };
    }
    return { overdue };
  });
}
