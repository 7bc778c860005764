// Which depreciation settings apply to an item: each one the item sets overrides its category's, field by field;
// the rate is the category's alone. Categories do not inherit from their parents: every category states a
// method (the column has a default), so borrowing only a parent's life or salvage would mix two categories'
// settings. The SQL valuation applies the same rule with coalesce(item, category).
import { depreciationMethods } from '../../db/schema.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { DepreciationMethod, DepreciationSettings } from './calculator.ts';

export interface ItemSettings {
  category_id: number | null;
  depreciation_method: string | null;
  useful_life_months: number | null;
  salvage_value: string | null;
  recovery_period: number | null;
}

export interface CategorySettings {
  depreciation_method: string;
  depreciation_rate: string | null;
  useful_life_months: number | null;
  salvage_value: string | null;
  recovery_period: number | null;
}

const isMethod = (value: string | null | undefined): value is DepreciationMethod =>
  (depreciationMethods as readonly (string | null | undefined)[]).includes(value);

export function effectiveSettings(
  item: ItemSettings,
  category: CategorySettings | undefined,
): DepreciationSettings {
  const method = item.depreciation_method ?? category?.depreciation_method;
  if (!isMethod(method)) {
    throw ValidationError.field(
      'depreciation_method',
      'is needed: set it on the item or put the item in a category that has one',
    );
  }
  return {
    method,
    rate: category?.depreciation_rate ?? null,
    usefulLifeMonths: item.useful_life_months ?? category?.useful_life_months ?? null,
    salvageValue: item.salvage_value ?? category?.salvage_value ?? null,
    recoveryPeriod: item.recovery_period ?? category?.recovery_period ?? null,
  };
}
