// `eis keys rotate`: reseal every encrypted value with the active key (and seal values written before
// encryption), so older keys can then be retired. Walks each table by id in small transactions.
import { and, asc, eq, gt, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { blindIndex, needsResealing, openField, sealField } from '../platform/crypto/field-encryption.ts';
import type { Db } from './connection.ts';
import { assetHistory, inventoryItems, suppliers, users } from './schema.ts';

const batchSize = 500;
type Row = Record<string, unknown>;

interface Target {
  label: string;
  table: PgTable;
  id: PgColumn;
  /** Selected as read through the schema (sealed columns come back opened). */
  columns: Record<string, PgColumn | SQL>;
  /** Rows that may hold sealed values. */
  where: SQL;
  /** The values to write back, or undefined when the row is already sealed with the active key. */
  reseal(row: Row): Row | undefined;
}

/** Sealed text columns: their stored form is read alongside, to see which key sealed it. */
function sealedColumns(
  label: string,
  table: PgTable,
  id: PgColumn,
  columns: Record<string, PgColumn>,
): Target {
  const stored = Object.fromEntries(
    Object.entries(columns).map(([name, column]) => [`stored_${name}`, sql<string | null>`${column}::text`]),
  );
  return {
    label,
    table,
    id,
    columns: { ...columns, ...stored },
    where: or(...Object.values(columns).map((column) => isNotNull(column)))!,
    reseal(row) {
      const stale = Object.keys(columns).filter((name) => {
        const value = row[`stored_${name}`];
        return typeof value === 'string' && needsResealing(value);
      });
      // Writing the opened value back through the schema seals it with the active key.
      return stale.length ? Object.fromEntries(stale.map((name) => [name, row[name]])) : undefined;
    },
  };
}

/** The `{ $sealed }` and `{ $sensitive }` values inside a JSON document, at any depth. */
function resealDocument(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resealDocument);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) =>
      (key === '$sealed' || key === '$sensitive') && typeof v === 'string'
        ? [key, needsResealing(v) ? sealField(openField(v)) : v]
        : [key, resealDocument(v)],
    ),
  );
}

function sealedInDocument(
  label: string,
  table: PgTable,
  id: PgColumn,
  name: string,
  column: PgColumn,
): Target {
  return {
    label,
    table,
    id,
    columns: { [name]: column },
    where: sql`${column}::text like '%"enc:%'`,
    reseal(row) {
      const resealed = resealDocument(row[name]);
      return JSON.stringify(resealed) === JSON.stringify(row[name]) ? undefined : { [name]: resealed };
    },
  };
}

const targets: Target[] = [
  sealedColumns('supplier contacts', suppliers, suppliers.id, {
    contact_name: suppliers.contact_name,
    email: suppliers.email,
    phone: suppliers.phone,
    address: suppliers.address,
  }),
  sealedColumns('MFA secrets', users, users.id, { mfa_secret: users.mfa_secret }),
  sealedColumns('item assignees', inventoryItems, inventoryItems.id, {
    assigned_to: inventoryItems.assigned_to,
  }),
  sealedInDocument(
    'sensitive custom fields',
    inventoryItems,
    inventoryItems.id,
    'custom_fields',
    inventoryItems.custom_fields,
  ),
  sealedInDocument(
    'item history',
    assetHistory,
    assetHistory.id,
    'additional_data',
    assetHistory.additional_data,
  ),
];

export interface ResealReport {
  label: string;
  resealed: number;
}

export async function resealEverything(db: Db, progress: (report: ResealReport) => void): Promise<void> {
  for (const target of targets) {
    let resealed = 0;
    let after = 0;
    for (;;) {
      const batch = (await db
        .select({ id: target.id, ...target.columns })
        .from(target.table)
        .where(and(gt(target.id, after), target.where))
        .orderBy(asc(target.id))
        .limit(batchSize)) as Row[];
      if (!batch.length) break;
      await db.transaction(async (tx) => {
        for (const row of batch) {
          const values = target.reseal(row);
          if (!values) continue;
          if (typeof values.assigned_to === 'string')
            values.assigned_to_index = blindIndex(values.assigned_to);
          await tx
            .update(target.table)
            .set(values)
            .where(eq(target.id, row.id as number));
          resealed++;
        }
      });
      after = batch.at(-1)!.id as number;
    }
    progress({ label: target.label, resealed });
  }
}
