// The items list's state lives in the URL (shareable, back-button friendly); a saved view is a named URL query.
import type { ItemQuery } from '../../api/types.ts';

export const filterKeys = [
  'q',
  'status',
  'category_id',
  'location_id',
  'supplier_id',
  'tag',
  'sort',
] as const;
export type FilterKey = (typeof filterKeys)[number];

/** The API query for the list's URL parameters (only the keys the list understands). */
export function toItemQuery(params: URLSearchParams): ItemQuery {
  const query: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  return query;
}

export type SortDirection = 'asc' | 'desc' | null;

export function sortDirection(sort: string | null, column: string): SortDirection {
  if (sort === column) return 'asc';
  if (sort === `-${column}`) return 'desc';
  return null;
}

/** Ascending → descending → back to the default order. */
export function nextSort(sort: string | null, column: string): string | null {
  const direction = sortDirection(sort, column);
  if (direction === null) return column;
  if (direction === 'asc') return `-${column}`;
  return null;
}

export interface SavedView {
  name: string;
  query: string;
}

const viewsKey = 'eis.items.views';

export function loadViews(): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(viewsKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SavedView[]) : [];
  } catch {
    return [];
  }
}

export function storeViews(views: SavedView[]): void {
  localStorage.setItem(viewsKey, JSON.stringify(views));
}
