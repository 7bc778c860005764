// Locations, categories and suppliers for pickers and labels: fetched whole (page by page) and cached, with
// each tree entry labelled by its path ("HQ › Floor 2 › Room 204") so same-named rooms stay apart.
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client.ts';
import type { Category, Location, Supplier, User } from '../api/types.ts';

export interface Option {
  value: string;
  label: string;
}

async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ data: T[]; next_cursor: string | null }>,
) {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const { data, next_cursor } = await page(cursor);
    rows.push(...data);
    cursor = next_cursor ?? undefined;
  } while (cursor);
  return rows;
}

export function pathLabels<T extends { id: number; name: string }>(
  rows: T[],
  parentOf: (row: T) => number | null,
) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const label = (row: T, seen = 0): string => {
    const parentId = parentOf(row);
    const parent = parentId === null ? undefined : byId.get(parentId);
    return parent && seen < 20 ? `${label(parent, seen + 1)} › ${row.name}` : row.name;
  };
  return rows
    .map((row) => ({ value: String(row.id), label: label(row) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export function useLocations() {
  return useQuery({
    queryKey: ['locations', 'all'],
    queryFn: () =>
      allPages<Location>((cursor) =>
        must(api.GET('/api/v1/locations', { params: { query: { limit: 500, ...(cursor && { cursor }) } } })),
      ),
    staleTime: 60_000,
    select: (rows) => ({ rows, options: pathLabels(rows, (l) => l.parent_location_id) }),
  });
}

export function useCategories() {
  return useQuery({
    queryKey: ['categories', 'all'],
    queryFn: () =>
      allPages<Category>((cursor) =>
        must(api.GET('/api/v1/categories', { params: { query: { limit: 500, ...(cursor && { cursor }) } } })),
      ),
    staleTime: 60_000,
    select: (rows) => ({ rows, options: pathLabels(rows, (c) => c.parent_category_id) }),
  });
}

export function useSuppliers() {
  return useQuery({
    queryKey: ['suppliers', 'all'],
    queryFn: () =>
      allPages<Supplier>((cursor) =>
        must(api.GET('/api/v1/suppliers', { params: { query: { limit: 500, ...(cursor && { cursor }) } } })),
      ),
    staleTime: 60_000,
    select: (rows) => ({
      rows,
      options: rows
        .map((s) => ({ value: String(s.id), label: s.name }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    }),
  });
}

/** The label of an id among options, or undefined while loading. */
export function labelOf(options: Option[] | undefined, id: number | null | undefined): string | undefined {
  if (id === null || id === undefined) return undefined;
  return options?.find((o) => o.value === String(id))?.label;
}

/** Active people to hand things to, for those who may list users. */
export function useUserOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'all'],
    queryFn: () =>
      allPages<User>((cursor) =>
        must(api.GET('/api/v1/users', { params: { query: { limit: 500, ...(cursor && { cursor }) } } })),
      ),
    enabled,
    staleTime: 60_000,
    select: (rows): Option[] =>
      rows
        .filter((u) => u.is_active)
        .map((u) => ({ value: String(u.id), label: `${u.display_name} (${u.email})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
  });
}
