// Cursor pagination: opaque cursors carrying the sort values of the last row (keyset), so pages stay stable
// and fast however deep the caller goes.
import { and, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { BadRequestError } from './errors.ts';

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(1000).optional(),
});

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequestError('The cursor is not one this listing issued', [
    { field: 'cursor', message: 'is invalid or belongs to another sort order' },
  ]);
}

/**
 * The id a keyset page by id continues after (or before), from a cursor of `[id]`; null for the first page. The
 * id may have been written as a string: node-postgres hands bigints over as strings.
 */
export function decodeIdCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return null;
  const [written] = decodeCursor(cursor, 1);
  const id = typeof written === 'string' && /^\d{1,16}$/.test(written) ? Number(written) : written;
  if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
  throw new BadRequestError('The cursor is not one this listing issued', [
    { field: 'cursor', message: 'is invalid' },
  ]);
}

export interface SortKey {
  /** Name in the `sort` parameter and in the cursor. */
  name: string;
  column: SQL;
  direction: 'asc' | 'desc';
  nullable: boolean;
}

/** `sort=name,-purchase_date` → sort keys from the allowed set, always ending with the unique id. */
export function parseSort(
  sort: string | undefined,
  allowed: Record<string, { column: SQL; nullable: boolean }>,
  fallback: string,
  id: SQL,
): SortKey[] {
  const keys: SortKey[] = [];
  for (const part of (sort || fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const direction = part.startsWith('-') ? 'desc' : 'asc';
    const name = part.replace(/^[-+]/, '');
    const spec = allowed[name];
    if (!spec) {
      throw new BadRequestError(`Cannot sort by "${name}"`, [
        {
          field: 'sort',
          message: `must be one of ${Object.keys(allowed).join(', ')} (prefix - for descending)`,
        },
      ]);
    }
    if (name !== 'id') keys.push({ name, column: spec.column, direction, nullable: spec.nullable });
    else return [...keys, { name, column: id, direction, nullable: false }];
  }
  return [...keys, { name: 'id', column: id, direction: keys[0]?.direction ?? 'asc', nullable: false }];
}

export function orderBySql(keys: SortKey[]): SQL {
  return sql.join(
    keys.map((k) => sql`${k.column} ${sql.raw(k.direction)}`),
    sql`, `,
  );
}

/** Rows strictly after the cursor row in the given order (PostgreSQL's default NULLS LAST asc / FIRST desc). */
export function afterCursor(keys: SortKey[], values: unknown[]): SQL {
  const [key, ...rest] = keys;
  if (!key) return sql`false`;
  const value = values[0];
  const tail = rest.length ? afterCursor(rest, values.slice(1)) : sql`false`;
  const op = sql.raw(key.direction === 'asc' ? '>' : '<');
  if (!key.nullable) return or(sql`${key.column} ${op} ${value}`, and(sql`${key.column} = ${value}`, tail))!;
  if (key.direction === 'asc') {
    return value === null
      ? and(sql`${key.column} is null`, tail)!
      : or(
          sql`${key.column} > ${value}`,
          sql`${key.column} is null`,
          and(sql`${key.column} = ${value}`, tail),
        )!;
  }
  return value === null
    ? or(sql`${key.column} is not null`, and(sql`${key.column} is null`, tail))!
    : or(sql`${key.column} < ${value}`, and(sql`${key.column} = ${value}`, tail))!;
}

/** Builds the page from `limit + 1` fetched rows. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => unknown[],
  present: (row: R) => T,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(present),
    next_cursor: hasMore && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}

/** Timestamps sort and page at millisecond precision: cursors carry them as ISO strings, which stop at ms. */
export function msTimestamp(column: unknown): SQL {
  return sql`date_trunc('milliseconds', ${column})`;
}

/** Selects each sort expression as `_sort0…` so the cursor holds exactly what the ORDER BY compared. */
export function sortSelection(keys: SortKey[]): Record<string, SQL> {
  return Object.fromEntries(keys.map((k, i) => [`_sort${i}`, k.column]));
}

export function cursorOf(keys: SortKey[]): (row: object) => unknown[] {
  return (row) =>
    keys.map((_, i) => {
      const value: unknown = (row as Record<string, unknown>)[`_sort${i}`];
      return value instanceof Date ? value.toISOString() : value;
    });
}
