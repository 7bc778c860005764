// Maintenance work: starting it sends the item to repair (along the status lifecycle, never while checked out);
// completing it records cost, duration, parts and notes, returns the item to where it was, and moves a recurring
// schedule on to its next occurrence. Each is one transaction with the item's history and an outbox event.
// Concurrent starts of one schedule queue on the schedule's row lock: the first wins, the rest see it started.
import { Decimal } from 'decimal.js';
import type { Db } from '../../db/connection.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/permissions.ts';
import type { Scope } from '../../platform/scope.ts';
import { assertNotCheckedOut, changeCustody, lockItemForCustody } from '../items/service.ts';
import { checkedDuration } from './duration.ts';
import { presentRecord, today } from './presenter.ts';
import { calendarRule, nextOccurrenceAfter } from './recurrence.ts';
import * as repo from './repo.ts';
import type { CompleteWork, UsageReading } from './schemas.ts';
import { getSchedule, lockVisibleSchedule } from './service.ts';

function notInState(row: repo.ScheduleRow, wanted: string, hint: string): ConflictError {
  return new ConflictError(`Maintenance schedule ${row.id} is ${row.status}; ${hint}`, [
    { field: 'status', message: `is ${row.status}, not ${wanted}` },
  ]);
}

/**
 * After work on `row` is done on `doneOn`: a one-off is completed; a calendar recurrence moves to its first
 * occurrence after the later of the due date and the day it was done, keeping its cadence; a usage recurrence
 * falls due N units after the reading at completion.
 */
export function nextState(row: repo.ScheduleRow, doneOn: string): Partial<repo.NewSchedule> {
  const reset = { status: 'scheduled', item_status_before: null, started_at: null, started_by: null };
  const rule = calendarRule(row);
  if (rule) {
    const after = doneOn > row.scheduled_date ? doneOn : row.scheduled_date;
    return { ...reset, scheduled_date: nextOccurrenceAfter(rule, row.scheduled_date, after) };
  }
  if (row.recurrence === 'usage') {
    const base = row.usage_reading ?? row.next_due_usage!;
    return {
      ...reset,
      scheduled_date: doneOn,
      next_due_usage: new Decimal(base).plus(row.recurrence_interval!).toFixed(2),
    };
  }
  return { status: 'completed', item_status_before: null };
}

export async function startWork(
  db: Db,
  id: number,
  expectedVersion: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  await db.transaction(async (tx) => {
    const schedule = await lockVisibleSchedule(tx, id, scope);
    assertVersion(schedule.version, expectedVersion);
    if (schedule.status !== 'scheduled')
      throw notInState(schedule, 'scheduled', 'only scheduled work can start');
    // The item's row lock queues starts of its other schedules, so the check below sees a committed winner.
    const item = await lockItemForCustody(tx, schedule.item_id, scope);
    const other = await repo.inProgressFor(tx, schedule.item_id, id);
    if (other !== undefined) {
      throw new ConflictError(`Item ${schedule.item_id} is already under maintenance (schedule ${other})`, [
        { field: 'item_id', message: `is under maintenance (schedule ${other})` },
      ]);
    }
    await assertNotCheckedOut(tx, item.id);
    await changeCustody(
      tx,
      item,
      { status: 'in_repair', assigned_to: item.assigned_to },
      {
        action: 'maintenance_started',
        notes: schedule.description,
        details: { schedule_id: id, maintenance_type: schedule.maintenance_type },
      },
      actor,
    );
    await repo.update(tx, id, {
      status: 'in_progress',
      item_status_before: item.status,
      started_at: new Date(),
      started_by: actor.label,
    });
    await recordEvent(tx, {
      type: 'maintenance.started',
      aggregateType: 'maintenance_schedule',
      aggregateId: id,
      payload: { item_id: item.id, by: actor.label },
    });
  });
  return getSchedule(db, id, scope);
}

/** Where the item goes back to: its status before the work, unless it was already in repair (then in stock). */
function statusAfterWork(current: string, before: string | null): string {
  if (current !== 'in_repair') return current;
  return before && before !== 'in_repair' ? before : 'in_stock';
}

export async function completeWork(
  db: Db,
  id: number,
  input: CompleteWork,
  expectedVersion: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  const record = await db.transaction(async (tx) => {
    const schedule = await lockVisibleSchedule(tx, id, scope);
    assertVersion(schedule.version, expectedVersion);
    if (schedule.status !== 'in_progress') throw notInState(schedule, 'in_progress', 'start the work first');
    const item = await lockItemForCustody(tx, schedule.item_id, scope);
    const parts = input.parts.map((p) => ({ ...p, cost: new Decimal(p.cost).toFixed(2) }));
    const partsCost = parts.reduce((sum, p) => sum.plus(p.cost), new Decimal(0)).toFixed(2);
    const actualCost = new Decimal(input.actual_cost).toFixed(2);
    const done = await repo.insertRecord(tx, {
      schedule_id: id,
      item_id: item.id,
      maintenance_type: schedule.maintenance_type,
      kind: schedule.kind,
      scheduled_date: schedule.scheduled_date,
      technician: schedule.technician,
      technician_user_id: schedule.technician_user_id,
      started_at: schedule.started_at ?? new Date(),
      completed_by: actor.label,
      actual_cost: actualCost,
      parts_cost: partsCost,
      actual_duration: checkedDuration('actual_duration', input.actual_duration ?? null),
      parts,
      notes: input.notes ?? null,
      usage_reading: schedule.usage_reading,
    });
    const next = nextState(schedule, today());
    await repo.update(tx, id, next);
    const nextDue =
      next.status === 'scheduled'
        ? { scheduled_date: next.scheduled_date ?? null, next_due_usage: next.next_due_usage ?? null }
        : null;
    await changeCustody(
      tx,
      item,
      { status: statusAfterWork(item.status, schedule.item_status_before), assigned_to: item.assigned_to },
      {
        action: 'maintenance_completed',
        notes: input.notes ?? null,
        details: { schedule_id: id, record_id: done.id, actual_cost: actualCost, parts_cost: partsCost },
      },
      actor,
    );
    await recordEvent(tx, {
      type: 'maintenance.completed',
      aggregateType: 'maintenance_schedule',
      aggregateId: id,
      payload: {
        item_id: item.id,
        record_id: done.id,
        actual_cost: actualCost,
        parts_cost: partsCost,
        next: nextDue,
      },
    });
    return done;
  });
  return { record: presentRecord(record), schedule: await getSchedule(db, id, scope) };
}

/** A new reading of a usage schedule's counter: counters only go up. At or past the due reading it is due. */
export async function recordUsage(
  db: Db,
  id: number,
  input: UsageReading,
  expectedVersion: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  await db.transaction(async (tx) => {
    const schedule = await lockVisibleSchedule(tx, id, scope);
    assertVersion(schedule.version, expectedVersion);
    if (schedule.recurrence !== 'usage') {
      throw ValidationError.field('reading', 'this schedule does not recur by usage');
    }
    if (schedule.usage_reading !== null && new Decimal(input.reading).lt(schedule.usage_reading)) {
      throw ValidationError.field(
        'reading',
        `a counter only goes up: the last reading was ${schedule.usage_reading}`,
      );
    }
    const reading = new Decimal(input.reading).toFixed(2);
    await repo.update(tx, id, { usage_reading: reading });
    await recordEvent(tx, {
      type: 'maintenance.usage_recorded',
      aggregateType: 'maintenance_schedule',
      aggregateId: id,
      payload: { item_id: schedule.item_id, reading, unit: schedule.usage_unit, by: actor.label },
    });
  });
  return getSchedule(db, id, scope);
}
