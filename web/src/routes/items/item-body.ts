// The item form's values and the request body made from them: blanks become null, money stays the decimal
// string that was typed, and the server judges every value.
import type { Item, NewItem } from '../../api/types.ts';

export interface ItemFormValues {
  sku: string;
  name: string;
  status: string;
  description: string;
  serial_number: string;
  category_id: string | null;
  location_id: string | null;
  supplier_id: string | null;
  assigned_to: string;
  purchase_date: string;
  purchase_price: string;
  current_value: string;
  warranty_expiry: string;
  tags: string[];
  specifications: [string, string][];
  custom_fields: Record<string, unknown>;
  /** Chosen once, when the item is created: counted one by one (serial) or as a quantity per location. */
  tracking: 'serial' | 'quantity';
  unit: string;
}

export function formValuesOf(item?: Item): ItemFormValues {
  return {
    sku: item?.sku ?? '',
    name: item?.name ?? '',
    status: item?.status ?? 'in_stock',
    description: item?.description ?? '',
    serial_number: item?.serial_number ?? '',
    category_id: item?.category_id ? String(item.category_id) : null,
    location_id: item?.location_id ? String(item.location_id) : null,
    supplier_id: item?.supplier_id ? String(item.supplier_id) : null,
    assigned_to: item?.assigned_to ?? '',
    purchase_date: item?.purchase_date ?? '',
    purchase_price: item?.purchase_price ?? '',
    current_value: item?.current_value ?? '',
    warranty_expiry: item?.warranty_expiry ?? '',
    tags: item?.tags ?? [],
    specifications: Object.entries(item?.specifications ?? {}).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
    custom_fields: item?.custom_fields ?? {},
    tracking: item?.tracking ?? 'serial',
    unit: item?.unit ?? '',
  };
}

const text = (v: string) => (v.trim() === '' ? null : v.trim());
export const idOf = (v: string | null) => (v ? Number(v) : null);

/** The request body: blanks become null; the server judges every value. */
export function bodyOf(values: ItemFormValues): NewItem {
  return {
    sku: values.sku.trim(),
    name: values.name.trim(),
    status: values.status as Item['status'],
    description: text(values.description),
    serial_number: text(values.serial_number),
    category_id: idOf(values.category_id),
    location_id: idOf(values.location_id),
    supplier_id: idOf(values.supplier_id),
    assigned_to: text(values.assigned_to),
    purchase_date: text(values.purchase_date),
    purchase_price: text(values.purchase_price),
    current_value: text(values.current_value),
    warranty_expiry: text(values.warranty_expiry),
    tags: values.tags,
    specifications: Object.fromEntries(
      values.specifications.filter(([k]) => k.trim()).map(([k, v]) => [k.trim(), v]),
    ),
    custom_fields: Object.fromEntries(
      Object.entries(values.custom_fields).filter(([, v]) => v !== '' && v !== undefined),
    ),
  };
}

/** A new item's body: the fields, and how it is counted (a quantity item's unit defaults to the server's "pcs"). */
export function newItemBodyOf(values: ItemFormValues): NewItem {
  const unit = text(values.unit);
  return {
    ...bodyOf(values),
    ...(values.tracking === 'quantity' && { tracking: 'quantity', ...(unit && { unit }) }),
  };
}
