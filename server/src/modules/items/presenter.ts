// What an item looks like on the wire: the seed's column names, money as decimal strings, ISO timestamps.
import { reveal, seal } from '../../platform/crypto/sealed-values.ts';
import { isoTimestamp } from '../../platform/schemas.ts';
import type { Scope } from '../../platform/scope.ts';
import type { ItemRow } from './repo.ts';
import type { itemTrackings } from '../../db/schema.ts';
import type { ItemStatus } from './status.ts';

type ItemTracking = (typeof itemTrackings)[number];

/** Custom fields marked sensitive appear only to callers who may see them. */
export function presentItem(row: ItemRow, scope: Pick<Scope, 'seesSensitive'>) {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    serial_number: row.serial_number,
    category_id: row.category_id,
    location_id: row.location_id,
    supplier_id: row.supplier_id,
    status: row.status as ItemStatus,
    purchase_date: row.purchase_date,
    purchase_price: row.purchase_price,
    current_value: row.current_value,
    warranty_expiry: row.warranty_expiry,
    lease_expires_on: row.lease_expires_on,
    assigned_to: row.assigned_to,
    specifications: row.specifications,
    custom_fields: reveal(row.custom_fields, scope.seesSensitive) as Record<string, unknown>,
    tags: row.tags,
    depreciation_method: row.depreciation_method,
    useful_life_months: row.useful_life_months,
    salvage_value: row.salvage_value,
    recovery_period: row.recovery_period,
    tracking: row.tracking as ItemTracking,
    unit: row.unit,
    last_audited_at: row.last_audited_at ? isoTimestamp(row.last_audited_at) : null,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}

/** An item's last state as its history keeps it: personal and sensitive values stay sealed. */
export function historySnapshot(row: ItemRow) {
  return {
    ...presentItem(row, { seesSensitive: true }),
    assigned_to: row.assigned_to === null ? null : seal(row.assigned_to),
    custom_fields: row.custom_fields,
  };
}
