// What an assignment looks like on the wire: the item and its holder named, ISO timestamps, overdue said.
import { isoTimestamp } from '../../platform/schemas.ts';
import type { CheckoutDetail } from './repo.ts';

const iso = (value: Date | null) => (value ? isoTimestamp(value) : null);

export type TargetType = 'user' | 'location' | 'kit';

export function targetType(row: CheckoutDetail): TargetType {
  if (row.assignee_user_id !== null) return 'user';
  return row.location_id !== null ? 'location' : 'kit';
}

/** "Jane Doe (jane@example.com)", "location 4 (Room 201)", "kit item 9 (Laptop bag)". */
export function describeHolder(row: CheckoutDetail): string {
  switch (targetType(row)) {
    case 'user':
      return `${row.assignee_display_name} (user ${row.assignee_user_id})`;
    case 'location':
      return `location ${row.location_id} (${row.location_name})`;
    case 'kit':
      return `kit item ${row.parent_item_id} (${row.kit_name})`;
  }
}

export function presentAssignment(row: CheckoutDetail, now = new Date()) {
  return {
    id: row.id,
    item_id: row.item_id,
    item: { id: row.item_id, sku: row.item_sku, name: row.item_name, serial_number: row.item_serial_number },
    target_type: targetType(row),
    assignee_user_id: row.assignee_user_id,
    assignee:
      row.assignee_user_id === null
        ? null
        : { id: row.assignee_user_id, display_name: row.assignee_display_name!, email: row.assignee_email! },
    location_id: row.location_id,
    location: row.location_id === null ? null : { id: row.location_id, name: row.location_name! },
    parent_item_id: row.parent_item_id,
    parent_item:
      row.parent_item_id === null ? null : { id: row.parent_item_id, sku: row.kit_sku!, name: row.kit_name! },
    checked_out_at: isoTimestamp(row.checked_out_at),
    checked_out_by: row.checked_out_by,
    expected_checkin: iso(row.expected_checkin),
    note: row.checkout_note,
    accepted_at: iso(row.accepted_at),
    checked_in_at: iso(row.checked_in_at),
    checked_in_by: row.checked_in_by,
    checkin_condition: row.checkin_condition,
    checkin_location_id: row.checkin_location_id,
    checkin_note: row.checkin_note,
    overdue: row.checked_in_at === null && row.expected_checkin !== null && row.expected_checkin < now,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}
