// Time-driven events: a check-out past its expected return and a reservation about to start each produce one
// event, ever, however often this runs (the outbox's occurrence key). The lead's scheduler calls it; so does
// `eis jobs due-events`.
import type { Db } from '../../db/connection.ts';
import { recordEvent } from '../../platform/events.ts';
import { recordUpcomingReservationEvents } from '../reservations/service.ts';
import * as repo from './repo.ts';

/** How far ahead a reservation counts as upcoming for its reminder. */
export const upcomingWindowMs = 24 * 60 * 60 * 1000;
const batch = 500;

export interface DueEvents {
  overdue: number;
  upcoming: number;
}

export async function detectDueEvents(db: Db, now: Date = new Date()): Promise<DueEvents> {
  return db.transaction(async (tx) => {
    let overdue = 0;
    for (let after: { expected: Date; id: number } | undefined, more = true; more;) {
      const rows = await repo.overdue(tx, now, null, after, batch);
      for (const row of rows.slice(0, batch)) {
        const isNew = await recordEvent(tx, {
          type: 'checkout.overdue',
          aggregateType: 'checkout',
          aggregateId: row.id,
          occurrenceKey: `checkout.overdue:${row.id}`,
          payload: {
            item_id: row.item_id,
            assignee_user_id: row.assignee_user_id,
            location_id: row.location_id,
            parent_item_id: row.parent_item_id,
            expected_checkin: row.expected_checkin!.toISOString(),
          },
        });
        if (isNew) overdue++;
      }
      const last = rows[Math.min(rows.length, batch) - 1];
      more = rows.length > batch;
      after = last && { expected: last.expected_checkin!, id: last.id };
    }
    const upcoming = await recordUpcomingReservationEvents(tx, now, upcomingWindowMs);
    return { overdue, upcoming };
  });
}
