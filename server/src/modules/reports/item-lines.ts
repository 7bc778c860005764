// What every report line about one item starts with (id, SKU, name, status, category, location): the row SQL
// gives, the fields the API shows, and the columns an export prints.
import { z } from 'zod';
import type { Column } from './table.ts';

/** The item's part of a report row; the category and location are their names. */
export interface ItemRow {
  /** A bigint: node-postgres hands it over as a string, PGlite as a number. */
  id: number | string;
  sku: string;
  name: string;
  status: string;
  category: string | null;
  location: string | null;
}

export const ItemLineFields = {
  item_id: z.number(),
  sku: z.string(),
  name: z.string(),
  status: z.string(),
  category: z.string().nullable(),
  location: z.string().nullable(),
};
export type ItemLine = { [K in keyof typeof ItemLineFields]: z.infer<(typeof ItemLineFields)[K]> };

export function presentItem(row: ItemRow): ItemLine {
  return {
    item_id: Number(row.id),
    sku: row.sku,
    name: row.name,
    status: row.status,
    category: row.category,
    location: row.location,
  };
}

/**
 * The SKU, name, status, category and location columns, reading the item from each line with `item`; `widths`
 * set the name's and the two places' widths, which each report balances against its own columns.
 */
export function itemColumns<R>(
  item: (line: R) => ItemLine,
  widths: { name: number; place: number },
): Column<R>[] {
  return [
    { header: 'SKU', kind: 'text', width: 14, value: (r) => item(r).sku },
    { header: 'Name', kind: 'text', width: widths.name, value: (r) => item(r).name },
    { header: 'Status', kind: 'text', width: 10, value: (r) => item(r).status },
    { header: 'Category', kind: 'text', width: widths.place, value: (r) => item(r).category },
    { header: 'Location', kind: 'text', width: widths.place, value: (r) => item(r).location },
  ];
}
