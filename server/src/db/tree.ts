// Locations and categories are trees held by a parent column. What both need: the ids of a subtree (filters,
// counts), the cycle check for a move, and a lock that serialises moves.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from './connection.ts';

export interface Tree {
  table: 'locations' | 'categories';
  parent: 'parent_location_id' | 'parent_category_id';
}

export const locationTree: Tree = { table: 'locations', parent: 'parent_location_id' };
export const categoryTree: Tree = { table: 'categories', parent: 'parent_category_id' };

/** `(select id …)`: the node and every node below it, for `column in ${subtreeIds(…)}`. */
export function subtreeIds(tree: Tree, id: number): SQL {
  return sql`(with recursive down(id) as (
      select ${id}::bigint
      union all
      select t.id from ${sql.raw(tree.table)} t join down on t.${sql.raw(tree.parent)} = down.id
    ) select id from down)`;
}

/** Is `candidate` the node `root` itself or somewhere below it? (Walks up from the candidate: a short path.) */
export async function isInSubtree(
  ex: Executor,
  tree: Tree,
  root: number,
  candidate: number,
): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    ex,
    sql`with recursive up(id, parent, depth) as (
          select id, ${sql.raw(tree.parent)}, 0 from ${sql.raw(tree.table)} where id = ${candidate}
          union all
          select t.id, t.${sql.raw(tree.parent)}, up.depth + 1 from ${sql.raw(tree.table)} t join up on t.id = up.parent
          where up.depth < 100
        )
        select exists(select 1 from up where id = ${root}) as found`,
  );
  return row?.found ?? false;
}

/** Serialises moves within one tree, so two concurrent moves cannot together build a cycle. */
export async function lockTree(ex: Executor, tree: Tree): Promise<void> {
  await ex.execute(sql`select pg_advisory_xact_lock(hashtext(${`${tree.table}.hierarchy`}))`);
}
