// What stock looks like on the wire: quantities as plain decimal strings ("12.5", not "12.500"), ISO timestamps.
import { Decimal } from 'decimal.js';
import type { stockMovementKinds } from '../../db/schema.ts';
import { isoTimestamp } from '../../platform/schemas.ts';
import type { LevelDetail, LevelEntryRow, MovementRow, ReorderRow } from './repo.ts';

type MovementKind = (typeof stockMovementKinds)[number];

/** "12.500" → "12.5": exact, without the column's trailing zeros. */
export const amount = (value: Decimal.Value): string => new Decimal(value).toFixed();
const optionalAmount = (value: string | null) => (value === null ? null : amount(value));

export function presentLevel(row: LevelDetail, unit: string) {
  const quantity = new Decimal(row.quantity);
  return {
    item_id: row.item_id,
    location_id: row.location_id,
    location_name: row.location_name,
    quantity: amount(quantity),
    unit,
    min_level: optionalAmount(row.min_level),
    reorder_point: optionalAmount(row.reorder_point),
    reorder_quantity: optionalAmount(row.reorder_quantity),
    below_min_level: row.min_level !== null && quantity.lt(row.min_level),
    at_or_below_reorder_point: row.reorder_point !== null && quantity.lte(row.reorder_point),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}

/** A level in a listing across items: the level, and the item it counts. */
export function presentLevelEntry(row: LevelEntryRow) {
  return {
    ...presentLevel(row, row.unit ?? ''),
    item: { id: row.item_id, sku: row.sku, name: row.item_name },
  };
}

export function presentMovement(row: MovementRow) {
  return {
    id: row.id,
    item_id: row.item_id,
    kind: row.kind as MovementKind,
    quantity: amount(row.quantity),
    from_location_id: row.from_location_id,
    to_location_id: row.to_location_id,
    balance_after: amount(row.balance_after),
    reason: row.reason,
    unit_cost: row.unit_cost,
    reference: row.reference,
    issued_to_user_id: row.issued_to_user_id,
    performed_by: row.performed_by,
    created_at: isoTimestamp(row.created_at),
  };
}

/**
 * Whole lots of reorder_quantity that lift the level above the reorder point; without a lot size, what brings
 * the level up to reorder_point + min_level (the point plus the safety stock).
 */
export function suggestedQuantity(
  row: Pick<ReorderRow, 'quantity' | 'min_level' | 'reorder_point' | 'reorder_quantity'>,
): Decimal {
  const quantity = new Decimal(row.quantity);
  const point = new Decimal(row.reorder_point!);
  if (row.reorder_quantity !== null) {
    const lot = new Decimal(row.reorder_quantity);
    return point.minus(quantity).div(lot).floor().plus(1).times(lot);
  }
  return point.plus(row.min_level ?? 0).minus(quantity);
}

export function presentSuggestion(row: ReorderRow) {
  return {
    item: { id: row.item_id, sku: row.sku, name: row.item_name, unit: row.unit ?? '' },
    location: { id: row.location_id, name: row.location_name },
    quantity: amount(row.quantity),
    min_level: optionalAmount(row.min_level),
    reorder_point: amount(row.reorder_point!),
    reorder_quantity: optionalAmount(row.reorder_quantity),
    suggested_quantity: amount(suggestedQuantity(row)),
    supplier:
      row.supplier_id === null || row.supplier_name === null
        ? null
        : { id: row.supplier_id, name: row.supplier_name },
    last_unit_cost: row.last_unit_cost,
  };
}
