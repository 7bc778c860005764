// Tags SQL: the tag rows, their usage, and rewriting the tag arrays of the items that carry one.
import { and, eq, getTableColumns, inArray, like, ne, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { startingWith } from '../../db/like.ts';
import { tags } from '../../db/schema.ts';
import { afterCursor, orderBySql, sortSelection, type SortKey } from '../../platform/pagination.ts';

export type TagRow = typeof tags.$inferSelect;
export type TagWithCount = TagRow & { item_count: number };
export type NewTag = typeof tags.$inferInsert;

/** `tagsColumn` holds `name`; `@>` on the array uses the items' GIN index on tags. */
const carries = (tagsColumn: SQL, name: SQL | string) => sql`${tagsColumn} @> array[${name}::text]`;

// Correlated subqueries name their tables explicitly: Drizzle renders bare column references unqualified.
const counts = {
  item_count: sql<number>`(select count(*) from inventory_items i where ${carries(sql`i.tags`, sql`"tags"."name"`)})::int`,
};

export const sortable = {
  id: { column: sql`${tags.id}`, nullable: false },
  name: { column: sql`${tags.name}`, nullable: false },
};

export async function findById(ex: Executor, id: number): Promise<TagWithCount | undefined> {
  const [row] = await ex
    .select({ ...getTableColumns(tags), ...counts })
    .from(tags)
    .where(eq(tags.id, id));
  return row;
}

export async function findForUpdate(ex: Executor, id: number): Promise<TagRow | undefined> {
  const [row] = await ex.select().from(tags).where(eq(tags.id, id)).for('update');
  return row;
}

export async function nameTaken(ex: Executor, name: string, exceptId?: number): Promise<boolean> {
  const [row] = await ex
    .select({ id: tags.id })
    .from(tags)
    .where(and(eq(tags.name, name), exceptId === undefined ? undefined : ne(tags.id, exceptId)));
  return row !== undefined;
}

export async function list(
  ex: Executor,
  prefix: string | undefined,
  sort: SortKey[],
  cursor: unknown[] | undefined,
  limit: number,
): Promise<TagWithCount[]> {
  return ex
    .select({ ...getTableColumns(tags), ...counts, ...sortSelection(sort) })
    .from(tags)
    .where(
      and(
        prefix ? like(tags.name, startingWith(prefix)) : undefined,
        cursor ? afterCursor(sort, cursor) : undefined,
      ),
    )
    .orderBy(orderBySql(sort))
    .limit(limit + 1);
}

export async function insert(ex: Executor, values: NewTag): Promise<TagRow> {
  const [row] = await ex.insert(tags).values(values).returning();
  return row!;
}

export async function update(ex: Executor, id: number, values: Partial<NewTag>): Promise<TagRow> {
  const [row] = await ex
    .update(tags)
    .set({ ...values, version: sql`${tags.version} + 1`, updated_at: sql`now()` })
    .where(eq(tags.id, id))
    .returning();
  return row!;
}

export async function remove(ex: Executor, id: number): Promise<void> {
  await ex.delete(tags).where(eq(tags.id, id));
}

/** Adds the names the tags table does not hold yet; existing ones are left alone. */
export async function insertMissing(ex: Executor, names: string[]): Promise<void> {
  await ex
    .insert(tags)
    .values(names.map((name) => ({ name })))
    .onConflictDoNothing();
}

/**
 * Key-share locks the named tags and returns the names found. A rename or delete of one of them waits for the
 * caller's transaction, and then sees (and rewrites) whatever items it tagged.
 */
export async function lockNames(ex: Executor, names: string[]): Promise<string[]> {
  const rows = await ex
    .select({ name: tags.name })
    .from(tags)
    .where(inArray(tags.name, names))
    .for('key share');
  return rows.map((row) => row.name);
}

/**
 * Rewrites the tags of every item carrying `name` with `rewrite` (an expression over the item's `tags`), bumps
 * each item's version, and appends one asset_history row per item, all in one statement. The rows are locked
 * first (in id order, so two such rewrites cannot deadlock) and `before` is the array the update replaced.
 */
async function rewriteItemTags(
  ex: Executor,
  name: string,
  rewrite: SQL,
  action: 'tag_renamed' | 'tag_removed',
  performedBy: string,
): Promise<number> {
  const rows = await queryRows<{ item_id: number }>(
    ex,
    sql`with carriers as (
          select id, tags from inventory_items where ${carries(sql`tags`, name)} order by id for update
        ), changed as (
          update inventory_items i
          set tags = ${rewrite}, version = i.version + 1, updated_at = now()
          from carriers
          where i.id = carriers.id
          returning i.id, carriers.tags as before, i.tags as after
        )
        insert into asset_history (item_id, action, performed_by, additional_data)
        select id, ${action}::text, ${performedBy}::text,
               jsonb_build_object('changes', jsonb_build_object('tags',
                 jsonb_build_object('before', to_jsonb(before), 'after', to_jsonb(after))))
        from changed
        returning item_id`,
  );
  return rows.length;
}

/** Replaces `from` with `to` on every item; an item already carrying `to` just loses `from`. */
export function renameOnItems(ex: Executor, from: string, to: string, performedBy: string): Promise<number> {
  const rewrite = sql`case when ${carries(sql`i.tags`, to)} then array_remove(i.tags, ${from}::text)
                           else array_replace(i.tags, ${from}::text, ${to}::text) end`;
  return rewriteItemTags(ex, from, rewrite, 'tag_renamed', performedBy);
}

export function removeFromItems(ex: Executor, name: string, performedBy: string): Promise<number> {
  return rewriteItemTags(ex, name, sql`array_remove(i.tags, ${name}::text)`, 'tag_removed', performedBy);
}
