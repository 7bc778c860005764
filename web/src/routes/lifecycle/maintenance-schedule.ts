// The maintenance schedule form's values and the request bodies made from them. Blanks become null, readings
// stay the decimal strings typed; the server judges every value. An edit sends what changed, but the recurrence
// settings always travel together (the server reads them as one plan).
import type { paths } from '../../api/schema.d.ts';
import { orNull } from '../../components/api-form.ts';

export type Schedule =
  paths['/api/v1/maintenance/{id}']['get']['responses'][200]['content']['application/json'];
export type NewScheduleBody = NonNullable<
  paths['/api/v1/items/{id}/maintenance']['post']['requestBody']
>['content']['application/json'];
export type ScheduleChanges = NonNullable<
  paths['/api/v1/maintenance/{id}']['patch']['requestBody']
>['content']['application/json'];
export type Recurrence = Schedule['recurrence'];

export interface ScheduleValues {
  maintenance_type: string;
  description: string;
  recurrence: Recurrence;
  recurrence_interval: string;
  scheduled_date: string;
  technician_user_id: string | null;
  technician: string;
  estimated_duration: string;
  usage_unit: string;
  usage_reading: string;
  next_due_usage: string;
}

export const recurrenceOptions: { value: Recurrence; label: string }[] = [
  { value: 'none', label: 'Once' },
  { value: 'days', label: 'Every N days' },
  { value: 'months', label: 'Every N months' },
  { value: 'usage', label: 'By usage' },
];

export function scheduleValuesOf(s?: Schedule): ScheduleValues {
  return {
    maintenance_type: s?.maintenance_type ?? '',
    description: s?.description ?? '',
    recurrence: s?.recurrence ?? 'none',
    recurrence_interval: s?.recurrence_interval ? String(s.recurrence_interval) : '',
    scheduled_date: s?.scheduled_date ?? '',
    technician_user_id: s?.technician_user_id ? String(s.technician_user_id) : null,
    technician: s?.technician ?? '',
    estimated_duration: s?.estimated_duration ?? '',
    usage_unit: s?.usage_unit ?? '',
    usage_reading: s?.usage_reading ?? '',
    next_due_usage: s?.next_due_usage ?? '',
  };
}

/** "Every 3 months", "Every 500 hours", "Once". */
export function recurrenceText(s: Pick<Schedule, 'recurrence' | 'recurrence_interval' | 'usage_unit'>) {
  const n = s.recurrence_interval;
  if (s.recurrence === 'none' || n === null) return 'Once';
  if (s.recurrence === 'usage') return `Every ${n} ${s.usage_unit ?? 'units'}`;
  const unit = s.recurrence === 'days' ? 'day' : 'month';
  return n === 1 ? `Every ${unit}` : `Every ${n} ${unit}s`;
}

/** A whole number of at least 1, or why not; a one-off needs none. */
export function intervalProblem(v: Pick<ScheduleValues, 'recurrence' | 'recurrence_interval'>) {
  if (v.recurrence === 'none') return null;
  return /^[1-9]\d{0,5}$/.test(v.recurrence_interval.trim()) ? null : 'A whole number, at least 1';
}

const usageFields = ['usage_unit', 'usage_reading', 'next_due_usage'] as const;
const planFields = ['recurrence', 'recurrence_interval', 'scheduled_date', ...usageFields] as const;

export function scheduleBody(v: ScheduleValues): NewScheduleBody {
  const usage = v.recurrence === 'usage';
  return {
    maintenance_type: v.maintenance_type.trim(),
    description: orNull(v.description),
    recurrence: v.recurrence,
    recurrence_interval: v.recurrence === 'none' ? null : Number(v.recurrence_interval.trim()),
    ...(v.scheduled_date && { scheduled_date: v.scheduled_date }),
    estimated_duration: orNull(v.estimated_duration),
    technician_user_id: v.technician_user_id ? Number(v.technician_user_id) : null,
    // Blank with a person chosen: the server names the technician after them.
    technician: orNull(v.technician),
    ...(usage && Object.fromEntries(usageFields.map((f) => [f, orNull(v[f])]))),
  };
}

/** What an edit changed, the whole recurrence plan along if any of it changed. */
export function scheduleChanges(before: ScheduleValues, after: ScheduleValues): ScheduleChanges {
  const was = scheduleBody(before) as Record<string, unknown>;
  const now = scheduleBody(after) as Record<string, unknown>;
  const changed = Object.keys(now).filter((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]));
  const planChanged = changed.some((key) => planFields.some((field) => field === key));
  const keys = new Set([...changed, ...(planChanged ? planFields.filter((key) => key in now) : [])]);
  return Object.fromEntries([...keys].map((key) => [key, now[key]]));
}
