// What maintenance looks like on the wire: the item named, durations in ISO 8601, money and readings as decimal
// strings, and whether a schedule is overdue.
import { Decimal } from 'decimal.js';
import type { maintenanceKinds, maintenanceRecurrences, maintenanceStatuses } from '../../db/schema.ts';
import { isoTimestamp } from '../../platform/schemas.ts';
import { isoDuration } from './duration.ts';
import type { RecordRow, ScheduleDetail } from './repo.ts';

export type ScheduleStatus = (typeof maintenanceStatuses)[number];
type Recurrence = (typeof maintenanceRecurrences)[number];
type Kind = (typeof maintenanceKinds)[number];

const iso = (value: Date | null) => (value ? isoTimestamp(value) : null);

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function itemOf(row: ScheduleDetail) {
  return { id: row.item_id, sku: row.item_sku, name: row.item_name, location_id: row.item_location_id };
}

export function isOverdue(row: ScheduleDetail, asOf: string): boolean {
  if (row.status !== 'scheduled') return false;
  if (row.recurrence !== 'usage') return row.scheduled_date < asOf;
  return row.usage_reading !== null && new Decimal(row.usage_reading).gte(row.next_due_usage!);
}

export function presentSchedule(row: ScheduleDetail, asOf = today()) {
  return {
    id: row.id,
    item_id: row.item_id,
    item: itemOf(row),
    maintenance_type: row.maintenance_type,
    kind: row.kind as Kind,
    description: row.description,
    scheduled_date: row.scheduled_date,
    next_due_date: row.recurrence === 'usage' ? null : row.scheduled_date,
    estimated_duration: isoDuration(row.estimated_duration),
    technician_user_id: row.technician_user_id,
    technician: row.technician,
    recurrence: row.recurrence as Recurrence,
    recurrence_interval: row.recurrence_interval,
    usage_unit: row.usage_unit,
    usage_reading: row.usage_reading,
    next_due_usage: row.next_due_usage,
    status: row.status as ScheduleStatus,
    overdue: isOverdue(row, asOf),
    started_at: iso(row.started_at),
    started_by: row.started_by,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}

export function presentRecord(row: RecordRow) {
  return {
    id: row.id,
    schedule_id: row.schedule_id,
    item_id: row.item_id,
    maintenance_type: row.maintenance_type,
    kind: row.kind as Kind,
    scheduled_date: row.scheduled_date,
    technician_user_id: row.technician_user_id,
    technician: row.technician,
    started_at: isoTimestamp(row.started_at),
    completed_at: isoTimestamp(row.completed_at),
    completed_by: row.completed_by,
    actual_cost: row.actual_cost,
    parts_cost: row.parts_cost,
    actual_duration: isoDuration(row.actual_duration),
    parts: row.parts,
    notes: row.notes,
    usage_reading: row.usage_reading,
  };
}
