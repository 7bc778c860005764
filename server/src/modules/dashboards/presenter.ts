// What a custom dashboard looks like on the wire.
import { isoTimestamp } from '../../platform/schemas.ts';
import type { DashboardRow } from './repo.ts';
import type { Widget } from './schemas.ts';

export function presentDashboard(row: DashboardRow) {
  return {
    id: row.id,
    name: row.name,
    // Stored only after validation against the Widget schema.
    widgets: row.widgets as unknown as Widget[],
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}
