// Who had what: assignment history per item and per person, the caller's own assignments (and acknowledging
// them), and the overdue list. Scoped callers see only items inside their locations.
import type { Db } from '../../db/connection.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { Actor } from '../../platform/permissions.ts';
import type { Scope } from '../../platform/scope.ts';
import { findPerson } from '../identity/users.ts';
import { findVisibleItem, noteItemHistory } from '../items/service.ts';
import { presentAssignment } from './presenter.ts';
import * as repo from './repo.ts';
import { getAssignment } from './service.ts';
import type { AssignmentsQuery, OverdueQuery } from './schemas.ts';

/** The cursor's id (and instant), refused with a 400 if it is not one these listings issued. */
function fromCursor(cursor: string, withInstant: boolean): { id: number; at: Date } {
  const values = decodeCursor(cursor, withInstant ? 2 : 1);
  const id = Number(values[values.length - 1]);
  const at = new Date(withInstant ? String(values[0]) : 0);
  if (!Number.isSafeInteger(id) || Number.isNaN(at.getTime())) {
    throw new BadRequestError('The cursor is not one this listing issued', [
      { field: 'cursor', message: 'is invalid' },
    ]);
  }
  return { id, at };
}

async function page(
  db: Db,
  filter: { itemId?: number; userId?: number; state: repo.State; scopeRootId: number | null },
  query: AssignmentsQuery,
) {
  const beforeId = query.cursor ? fromCursor(query.cursor, false).id : undefined;
  const rows = await repo.list(db, filter, beforeId, query.limit);
  const now = new Date();
  return toPage(
    rows,
    query.limit,
    (r) => [r.id],
    (r) => presentAssignment(r, now),
  );
}

export async function listItemAssignments(db: Db, itemId: number, query: AssignmentsQuery, scope: Scope) {
  if (!(await findVisibleItem(db, itemId, scope))) throw new NotFoundError('Item', itemId);
  return page(db, { itemId, state: query.state ?? 'all', scopeRootId: null }, query);
}

export async function listUserAssignments(db: Db, userId: number, query: AssignmentsQuery, scope: Scope) {
  if (!(await findPerson(db, userId))) throw new NotFoundError('User', userId);
  return page(db, { userId, state: query.state ?? 'all', scopeRootId: scope.locationRootId }, query);
}

/** What is assigned to the caller, wherever it is: their own things are never out of their scope. */
export async function listMyAssignments(db: Db, userId: number, query: AssignmentsQuery) {
  return page(db, { userId, state: query.state ?? 'open', scopeRootId: null }, query);
}

/** The assignee acknowledges receipt; doing it again changes nothing. Anyone else's assignment is not found. */
export async function acceptAssignment(db: Db, id: number, actor: Actor) {
  await db.transaction(async (tx) => {
    const current = await repo.findForUpdate(tx, id);
    if (!current || current.assignee_user_id === null || current.assignee_user_id !== actor.userId) {
      throw new NotFoundError('Assignment', id);
    }
    if (current.accepted_at) return;
    if (current.checked_in_at) throw new ConflictError(`Assignment ${id} has been checked in already`);
    await repo.update(tx, id, { accepted_at: new Date() });
    await noteItemHistory(
      tx,
      current.item_id,
      { action: 'assignment_accepted', details: { checkout_id: id } },
      actor,
    );
    await recordEvent(tx, {
      type: 'checkout.accepted',
      aggregateType: 'checkout',
      aggregateId: id,
      payload: { item_id: current.item_id, user_id: actor.userId },
    });
  });
  return getAssignment(db, id);
}

export async function listOverdue(db: Db, query: OverdueQuery, scope: Scope) {
  const asOf = query.as_of ? new Date(query.as_of) : new Date();
  const after = query.cursor ? fromCursor(query.cursor, true) : undefined;
  const rows = await repo.overdue(
    db,
    asOf,
    scope.locationRootId,
    after && { expected: after.at, id: after.id },
    query.limit,
  );
  return toPage(
    rows,
    query.limit,
    (r) => [r.expected_checkin!.toISOString(), r.id],
    (r) => presentAssignment(r, asOf),
  );
}
