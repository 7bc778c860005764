// Maintenance shapes: schedules (one-off, every N days or months, or every N units of usage), the work done on
// them, the overdue list and the calendar.
import { z } from 'zod';
import { maintenanceKinds, maintenanceRecurrences, maintenanceStatuses } from '../../db/schema.ts';
import { PageQuery } from '../../platform/pagination.ts';
import { Id, IsoDate, Money } from '../../platform/schemas.ts';
import { Duration } from './duration.ts';

/** A usage counter reading (hours, km …): a decimal string like money, NUMERIC(14,2). */
export const Reading = z
  .string()
  .regex(
    /^\d{1,12}(\.\d{1,2})?$/,
    'must be a non-negative decimal string with at most 2 decimals, e.g. "1250.5"',
  );

const Text = (max: number) => z.string().trim().max(max);

const scheduleFields = {
  maintenance_type: Text(50).min(1).describe('calibration, service, inspection …'),
  kind: z
    .enum(maintenanceKinds)
    .describe('preventive (planned care, the default) or corrective (repairing a failure: counts for MTBF)'),
  description: Text(2000).nullable(),
  scheduled_date: IsoDate.describe('When it is next due (for usage schedules: when it was planned)'),
  estimated_duration: Duration.nullable().describe('ISO 8601 ("PT2H30M") or words ("2 hours 30 minutes")'),
  technician_user_id: Id.nullable().describe(
    'The person doing it; their name fills `technician` if not given',
  ),
  technician: Text(200).nullable().describe('Free text: a name, a contractor'),
  recurrence: z
    .enum(maintenanceRecurrences)
    .describe('none (one-off), every N days, N months, or N usage units'),
  recurrence_interval: z.number().int().min(1).max(100_000).nullable().describe('The N of the recurrence'),
  usage_unit: Text(20).min(1).nullable().describe('For usage recurrence: hours, km, cycles …'),
  usage_reading: Reading.nullable().describe("The usage counter's current reading"),
  next_due_usage: Reading.nullable().describe('The reading at which it falls due (default: reading + N)'),
};

export const CreateSchedule = z
  .object({
    ...scheduleFields,
    scheduled_date: scheduleFields.scheduled_date.optional(),
    description: scheduleFields.description.optional(),
    estimated_duration: scheduleFields.estimated_duration.optional(),
    technician_user_id: scheduleFields.technician_user_id.optional(),
    technician: scheduleFields.technician.optional(),
    kind: scheduleFields.kind.default('preventive'),
    recurrence: scheduleFields.recurrence.default('none'),
    recurrence_interval: scheduleFields.recurrence_interval.optional(),
    usage_unit: scheduleFields.usage_unit.optional(),
    usage_reading: scheduleFields.usage_reading.optional(),
    next_due_usage: scheduleFields.next_due_usage.optional(),
  })
  .strict();
export type CreateSchedule = z.infer<typeof CreateSchedule>;

export const UpdateSchedule = z
  .object({
    ...scheduleFields,
    status: z.enum(['scheduled', 'cancelled']).describe('Cancel a schedule, or bring a cancelled one back'),
  })
  .partial()
  .strict();
export type UpdateSchedule = z.infer<typeof UpdateSchedule>;

export const Part = z
  .object({
    name: Text(200).min(1),
    quantity: z.number().positive().max(1_000_000),
    cost: Money.describe("The line's total cost"),
  })
  .strict();

export const CompleteWork = z
  .object({
    actual_cost: Money.describe('What the work cost in all, parts included'),
    actual_duration: Duration.optional(),
    parts: z.array(Part).max(200).default([]),
    notes: Text(5000).optional(),
  })
  .strict();
export type CompleteWork = z.infer<typeof CompleteWork>;

export const UsageReading = z.object({ reading: Reading }).strict();
export type UsageReading = z.infer<typeof UsageReading>;

export const SchedulesQuery = PageQuery.extend({
  status: z.enum(maintenanceStatuses).optional(),
});
export type SchedulesQuery = z.infer<typeof SchedulesQuery>;

export const OverdueQuery = PageQuery.extend({
  as_of: IsoDate.optional().describe('Overdue as of this date (default today): due before it, not started'),
});
export type OverdueQuery = z.infer<typeof OverdueQuery>;

export const CalendarQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    technician: Text(200).min(1).optional().describe("A technician's user id, or their name as written"),
    location_id: Id.optional().describe('Items at this location or anywhere below it'),
  })
  .strict();
export type CalendarQuery = z.infer<typeof CalendarQuery>;

const ItemRef = z.object({
  id: z.number(),
  sku: z.string(),
  name: z.string(),
  location_id: z.number().nullable(),
});

export const Schedule = z.object({
  id: z.number(),
  item_id: z.number(),
  item: ItemRef,
  maintenance_type: z.string(),
  kind: z.enum(maintenanceKinds),
  description: z.string().nullable(),
  scheduled_date: z.string(),
  next_due_date: z.string().nullable().describe('Null for usage schedules: they fall due by reading'),
  estimated_duration: z.string().nullable(),
  technician_user_id: z.number().nullable(),
  technician: z.string().nullable(),
  recurrence: z.enum(maintenanceRecurrences),
  recurrence_interval: z.number().nullable(),
  usage_unit: z.string().nullable(),
  usage_reading: z.string().nullable(),
  next_due_usage: z.string().nullable(),
  status: z.enum(maintenanceStatuses),
  overdue: z.boolean(),
  started_at: z.string().nullable(),
  started_by: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
});

export const WorkRecord = z.object({
  id: z.number(),
  schedule_id: z.number().nullable(),
  item_id: z.number(),
  maintenance_type: z.string(),
  kind: z.enum(maintenanceKinds),
  scheduled_date: z.string(),
  technician_user_id: z.number().nullable(),
  technician: z.string().nullable(),
  started_at: z.string(),
  completed_at: z.string(),
  completed_by: z.string().nullable(),
  actual_cost: z.string(),
  parts_cost: z.string(),
  actual_duration: z.string().nullable(),
  parts: z.array(z.object({ name: z.string(), quantity: z.number(), cost: z.string() })),
  notes: z.string().nullable(),
  usage_reading: z.string().nullable(),
});

export const Completion = z.object({ record: WorkRecord, schedule: Schedule });

export const Occurrence = z.object({
  date: z.string(),
  projected: z.boolean().describe('A future recurrence, not yet a schedule of its own'),
  schedule_id: z.number(),
  status: z.enum(maintenanceStatuses),
  item: ItemRef,
  maintenance_type: z.string(),
  technician_user_id: z.number().nullable(),
  technician: z.string().nullable(),
  estimated_duration: z.string().nullable(),
});
