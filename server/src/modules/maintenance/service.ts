// Maintenance schedules: one-off or recurring (every N days, N calendar months, or N units of a usage counter),
// with a technician and an estimated duration. A schedule belongs to an item and is seen exactly where the item
// is: outside the caller's scope it is not found. The work itself (start, complete, readings) is in work.ts.
import { Decimal } from 'decimal.js';
import type { Db, Executor } from '../../db/connection.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { BadRequestError, ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { Actor } from '../../platform/permissions.ts';
import type { Scope } from '../../platform/scope.ts';
import { findPerson } from '../identity/users.ts';
import { findVisibleItem } from '../items/service.ts';
import { checkedDuration } from './duration.ts';
import { presentSchedule, today } from './presenter.ts';
import * as repo from './repo.ts';
import type { CreateSchedule, SchedulesQuery, UpdateSchedule } from './schemas.ts';

/** For reports counting overdue maintenance in their own query: the condition on `maintenance_schedules`. */
export { isOverdue as overdueMaintenanceSql } from './repo.ts';

type PlanInput = Partial<Omit<UpdateSchedule, 'status'>>;

/** A visible schedule, locked for a change; out of scope it is not found. */
export async function lockVisibleSchedule(tx: Executor, id: number, scope: Scope): Promise<repo.ScheduleRow> {
  const row = await repo.findForUpdate(tx, id);
  if (!row || !(await findVisibleItem(tx, row.item_id, scope)))
    throw new NotFoundError('Maintenance schedule', id);
  return row;
}

/**
 * The recurrence settings, checked together: given ones from the input, the rest kept from the current row while
 * the kind of recurrence stays the same (switching kind drops the old kind's settings).
 */
function checkedPlan(input: PlanInput, current?: repo.ScheduleRow) {
  const recurrence = input.recurrence ?? current?.recurrence ?? 'none';
  const keep = current?.recurrence === recurrence;
  const pick = <K extends 'recurrence_interval' | 'usage_unit' | 'next_due_usage'>(key: K) =>
    input[key] !== undefined ? input[key] : keep ? current[key] : null;
  const interval = pick('recurrence_interval');
  const unit = pick('usage_unit');
  let nextDue = pick('next_due_usage');
  const reading = input.usage_reading !== undefined ? input.usage_reading : (current?.usage_reading ?? null);
  const scheduledDate = input.scheduled_date ?? current?.scheduled_date ?? today();

  if (recurrence === 'none' && interval !== null) {
    throw ValidationError.field('recurrence_interval', 'only a recurring schedule has one (set recurrence)');
  }
  if (recurrence !== 'none' && interval === null) {
    throw ValidationError.field('recurrence_interval', `is required to recur by ${recurrence}`);
  }
  if (recurrence === 'usage') {
    if (unit === null)
      throw ValidationError.field('usage_unit', 'is required to recur by usage (hours, km …)');
    nextDue ??= new Decimal(reading ?? 0).plus(interval!).toFixed(2);
  } else {
    for (const field of ['usage_unit', 'next_due_usage'] as const) {
      if (input[field] != null) throw ValidationError.field(field, 'applies only to recurrence by usage');
    }
  }
  return {
    recurrence,
    recurrence_interval: interval,
    recurrence_anchor_day: recurrence === 'months' ? Number(scheduledDate.slice(8, 10)) : null,
    usage_unit: recurrence === 'usage' ? unit : null,
    usage_reading: reading,
    next_due_usage: recurrence === 'usage' ? nextDue : null,
    scheduled_date: scheduledDate,
  };
}

/** The technician as a person (their name filling the free text when none is given), or free text alone. */
async function checkedTechnician(tx: Executor, input: PlanInput, current?: repo.ScheduleRow) {
  const userId = input.technician_user_id;
  if (userId === undefined || userId === null) {
    return {
      technician_user_id: userId === null ? null : (current?.technician_user_id ?? null),
      technician: input.technician !== undefined ? input.technician : (current?.technician ?? null),
    };
  }
  const person = await findPerson(tx, userId);
  if (!person) throw ValidationError.field('technician_user_id', `user ${userId} does not exist`);
  if (!person.is_active) throw ValidationError.field('technician_user_id', `user ${userId} is not active`);
  return { technician_user_id: userId, technician: input.technician ?? person.display_name };
}

export async function getSchedule(ex: Executor, id: number, scope: Scope) {
  const row = await repo.findById(ex, id);
  if (!row || !(await findVisibleItem(ex, row.item_id, scope)))
    throw new NotFoundError('Maintenance schedule', id);
  return presentSchedule(row);
}

export async function listItemSchedules(db: Db, itemId: number, query: SchedulesQuery, scope: Scope) {
  if (!(await findVisibleItem(db, itemId, scope))) throw new NotFoundError('Item', itemId);
  const afterId = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 1)[0];
  if (afterId !== undefined && !Number.isSafeInteger(afterId)) {
    throw new BadRequestError('The cursor is not one this listing issued', [
      { field: 'cursor', message: 'is invalid' },
    ]);
  }
  const rows = await repo.listForItem(db, itemId, query.status, afterId as number | undefined, query.limit);
  const asOf = today();
  return toPage(
    rows,
    query.limit,
    (r) => [r.id],
    (r) => presentSchedule(r, asOf),
  );
}

export async function createSchedule(
  db: Db,
  itemId: number,
  input: CreateSchedule,
  actor: Actor,
  scope: Scope,
) {
  const id = await db.transaction(async (tx) => {
    const item = await findVisibleItem(tx, itemId, scope);
    if (!item) throw new NotFoundError('Item', itemId);
    if (item.status === 'disposed') throw new ConflictError(`Item ${itemId} has been disposed of`);
    const created = await repo.insert(tx, {
      item_id: itemId,
      maintenance_type: input.maintenance_type,
      kind: input.kind,
      description: input.description ?? null,
      estimated_duration: checkedDuration('estimated_duration', input.estimated_duration ?? null),
      ...checkedPlan(input),
      ...(await checkedTechnician(tx, input)),
    });
    await recordEvent(tx, {
      type: 'maintenance.scheduled',
      aggregateType: 'maintenance_schedule',
      aggregateId: created,
      payload: { item_id: itemId, by: actor.label },
    });
    return created;
  });
  return getSchedule(db, id, scope);
}

export async function updateSchedule(
  db: Db,
  id: number,
  input: UpdateSchedule,
  expectedVersion: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  await db.transaction(async (tx) => {
    const current = await lockVisibleSchedule(tx, id, scope);
    assertVersion(current.version, expectedVersion);
    const { status, ...plan } = input;
    if (
      status !== undefined &&
      status !== current.status &&
      !['scheduled', 'cancelled'].includes(current.status)
    ) {
      throw new ConflictError(`Maintenance schedule ${id} is ${current.status}`, [
        { field: 'status', message: `cannot change while ${current.status}` },
      ]);
    }
    checkedDuration('estimated_duration', plan.estimated_duration);
    await repo.update(tx, id, {
      ...plan,
      ...(status !== undefined && { status }),
      ...checkedPlan(plan, current),
      ...(await checkedTechnician(tx, plan, current)),
    });
    await recordEvent(tx, {
      type:
        status === 'cancelled' && current.status !== 'cancelled'
          ? 'maintenance.cancelled'
          : 'maintenance.updated',
      aggregateType: 'maintenance_schedule',
      aggregateId: id,
      payload: { item_id: current.item_id, by: actor.label },
    });
  });
  return getSchedule(db, id, scope);
}

export async function deleteSchedule(
  db: Db,
  id: number,
  expectedVersion: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  await db.transaction(async (tx) => {
    const current = await lockVisibleSchedule(tx, id, scope);
    assertVersion(current.version, expectedVersion);
    if (current.status === 'in_progress') {
      throw new ConflictError(`Maintenance schedule ${id} is in progress; complete it first`, [
        { field: 'status', message: 'is in_progress' },
      ]);
    }
    await repo.remove(tx, id);
    await recordEvent(tx, {
      type: 'maintenance.deleted',
      aggregateType: 'maintenance_schedule',
      aggregateId: id,
      payload: { item_id: current.item_id, by: actor.label },
    });
  });
}

/** For reports counting overdue work in their own query: the condition on `maintenance_schedules` (not aliased). */
export { isOverdue as overdueScheduleSql } from './repo.ts';
