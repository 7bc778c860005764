// What an audit and its lines look like on the wire: places named, progress counted, ISO timestamps.
import { isoTimestamp } from '../../platform/schemas.ts';
import type { LineDetail, ProgressRow, StocktakeDetail } from './repo.ts';
import type { StocktakeLine } from './schemas.ts';

const iso = (value: Date | null) => (value ? isoTimestamp(value) : null);

const none: Omit<ProgressRow, 'stocktake_id'> = {
  expected: 0,
  found: 0,
  unexpected: 0,
  moved: 0,
  marked_lost: 0,
};

export function presentProgress(row: Omit<ProgressRow, 'stocktake_id'> = none) {
  return {
    expected: row.expected,
    found: row.found,
    missing: row.expected - row.found,
    unexpected: row.unexpected,
    scanned: row.found + row.unexpected,
    moved: row.moved,
    marked_lost: row.marked_lost,
  };
}

export function presentStocktake(row: StocktakeDetail, progress: ProgressRow | undefined) {
  return {
    id: row.id,
    state: row.state as 'open' | 'closed',
    location_id: row.location_id,
    location: { id: row.location_id, name: row.location_name },
    note: row.note,
    started_by: row.started_by,
    started_at: isoTimestamp(row.started_at),
    closed_by: row.closed_by,
    closed_at: iso(row.closed_at),
    move_unexpected: row.move_unexpected,
    mark_missing_lost: row.mark_missing_lost,
    progress: presentProgress(progress),
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}
export type Stocktake = ReturnType<typeof presentStocktake>;

const place = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export function presentLine(row: LineDetail): StocktakeLine {
  return {
    item_id: row.item_id,
    sku: row.sku,
    name: row.name,
    result: row.result,
    expected_location: place(row.recorded_location_id, row.recorded_location_name),
    scanned_location: place(row.scanned_location_id, row.scanned_location_name),
    scan_count: row.scan_count,
    scanned_by: row.scanned_by,
    scanned_at: iso(row.scanned_at),
    outcome: row.outcome as StocktakeLine['outcome'],
  };
}
