// GET /items: query parameters → filter, order and page; relevance order when searching, keyset otherwise.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { inventoryItems } from '../../db/schema.ts';
import { BadRequestError } from '../../platform/errors.ts';
import type { Scope } from '../../platform/scope.ts';
import { cursorOf, decodeCursor, parseSort, toPage } from '../../platform/pagination.ts';
import { assertFilterable } from '../categories/service.ts';
import * as listing from './listing.ts';
import type { ItemRow } from './repo.ts';
import { presentItem } from './presenter.ts';
import type { ListItemsQuery } from './schemas.ts';

const knownParameters = new Set([
  'limit',
  'cursor',
  'q',
  'status',
  'category_id',
  'location_id',
  'supplier_id',
  'tag',
  'assigned_to',
  'warranty_expiring_before',
  'purchased_from',
  'purchased_to',
  'price_min',
  'price_max',
  'value_min',
  'value_max',
  'sort',
  'facets',
]);

/** `cf.<name>=<value>` parameters; anything else unknown is refused rather than silently ignored. */
function customFieldFilters(query: Record<string, unknown>): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (knownParameters.has(key)) continue;
    const name = /^cf\.([a-z][a-z0-9_]{0,63})$/.exec(key)?.[1];
    if (!name || typeof value !== 'string') {
      throw new BadRequestError(`Unknown query parameter "${key}"`, [
        { field: key, message: 'is not a known filter (custom fields are filtered as cf.<name>=<value>)' },
      ]);
    }
    filters[name] = value;
  }
  return filters;
}

function filterFrom(query: ListItemsQuery, scope: Scope): listing.ItemFilter {
  return {
    scopeRootId: scope.locationRootId,
    q: query.q,
    status: query.status,
    categoryId: query.category_id,
    locationId: query.location_id,
    supplierId: query.supplier_id,
    tags: query.tag,
    assignedTo: query.assigned_to,
    warrantyExpiringBefore: query.warranty_expiring_before,
    purchasedFrom: query.purchased_from,
    purchasedTo: query.purchased_to,
    priceMin: query.price_min,
    priceMax: query.price_max,
    valueMin: query.value_min,
    valueMax: query.value_max,
    customFields: customFieldFilters(query),
  };
}

async function facetsFor(db: Db, filter: listing.ItemFilter) {
  const rows = await listing.facetCounts(db, filter);
  const pick = (facet: listing.FacetRow['facet']) =>
    rows.filter((r) => r.facet === facet).map(({ value, label, count }) => ({ value, label, count }));
  return { status: pick('status'), category: pick('category'), location: pick('location') };
}

async function findPage(db: Db, filter: listing.ItemFilter, query: ListItemsQuery, scope: Scope) {
  const present = (row: ItemRow) => presentItem(row, scope);
  if (filter.q && !query.sort) {
    const [offset] = query.cursor ? decodeCursor(query.cursor, 1) : [0];
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
      throw new BadRequestError('The cursor is not one this listing issued', [
        { field: 'cursor', message: 'is invalid' },
      ]);
    }
    const rows = await listing.listByRelevance(db, { ...filter, q: filter.q }, offset, query.limit);
    return toPage(rows, query.limit, () => [offset + query.limit], present);
  }
  const sort = parseSort(query.sort, listing.sortable, '-id', sql`${inventoryItems.id}`);
  const cursor = query.cursor ? decodeCursor(query.cursor, sort.length) : undefined;
  const rows = await listing.listByKeyset(db, filter, sort, cursor, query.limit);
  return toPage(rows, query.limit, cursorOf(sort), present);
}

/**
 * A search that finds nothing is retried with its words corrected to the nearest words items use, and says so
 * (`corrected_q`). Later pages send the same `q` and are corrected the same way, so no state is kept.
 */
export async function findItems(db: Db, query: ListItemsQuery, scope: Scope) {
  let filter = filterFrom(query, scope);
  await assertFilterable(db, Object.keys(filter.customFields));
  let page = await findPage(db, filter, query, scope);
  let corrected: string | undefined;
  if (!page.data.length && filter.q) {
    corrected = await listing.correctSpelling(db, filter.q);
    if (corrected) {
      filter = { ...filter, q: corrected };
      page = await findPage(db, filter, query, scope);
    }
  }
  const facets = query.facets === 'true' ? await facetsFor(db, filter) : undefined;
  return { ...page, ...(corrected && { corrected_q: corrected }), ...(facets && { facets }) };
}
