// Reading maintenance across items: what is overdue, the calendar of occurrences in a window (recurrences
// projected into it), and an item's past work. Scoped callers see only items inside their locations.
import type { Db } from '../../db/connection.ts';
import { BadRequestError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { Scope } from '../../platform/scope.ts';
import { findVisibleItem } from '../items/service.ts';
import { getLocation } from '../locations/service.ts';
import { itemOf, presentRecord, presentSchedule, today, type ScheduleStatus } from './presenter.ts';
import { isoDuration } from './duration.ts';
import { addDays, calendarRule, occurrencesBetween } from './recurrence.ts';
import * as repo from './repo.ts';
import type { CalendarQuery, OverdueQuery } from './schemas.ts';
import type { PageQuery } from '../../platform/pagination.ts';
import type { z } from 'zod';

/** The widest calendar window, and the most occurrences one answer holds. */
const maxWindowDays = 366;
const maxOccurrences = 5000;

function invalidCursor(): BadRequestError {
  return new BadRequestError('The cursor is not one this listing issued', [
    { field: 'cursor', message: 'is invalid' },
  ]);
}

export async function listOverdue(db: Db, query: OverdueQuery, scope: Scope) {
  const asOf = query.as_of ?? today();
  let after: { date: string; id: number } | undefined;
  if (query.cursor) {
    const [date, id] = decodeCursor(query.cursor, 2);
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isSafeInteger(id))
      throw invalidCursor();
    after = { date, id: id as number };
  }
  const rows = await repo.overdue(db, asOf, scope.locationRootId, after, query.limit);
  return toPage(
    rows,
    query.limit,
    (r) => [r.scheduled_date, r.id],
    (r) => presentSchedule(r, asOf),
  );
}

export async function listItemRecords(
  db: Db,
  itemId: number,
  query: z.infer<typeof PageQuery>,
  scope: Scope,
) {
  if (!(await findVisibleItem(db, itemId, scope))) throw new NotFoundError('Item', itemId);
  let beforeId: number | undefined;
  if (query.cursor) {
    const [id] = decodeCursor(query.cursor, 1);
    if (!Number.isSafeInteger(id)) throw invalidCursor();
    beforeId = id as number;
  }
  const rows = await repo.recordsForItem(db, itemId, beforeId, query.limit);
  return toPage(rows, query.limit, (r) => [r.id], presentRecord);
}

/** The location filter names a place the caller can see, or the request is refused naming it. */
async function assertLocationKnown(db: Db, locationId: number, scope: Scope): Promise<void> {
  try {
    await getLocation(db, locationId, scope);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    throw ValidationError.field('location_id', `location ${locationId} does not exist`);
  }
}

/**
 * Every occurrence in [from, to]: each open schedule on its due date, and calendar recurrences projected forward
 * from it (marked `projected`). Usage schedules appear on their planned date only: usage cannot be foreseen.
 */
export async function maintenanceCalendar(db: Db, query: CalendarQuery, scope: Scope) {
  if (query.to < query.from) throw ValidationError.field('to', 'must not be before from');
  if (addDays(query.from, maxWindowDays) <= query.to) {
    throw ValidationError.field('to', `the window is at most ${maxWindowDays} days`);
  }
  if (query.location_id !== undefined) await assertLocationKnown(db, query.location_id, scope);
  const rows = await repo.calendarCandidates(
    db,
    {
      from: query.from,
      to: query.to,
      scopeRootId: scope.locationRootId,
      ...(query.location_id !== undefined && { locationId: query.location_id }),
      ...(query.technician !== undefined && { technician: query.technician }),
    },
    maxOccurrences,
  );
  const occurrences = rows.flatMap((row) => {
    const rule = calendarRule(row);
    const dates = rule
      ? occurrencesBetween(rule, row.scheduled_date, query.from, query.to, maxOccurrences)
      : [row.scheduled_date];
    return dates.map((date) => ({
      date,
      projected: date !== row.scheduled_date,
      schedule_id: row.id,
      status: (date === row.scheduled_date ? row.status : 'scheduled') as ScheduleStatus,
      item: itemOf(row),
      maintenance_type: row.maintenance_type,
      technician_user_id: row.technician_user_id,
      technician: row.technician,
      estimated_duration: isoDuration(row.estimated_duration),
    }));
  });
  if (rows.length > maxOccurrences || occurrences.length > maxOccurrences) {
    throw ValidationError.field('to', `more than ${maxOccurrences} occurrences: narrow the window or filter`);
  }
  occurrences.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.schedule_id - b.schedule_id));
  return { data: occurrences };
}
