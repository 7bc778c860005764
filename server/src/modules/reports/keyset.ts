// Report lines read in key order: one page for the JSON answer (opaque cursor = the last line's key), or every
// line in batches for a download, so neither ever holds the whole set.
import { z } from 'zod';
import { BadRequestError } from '../../platform/errors.ts';
import { decodeIdCursor, encodeCursor } from '../../platform/pagination.ts';

/** Rows an export reads per query: enough to keep round trips few, small enough to keep memory flat. */
export const exportBatchSize = 5000;

/** Up to `limit` lines strictly after the key `after` (from the start when null), in key order. */
export type FetchLines<R, K> = (after: K | null, limit: number) => Promise<R[]>;

/** A line's key, and the schema a cursor (the key as JSON) must pass before it reaches SQL. */
export interface LineKey<R, K> {
  of: (row: R) => K;
  shape: z.ZodType<K>;
}

/** Which page of lines the caller asked for. */
export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

function readCursor<K>(cursor: string, shape: z.ZodType<K>): K {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // answered below
  }
  const parsed = shape.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new BadRequestError('The cursor is not one this report issued', [
    { field: 'cursor', message: 'is invalid' },
  ]);
}

export async function linePage<R, K>(
  fetch: FetchLines<R, K>,
  key: LineKey<R, K>,
  page: PageRequest,
): Promise<{ data: R[]; next_cursor: string | null }> {
  const after = page.cursor === undefined ? null : readCursor(page.cursor, key.shape);
  const rows = await fetch(after, page.limit + 1);
  const data = rows.slice(0, page.limit);
  const last = data.at(-1);
  const more = rows.length > page.limit && last !== undefined;
  return {
    data,
    next_cursor: more ? Buffer.from(JSON.stringify(key.of(last))).toString('base64url') : null,
  };
}

/**
 * One page of lines by item id, with the cursor the API's listings use (`[id]`): the asset register's and the
 * not-audited report's, whose cursors callers already hold.
 */
export async function itemIdPage<R extends { item_id: number }>(
  fetch: FetchLines<R, number>,
  page: PageRequest,
): Promise<{ data: R[]; next_cursor: string | null }> {
  const rows = await fetch(decodeIdCursor(page.cursor), page.limit + 1);
  const data = rows.slice(0, page.limit);
  const last = data.at(-1);
  return { data, next_cursor: rows.length > page.limit && last ? encodeCursor([last.item_id]) : null };
}

export async function* everyLine<R, K>(fetch: FetchLines<R, K>, key: LineKey<R, K>): AsyncGenerator<R> {
  let after: K | null = null;
  for (;;) {
    const rows = await fetch(after, exportBatchSize);
    yield* rows;
    if (rows.length < exportBatchSize) return;
    after = key.of(rows.at(-1)!);
  }
}

/** Lines already in hand (a few groups), as the rows of an export. */
export async function* listed<R>(lines: R[]): AsyncGenerator<R> {
  yield* lines;
}

const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Lines keyed by one id, e.g. `byId((line) => line.location_id)`. */
export const byId = <R>(of: (row: R) => number): LineKey<R, number> => ({ of, shape: Id });

export const byItemId = byId<{ item_id: number }>((line) => line.item_id);
