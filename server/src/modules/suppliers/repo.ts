// Suppliers SQL: rows, the count of items bought from each, and the case-insensitive name look-up.
import { and, eq, getTableColumns, ilike, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { containing } from '../../db/like.ts';
import { suppliers } from '../../db/schema.ts';
import {
  afterCursor,
  msTimestamp,
  orderBySql,
  sortSelection,
  type SortKey,
} from '../../platform/pagination.ts';

export type SupplierRow = typeof suppliers.$inferSelect;
export type SupplierWithCounts = SupplierRow & { item_count: number };
export type NewSupplier = typeof suppliers.$inferInsert;

// Correlated subqueries name their tables explicitly: Drizzle renders bare column references unqualified.
const counts = {
  item_count: sql<number>`(select count(*) from inventory_items i where i.supplier_id = "suppliers"."id")::int`,
};

export const sortable = {
  id: { column: sql`${suppliers.id}`, nullable: false },
  name: { column: sql`${suppliers.name}`, nullable: false },
  contact_name: { column: sql`${suppliers.contact_name}`, nullable: true },
  email: { column: sql`${suppliers.email}`, nullable: true },
  is_preferred: { column: sql`${suppliers.is_preferred}`, nullable: false },
  // Ids grow with creation, and unlike the timestamp they are exact in a cursor.
  created_at: { column: sql`${suppliers.id}`, nullable: false },
  updated_at: { column: msTimestamp(suppliers.updated_at), nullable: false },
};

export async function findById(ex: Executor, id: number): Promise<SupplierWithCounts | undefined> {
  const [row] = await ex
    .select({ ...getTableColumns(suppliers), ...counts })
    .from(suppliers)
    .where(eq(suppliers.id, id));
  return row;
}

export async function findForUpdate(ex: Executor, id: number): Promise<SupplierRow | undefined> {
  const [row] = await ex.select().from(suppliers).where(eq(suppliers.id, id)).for('update');
  return row;
}

/** Is the name used by another supplier, ignoring case (as the unique index on lower(name) does)? */
export async function nameTaken(ex: Executor, name: string, exceptId?: number): Promise<boolean> {
  const [row] = await ex
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(
      and(
        sql`lower(${suppliers.name}) = lower(${name})`,
        exceptId === undefined ? undefined : ne(suppliers.id, exceptId),
      ),
    );
  return row !== undefined;
}

export interface ListFilter {
  q?: string | undefined;
  isPreferred?: boolean | undefined;
}

export async function list(
  ex: Executor,
  filter: ListFilter,
  sort: SortKey[],
  cursor: unknown[] | undefined,
  limit: number,
): Promise<SupplierWithCounts[]> {
  const conditions: (SQL | undefined)[] = [
    filter.q
      ? ilike(suppliers.name, containing(filter.q)) // contact details are sealed, so not searchable
      : undefined,
    filter.isPreferred === undefined ? undefined : eq(suppliers.is_preferred, filter.isPreferred),
    cursor ? afterCursor(sort, cursor) : undefined,
  ];
  return ex
    .select({ ...getTableColumns(suppliers), ...counts, ...sortSelection(sort) })
    .from(suppliers)
    .where(and(...conditions))
    .orderBy(orderBySql(sort))
    .limit(limit + 1);
}

export async function insert(ex: Executor, values: NewSupplier): Promise<SupplierRow> {
  const [row] = await ex.insert(suppliers).values(values).returning();
  return row!;
}

export async function update(ex: Executor, id: number, values: Partial<NewSupplier>): Promise<SupplierRow> {
  const [row] = await ex
    .update(suppliers)
    .set({ ...values, version: sql`${suppliers.version} + 1`, updated_at: sql`now()` })
    .where(eq(suppliers.id, id))
    .returning();
  return row!;
}

export async function remove(ex: Executor, id: number): Promise<void> {
  await ex.delete(suppliers).where(eq(suppliers.id, id));
}
