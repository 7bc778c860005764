// What a transfer looks like on the wire: both ends named, every item with where it came from, ISO timestamps.
import { isoTimestamp } from '../../platform/schemas.ts';
import type { TransferDetail, TransferItemDetail } from './repo.ts';

const iso = (value: Date | null) => (value ? isoTimestamp(value) : null);

export function presentTransfer(row: TransferDetail, items: TransferItemDetail[]) {
  return {
    id: row.id,
    state: row.state as 'requested' | 'in_transit' | 'received' | 'cancelled',
    to_location_id: row.to_location_id,
    to_location: { id: row.to_location_id, name: row.to_location_name },
    item_ids: items.map((i) => i.item_id),
    items: items.map((i) => ({
      item_id: i.item_id,
      sku: i.sku,
      name: i.name,
      from_location_id: i.from_location_id,
      from_location:
        i.from_location_id === null ? null : { id: i.from_location_id, name: i.from_location_name! },
    })),
    note: row.note,
    capacity_override_reason: row.capacity_override_reason,
    requested_by: row.requested_by,
    requested_at: isoTimestamp(row.requested_at),
    dispatched_by: row.dispatched_by,
    dispatched_at: iso(row.dispatched_at),
    received_by: row.received_by,
    received_at: iso(row.received_at),
    cancelled_by: row.cancelled_by,
    cancelled_at: iso(row.cancelled_at),
    cancel_reason: row.cancel_reason,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}

/** Seen from one location: coming to it, or leaving it. */
export function presentLocationTransfer(
  locationId: number,
  row: TransferDetail,
  items: TransferItemDetail[],
) {
  return {
    ...presentTransfer(row, items),
    direction: row.to_location_id === locationId ? ('incoming' as const) : ('outgoing' as const),
  };
}
