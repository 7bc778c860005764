// Custom field definitions SQL: a category's own definitions, the ones it inherits, and the item values they govern.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { customFieldDefinitions } from '../../db/schema.ts';

export type FieldRow = typeof customFieldDefinitions.$inferSelect;
export type NewField = typeof customFieldDefinitions.$inferInsert;

/** Every look-up by id is scoped to its category, so a field of another category is a 404. */
const inCategory = (categoryId: number, fieldId: number) =>
  and(eq(customFieldDefinitions.category_id, categoryId), eq(customFieldDefinitions.id, fieldId));

export async function listForCategory(ex: Executor, categoryId: number): Promise<FieldRow[]> {
  return ex
    .select()
    .from(customFieldDefinitions)
    .where(eq(customFieldDefinitions.category_id, categoryId))
    .orderBy(asc(customFieldDefinitions.name));
}

/** Definitions of the category and its ancestors, the nearest one per name, by name. */
export async function effective(ex: Executor, categoryId: number): Promise<FieldRow[]> {
  const rows = await queryRows<FieldRow>(
    ex,
    sql`with recursive up(id, parent_category_id, depth) as (
          select id, parent_category_id, 0 from categories where id = ${categoryId}
          union all
          select c.id, c.parent_category_id, up.depth + 1 from categories c join up on c.id = up.parent_category_id
          where up.depth < 100
        )
        select distinct on (f.name)
               f.id::int as id, f.category_id::int as category_id, f.name, f.label, f.field_type, f.required,
               f.options, f.sensitive, f.created_at, f.updated_at, f.version
        from custom_field_definitions f join up on up.id = f.category_id
        order by f.name, up.depth`,
  );
  return rows;
}

/** Which of these field names some category marks sensitive. */
export async function sensitiveNames(ex: Executor, names: string[]): Promise<string[]> {
  const rows = await ex
    .selectDistinct({ name: customFieldDefinitions.name })
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.sensitive, true), inArray(customFieldDefinitions.name, names)));
  return rows.map((r) => r.name);
}

export async function findById(
  ex: Executor,
  categoryId: number,
  fieldId: number,
): Promise<FieldRow | undefined> {
  const [row] = await ex.select().from(customFieldDefinitions).where(inCategory(categoryId, fieldId));
  return row;
}

export async function findForUpdate(
  ex: Executor,
  categoryId: number,
  fieldId: number,
): Promise<FieldRow | undefined> {
  const [row] = await ex
    .select()
    .from(customFieldDefinitions)
    .where(inCategory(categoryId, fieldId))
    .for('update');
  return row;
}

export async function nameTaken(
  ex: Executor,
  categoryId: number,
  name: string,
  exceptId?: number,
): Promise<boolean> {
  const [row] = await ex
    .select({ id: customFieldDefinitions.id })
    .from(customFieldDefinitions)
    .where(
      and(
        eq(customFieldDefinitions.category_id, categoryId),
        eq(customFieldDefinitions.name, name),
        exceptId === undefined ? undefined : ne(customFieldDefinitions.id, exceptId),
      ),
    );
  return row !== undefined;
}

/** Inserts unless the name is already defined on the category; undefined then. */
export async function insert(ex: Executor, values: NewField): Promise<FieldRow | undefined> {
  const [row] = await ex.insert(customFieldDefinitions).values(values).onConflictDoNothing().returning();
  return row;
}

export async function update(ex: Executor, fieldId: number, values: Partial<NewField>): Promise<FieldRow> {
  const [row] = await ex
    .update(customFieldDefinitions)
    .set({ ...values, version: sql`${customFieldDefinitions.version} + 1`, updated_at: sql`now()` })
    .where(eq(customFieldDefinitions.id, fieldId))
    .returning();
  return row!;
}

export async function remove(ex: Executor, fieldId: number): Promise<void> {
  await ex.delete(customFieldDefinitions).where(eq(customFieldDefinitions.id, fieldId));
}

/**
 * Items in the category or below it that hold a value under `name`; with `values`, only those holding one of
 * them. A definition governs the items of its whole subtree, so that is where its values live.
 */
export async function countItemsWithValue(
  ex: Executor,
  categoryId: number,
  name: string,
  values?: string[],
): Promise<number> {
  const valueFilter = values
    ? sql`and i.custom_fields ->> ${name}::text = any(${sql.param(values)}::text[])`
    : sql``;
  const [row] = await queryRows<{ n: number }>(
    ex,
    sql`with recursive down(id) as (
          select id from categories where id = ${categoryId}
          union all
          select c.id from categories c join down on c.parent_category_id = down.id
        )
        select count(*)::int as n from inventory_items i
        where i.category_id in (select id from down) and i.custom_fields ? ${name}::text ${valueFilter}`,
  );
  return row?.n ?? 0;
}
