// What a request looks like on the wire.
import { isoTimestamp } from '../../platform/schemas.ts';
import type { RequestDetail } from './repo.ts';

const iso = (value: Date | null) => (value ? isoTimestamp(value) : null);
const itemOf = (id: number | null, sku: string | null, name: string | null) =>
  id === null || sku === null || name === null ? null : { id, sku, name };

export function presentRequest(row: RequestDetail) {
  return {
    id: row.id,
    requester_user_id: row.requester_user_id,
    requester: {
      id: row.requester_user_id,
      display_name: row.requester_display_name,
      email: row.requester_email,
    },
    item_id: row.item_id,
    item: itemOf(row.item_id, row.item_sku, row.item_name),
    category_id: row.category_id,
    category:
      row.category_id === null || row.category_name === null
        ? null
        : { id: row.category_id, name: row.category_name },
    note: row.note,
    needed_from: iso(row.needed_from),
    needed_until: iso(row.needed_until),
    status: row.status as 'pending' | 'approved' | 'declined',
    decided_by: row.decided_by,
    decided_at: iso(row.decided_at),
    decline_reason: row.decline_reason,
    checkout_id: row.checkout_id,
    approved_item_id: row.approved_item_id,
    approved_item: itemOf(row.approved_item_id, row.approved_item_sku, row.approved_item_name),
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}
