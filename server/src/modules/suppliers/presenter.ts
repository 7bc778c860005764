// What a supplier looks like on the wire.
import { isoTimestamp } from '../../platform/schemas.ts';
import type { SupplierWithCounts } from './repo.ts';

export function presentSupplier(row: SupplierWithCounts) {
  return {
    id: row.id,
    name: row.name,
    contact_name: row.contact_name,
    email: row.email,
    phone: row.phone,
    website: row.website,
    address: row.address,
    notes: row.notes,
    is_preferred: row.is_preferred,
    item_count: row.item_count,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}
