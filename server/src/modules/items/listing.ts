// Item search and listing SQL: full-text with word prefixes, spelling correction against the search vocabulary,
// filters over category and location subtrees, keyset or relevance paging, and facet counts in one grouped scan.
import { and, arrayContains, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { startingWith } from '../../db/like.ts';
import { blindIndexes } from '../../platform/crypto/field-encryption.ts';
import { inventoryItems as items } from '../../db/schema.ts';
import { categoryTree, locationTree, subtreeIds } from '../../db/tree.ts';
import {
  afterCursor,
  msTimestamp,
  orderBySql,
  sortSelection,
  type SortKey,
} from '../../platform/pagination.ts';
import { itemColumns, type ItemRow } from './repo.ts';

export interface ItemFilter {
  /** Only items placed in this location subtree (the caller's scope). */
  scopeRootId?: number | null | undefined;
  q?: string | undefined;
  status?: string[] | undefined;
  categoryId?: number | undefined;
  locationId?: number | undefined;
  supplierId?: number | undefined;
  tags?: string[] | undefined;
  assignedTo?: string | undefined;
  warrantyExpiringBefore?: string | undefined;
  purchasedFrom?: string | undefined;
  purchasedTo?: string | undefined;
  priceMin?: string | undefined;
  priceMax?: string | undefined;
  valueMin?: string | undefined;
  valueMax?: string | undefined;
  customFields: Record<string, string>;
}

export const sortable = {
  id: { column: sql`${items.id}`, nullable: false },
  // Ids grow with creation, and unlike the timestamp they are exact in a cursor.
  created_at: { column: sql`${items.id}`, nullable: false },
  updated_at: { column: msTimestamp(items.updated_at), nullable: false },
  sku: { column: sql`${items.sku}`, nullable: false },
  name: { column: sql`${items.name}`, nullable: false },
  status: { column: sql`${items.status}`, nullable: false },
  purchase_date: { column: sql`${items.purchase_date}`, nullable: true },
  purchase_price: { column: sql`${items.purchase_price}`, nullable: true },
  current_value: { column: sql`${items.current_value}`, nullable: true },
  warranty_expiry: { column: sql`${items.warranty_expiry}`, nullable: true },
};

function searchWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 10);
}

/**
 * How the words of a search match an item's text, stemmed like it: `prefixes` (`lapt del` → `lapt:* & del:*`,
 * for words still being typed) or whole `words` (`lapt & del`).
 */
type WordMatch = 'words' | 'prefixes';

function textQuery(q: string, match: WordMatch): SQL | undefined {
  const words = searchWords(q);
  if (!words.length) return undefined;
  const terms = match === 'prefixes' ? words.map((w) => `${w}:*`) : words;
  return sql`to_tsquery('english', ${terms.join(' & ')})`;
}

/** A SKU or serial number starting with `q`, ignoring case: a range of its prefix index. */
function codeStartsWith(column: typeof items.sku | typeof items.serial_number, q: string): SQL {
  return sql`lower(${column}) like lower(${startingWith(q)})`;
}

function searchCondition(q: string): SQL {
  const tsquery = textQuery(q, 'prefixes');
  return or(
    tsquery ? sql`${items.search_vector} @@ ${tsquery}` : undefined,
    codeStartsWith(items.sku, q),
    codeStartsWith(items.serial_number, q),
  )!;
}

export function relevance(q: string): SQL<number> {
  const tsquery = textQuery(q, 'prefixes');
  return sql<number>`(
    (lower(${items.sku}) = lower(${q}) or lower(${items.serial_number}) = lower(${q}))::int * 10
    + ${tsquery ? sql`ts_rank(${items.search_vector}, ${tsquery})` : sql`0`})`;
}

/**
 * "lattitude thinkpda" → "latitude thinkpad": each word replaced by the most similar word items actually use
 * (trigram similarity over the small vocabulary, not over every item). Undefined when nothing changes.
 */
export async function correctSpelling(ex: Executor, q: string): Promise<string | undefined> {
  const words = searchWords(q);
  const corrected = await Promise.all(
    words.map(async (word) => {
      if (word.length < 3) return word;
      const [best] = await queryRows<{ term: string }>(
        ex,
        sql`select term from search_terms where term % ${word} order by similarity(term, ${word}) desc, term limit 1`,
      );
      return best?.term ?? word;
    }),
  );
  const result = corrected.join(' ');
  return result !== words.join(' ') ? result : undefined;
}

/** `cf.ram_gb=16` matches the JSON number 16 or the string "16". */
function customFieldCondition(name: string, value: string): SQL {
  const asText = sql`${items.custom_fields} @> ${JSON.stringify({ [name]: value })}::jsonb`;
  let typed: unknown;
  try {
    typed = JSON.parse(value);
  } catch {
    return asText;
  }
  return typeof typed === 'number' || typeof typed === 'boolean'
    ? or(asText, sql`${items.custom_fields} @> ${JSON.stringify({ [name]: typed })}::jsonb`)!
    : asText;
}

export function filterConditions(f: ItemFilter): SQL | undefined {
  return and(
    f.scopeRootId ? sql`${items.location_id} in ${subtreeIds(locationTree, f.scopeRootId)}` : undefined,
    f.q ? searchCondition(f.q) : undefined,
    f.status ? inArray(items.status, f.status) : undefined,
    f.categoryId ? sql`${items.category_id} in ${subtreeIds(categoryTree, f.categoryId)}` : undefined,
    f.locationId ? sql`${items.location_id} in ${subtreeIds(locationTree, f.locationId)}` : undefined,
    f.supplierId ? eq(items.supplier_id, f.supplierId) : undefined,
    f.tags ? arrayContains(items.tags, f.tags) : undefined,
    // Sealed at rest: matched whole (ignoring case) through its blind index, under every configured key.
    f.assignedTo ? inArray(items.assigned_to_index, blindIndexes(f.assignedTo)) : undefined,
    f.warrantyExpiringBefore ? lt(items.warranty_expiry, f.warrantyExpiringBefore) : undefined,
    f.purchasedFrom ? gte(items.purchase_date, f.purchasedFrom) : undefined,
    f.purchasedTo ? lte(items.purchase_date, f.purchasedTo) : undefined,
    f.priceMin ? gte(items.purchase_price, f.priceMin) : undefined,
    f.priceMax ? lte(items.purchase_price, f.priceMax) : undefined,
    f.valueMin ? gte(items.current_value, f.valueMin) : undefined,
    f.valueMax ? lte(items.current_value, f.valueMax) : undefined,
    ...Object.entries(f.customFields).map(([name, value]) => customFieldCondition(name, value)),
  );
}

export type ListedItem = ItemRow & Record<`_sort${number}`, unknown>;

export async function listByKeyset(
  ex: Executor,
  filter: ItemFilter,
  sort: SortKey[],
  cursor: unknown[] | undefined,
  limit: number,
): Promise<ListedItem[]> {
  return ex
    .select({ ...itemColumns, ...sortSelection(sort) })
    .from(items)
    .where(and(filterConditions(filter), cursor ? afterCursor(sort, cursor) : undefined))
    .orderBy(orderBySql(sort))
    .limit(limit + 1);
}

/**
 * How many matches a relevance search ranks. A word common to 100,000 items makes ranking all of them slow and
 * no more useful: they are equally good, and filters or facets narrow them. Explicit sorts page through all.
 */
export const rankedCandidates = 100;

/**
 * Best matches first among the first `rankedCandidates`; relevance is a computed float, so pages go by offset.
 * Whole words are tried first: the index reads a word's matches lazily but gathers every match of a prefix
 * before the first row (for a common word, over half the search's time). Prefixes count only when whole words
 * find fewer than a ranking's worth, a decision every page of one search makes alike.
 */
export async function listByRelevance(
  ex: Executor,
  filter: ItemFilter & { q: string },
  offset: number,
  limit: number,
): Promise<ItemRow[]> {
  const byWords = await rankedPage(ex, filter, 'words', offset, limit);
  if (byWords.found === rankedCandidates) return byWords.rows;
  return (await rankedPage(ex, filter, 'prefixes', offset, limit)).rows;
}

async function rankedPage(
  ex: Executor,
  { q, ...filter }: ItemFilter & { q: string },
  match: WordMatch,
  offset: number,
  limit: number,
): Promise<{ rows: ItemRow[]; found: number }> {
  // Each way of matching reads its own index, SKUs and serial numbers first (an exact one ranks highest); as one
  // OR, a scan would test all three on every row it passes. A match is ranked where it is read, so only the
  // page's rows are fetched again, whole.
  const others = filterConditions(filter);
  const tsquery = textQuery(q, match);
  const matches = (tier: number, condition: SQL) =>
    sql`(select ${items.id}, ${sql.raw(String(tier))} as tier, ${relevance(q)} as rank
         from ${items} where ${and(others, condition)} limit ${rankedCandidates})`;
  const page = sql`(select id, rank, count(*) over () as found from (
      select id, max(rank) as rank from (
        ${matches(1, codeStartsWith(items.sku, q))}
        union all ${matches(2, codeStartsWith(items.serial_number, q))}
        ${tsquery ? sql`union all ${matches(3, sql`${items.search_vector} @@ ${tsquery}`)}` : sql``}
      ) matched group by id order by min(tier), id limit ${rankedCandidates}
    ) candidates order by rank desc, id offset ${offset} limit ${Math.max(0, Math.min(limit + 1, rankedCandidates - offset))}
  ) page`;
  const rows = await ex
    .select({ ...itemColumns, found: sql<number>`page.found`.mapWith(Number) })
    .from(items)
    .innerJoin(page, sql`page.id = ${items.id}`)
    .orderBy(sql`page.rank desc`, items.id);
  return { rows, found: rows[0]?.found ?? 0 };
}

export interface FacetRow {
  facet: 'status' | 'category' | 'location';
  value: string;
  label: string;
  count: number;
}

/** Counts by status, category and location over the filtered set, in one scan (GROUPING SETS). */
export async function facetCounts(ex: Executor, filter: ItemFilter): Promise<FacetRow[]> {
  const where = filterConditions(filter);
  return queryRows<FacetRow>(
    ex,
    sql`with f as (
          select status, category_id, location_id, grouping(status) as gs, grouping(category_id) as gc, count(*)::int as n
          from ${items}
          ${where ? sql`where ${where}` : sql``}
          group by grouping sets ((status), (category_id), (location_id))
        ), named as (
          select case when gs = 0 then 'status' when gc = 0 then 'category' else 'location' end as facet,
                 case when gs = 0 then status when gc = 0 then category_id::text else location_id::text end as value,
                 coalesce(case when gs = 0 then status when gc = 0 then c.name else l.name end, '(none)') as label,
                 n
          from f
          left join categories c on f.gc = 0 and f.gs = 1 and c.id = f.category_id
          left join locations l on f.gc = 1 and f.gs = 1 and l.id = f.location_id
        )
        select facet, coalesce(value, '') as value, label, n as count
        from (select *, row_number() over (partition by facet order by n desc, label) as rank from named) ranked
        where rank <= 50
        order by facet, count desc, label`,
  );
}
