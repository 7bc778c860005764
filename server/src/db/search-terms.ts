// The search vocabulary: every word of 3+ characters in item names and tags, kept for spelling correction.
// Words are only added; a stale word costs nothing (a correction to it just finds no items).
import { sql } from 'drizzle-orm';
import type { Executor } from './connection.ts';

export async function recordSearchTerms(ex: Executor, texts: string[]): Promise<void> {
  if (!texts.length) return;
  await ex.execute(sql`insert into search_terms (term)
    select distinct w from regexp_split_to_table(lower(${texts.join(' ')}), '[^[:alnum:]]+') as w
    where length(w) between 3 and 100
    on conflict do nothing`);
}

/** Rebuilds the vocabulary from all items (after a bulk load that bypassed the items service). */
export async function rebuildSearchTerms(ex: Executor): Promise<void> {
  await ex.execute(sql`insert into search_terms (term)
    select distinct w from inventory_items, regexp_split_to_table(lower(name || ' ' || eis_tags_text(tags)), '[^[:alnum:]]+') as w
    where length(w) between 3 and 100
    on conflict do nothing`);
}
