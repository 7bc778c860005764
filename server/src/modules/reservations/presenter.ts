// What a reservation looks like on the wire: the item and person named, ISO timestamps.
import { isoTimestamp } from '../../platform/schemas.ts';
import type { ReservationDetail } from './repo.ts';

export function presentReservation(row: ReservationDetail) {
  return {
    id: row.id,
    item_id: row.item_id,
    item: { id: row.item_id, sku: row.item_sku, name: row.item_name },
    user_id: row.user_id,
    user: { id: row.user_id, display_name: row.user_display_name, email: row.user_email },
    starts_at: isoTimestamp(row.starts_at),
    ends_at: isoTimestamp(row.ends_at),
    note: row.note,
    status: row.status as 'active' | 'cancelled',
    created_by: row.created_by,
    cancelled_at: row.cancelled_at ? isoTimestamp(row.cancelled_at) : null,
    cancelled_by: row.cancelled_by,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}
