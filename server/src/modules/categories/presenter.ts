// What a category and a custom field definition look like on the wire.
import { isoTimestamp } from '../../platform/schemas.ts';
import type { FieldRow } from './field-repo.ts';
import type { CategoryRef, CategoryWithCounts } from './repo.ts';

export function presentCategory(row: CategoryWithCounts) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    parent_category_id: row.parent_category_id,
    depreciation_rate: row.depreciation_rate,
    depreciation_method: row.depreciation_method,
    useful_life_months: row.useful_life_months,
    salvage_value: row.salvage_value,
    recovery_period: row.recovery_period,
    item_count: row.item_count,
    children_count: row.children_count,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}

export function presentCategoryDetail(row: CategoryWithCounts, path: CategoryRef[]) {
  return { ...presentCategory(row), path };
}

export function presentField(row: FieldRow) {
  return {
    id: row.id,
    category_id: row.category_id,
    name: row.name,
    label: row.label,
    field_type: row.field_type,
    required: row.required,
    options: row.options,
    sensitive: row.sensitive,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}
