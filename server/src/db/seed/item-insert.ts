// Inserts a batch of seed items and their 'created' history rows in one statement. The whole batch travels
// as one JSON parameter, so a batch of any size stays far below PostgreSQL's 65,535 bind parameters.
import { sql } from 'drizzle-orm';
import { blindIndex, sealField } from '../../platform/crypto/field-encryption.ts';
import type { Executor } from '../connection.ts';
import type { ItemSeedRow } from './item-factory.ts';

export async function insertItems(ex: Executor, rows: ItemSeedRow[]): Promise<void> {
  if (rows.length === 0) return;
  // Stored as the items service stores it: the assignee sealed, with its blind index.
  const stored = rows.map((row) =>
    row.assigned_to === null
      ? row
      : { ...row, assigned_to: sealField(row.assigned_to), assigned_to_index: blindIndex(row.assigned_to) },
  );
  await ex.execute(sql`
    with inserted as (
      insert into inventory_items (
        sku, name, description, serial_number, category_id, location_id, supplier_id, status, purchase_date,
        purchase_price, current_value, warranty_expiry, assigned_to, assigned_to_index, specifications,
        custom_fields, tags)
      select
        sku, name, description, serial_number, category_id, location_id, supplier_id, status, purchase_date,
        purchase_price, current_value, warranty_expiry, assigned_to, assigned_to_index, specifications,
        custom_fields, tags
      from jsonb_to_recordset(${JSON.stringify(stored)}::jsonb) as r(
        sku text, name text, description text, serial_number text, category_id bigint, location_id bigint,
        supplier_id bigint, status text, purchase_date date, purchase_price numeric(14, 2),
        current_value numeric(14, 2), warranty_expiry date, assigned_to text, assigned_to_index text, specifications jsonb,
        custom_fields jsonb, tags text[])
      returning id
    )
    insert into asset_history (item_id, action, performed_by, additional_data)
    select id, 'created', 'seed', '{}'::jsonb from inserted`);
}
