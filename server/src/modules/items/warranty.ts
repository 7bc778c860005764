// Warranties about to end: listed for a window of days (scoped, soonest first), and turned into one
// `warranty.expiring` event per item as it comes within 90, 60 and 30 days (the outbox's occurrence key, which
// includes the expiry date, so an extended warranty is announced again). `eis jobs warranty-events` runs it.
import type { Db } from '../../db/connection.ts';
import { BadRequestError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { Scope } from '../../platform/scope.ts';
import { presentItem } from './presenter.ts';
import type { WarrantyQuery } from './warranty-schemas.ts';
import * as repo from './warranty-repo.ts';

/** The reminders, widest first: an item is announced at the narrowest of these it has come within. */
export const warrantyThresholds = [90, 60, 30] as const;
const batch = 500;
const today = () => new Date().toISOString().slice(0, 10);

function afterCursor(cursor: string | undefined) {
  if (cursor === undefined) return undefined;
  const [expiry, id] = decodeCursor(cursor, 2);
  if (typeof expiry !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(expiry) || !Number.isSafeInteger(id)) {
    throw new BadRequestError('The cursor is not one this listing issued', [
      { field: 'cursor', message: 'is invalid' },
    ]);
  }
  return { expiry, id: id as number };
}

export async function listExpiringWarranties(db: Db, query: WarrantyQuery, scope: Scope) {
  const rows = await repo.expiringWithin(
    db,
    { from: query.as_of ?? today(), days: query.days, scopeRootId: scope.locationRootId },
    afterCursor(query.cursor),
    query.limit,
  );
  return toPage(
    rows,
    query.limit,
    (r) => [r.warranty_expiry, r.id],
    (r) => ({ ...presentItem(r, scope), days_left: r.days_left }),
  );
}

/** Records the events due on `day` (YYYY-MM-DD); safe to run any number of times, concurrently too. */
export async function detectWarrantyEvents(db: Db, day: string = today()): Promise<number> {
  return db.transaction(async (tx) => {
    let recorded = 0;
    const window = { from: day, days: warrantyThresholds[0], scopeRootId: null };
    for (let after: { expiry: string; id: number } | undefined, more = true; more;) {
      const rows = await repo.expiringWithin(tx, window, after, batch);
      for (const row of rows.slice(0, batch)) {
        const threshold = Math.min(...warrantyThresholds.filter((days) => row.days_left <= days));
        const isNew = await recordEvent(tx, {
          type: 'warranty.expiring',
          aggregateType: 'item',
          aggregateId: row.id,
          occurrenceKey: `warranty.expiring:${row.id}:${row.warranty_expiry}:${threshold}`,
          payload: {
            warranty_expiry: row.warranty_expiry,
            within_days: threshold,
            days_left: row.days_left,
            location_id: row.location_id,
          },
        });
        if (isNew) recorded++;
      }
      const last = rows[Math.min(rows.length, batch) - 1];
      more = rows.length > batch;
      after = last && { expiry: last.warranty_expiry!, id: last.id };
    }
    return recorded;
  });
}
