// What the demo category tree says about each category: depreciation settings, custom field definitions,
// where its items live and how common they are; and the helpers that spell depreciation settings.
import type { customFieldTypes, depreciationMethods } from '../schema.ts';

export type DepreciationMethod = (typeof depreciationMethods)[number];
export type CustomFieldType = (typeof customFieldTypes)[number];

/** What a location is used for; decides which categories of items end up there. */
export type PlaceKind = 'office' | 'meeting' | 'lab' | 'server' | 'storage' | 'garage' | 'van';

export interface FieldDefinitionSeed {
  name: string;
  label: string;
  field_type: CustomFieldType;
  required: boolean;
  options?: string[];
  sensitive?: boolean;
}

export interface DepreciationSeed {
  method: DepreciationMethod;
  /** Annual rate as a NUMERIC(5,4) string. */
  rate: string;
  usefulLifeMonths: number;
  salvageValue: string;
  recoveryPeriod?: 3 | 5 | 7 | 10 | 15 | 20;
}

export interface CategorySeed {
  name: string;
  description: string;
  depreciation: DepreciationSeed;
  /** Leaves only: SKU prefix, share of items, where they are kept, tags that fit them. */
  skuPrefix?: string;
  share?: number;
  placedIn?: PlaceKind[];
  warrantyYears?: [number, number];
  tagPool?: string[];
  /** IT kit gets an `eol-YYYY` tag for its planned end of life. */
  endOfLifeTag?: boolean;
  /** Bulk parts carry no serial numbers. */
  serialNumbers?: false;
  fields?: FieldDefinitionSeed[];
  children?: CategorySeed[];
}

export const straightLine = (years: number, salvage: string): DepreciationSeed => ({
  method: 'straight_line',
  rate: (1 / years).toFixed(4),
  usefulLifeMonths: years * 12,
  salvageValue: salvage,
});
export const doubleDeclining = (years: number, salvage: string): DepreciationSeed => ({
  method: 'double_declining',
  rate: (2 / years).toFixed(4),
  usefulLifeMonths: years * 12,
  salvageValue: salvage,
});
export const macrs = (recoveryPeriod: 5 | 7, salvage: string): DepreciationSeed => ({
  method: 'macrs',
  rate: (1 / recoveryPeriod).toFixed(4),
  usefulLifeMonths: recoveryPeriod * 12,
  salvageValue: salvage,
  recoveryPeriod,
});
