// Schedules and runs as the API shows them.
import { isoTimestamp } from '../../platform/schemas.ts';
import type { RunRow, ScheduleRow } from './repo.ts';

type LastRun = { id: number; state: string; scheduled_for: string } | null;

export function presentSchedule(row: ScheduleRow & { last_run: LastRun }) {
  return {
    id: row.id,
    name: row.name,
    report: row.report_key,
    filters: row.filters,
    format: row.format as 'csv' | 'xlsx' | 'pdf',
    cron: row.cron,
    timezone: row.timezone,
    recipients: row.recipients,
    enabled: row.enabled,
    next_run_at: row.next_run_at && isoTimestamp(row.next_run_at),
    last_run: row.last_run && {
      id: Number(row.last_run.id),
      state: row.last_run.state as 'pending' | 'succeeded' | 'failed',
      scheduled_for: isoTimestamp(row.last_run.scheduled_for),
    },
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}

export function presentRun(row: RunRow) {
  return {
    id: row.id,
    schedule_id: row.schedule_id,
    scheduled_for: isoTimestamp(row.scheduled_for),
    state: row.state as 'pending' | 'succeeded' | 'failed',
    attempts: row.attempts,
    next_attempt_at: row.state === 'pending' ? isoTimestamp(row.next_attempt_at) : null,
    error: row.error,
    file_name: row.file_name,
    size_bytes: row.size_bytes,
    delivered_to: row.delivered_to,
    finished_at: row.finished_at && isoTimestamp(row.finished_at),
    download_url: row.state === 'succeeded' ? `/api/v1/report-runs/${row.id}/file` : null,
  };
}
