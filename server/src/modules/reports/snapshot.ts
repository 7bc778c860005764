// An export reads its totals and its lines, batch after batch, over as long as the download takes. Inside one
// read-only REPEATABLE READ transaction they all see the database as it was at the first read, so writes made
// meanwhile cannot put a line in the file that the totals left out (or the other way round).
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Db } from '../../db/connection.ts';

/**
 * Runs `open` in a snapshot transaction and hands back what it returns; the transaction stays open until the
 * returned body has ended, failed or been abandoned by its reader.
 */
export function readInSnapshot<T extends { body: Readable }>(
  db: Db,
  open: (snapshot: Db) => Promise<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    db.transaction(
      async (tx) => {
        const opened = await open(tx);
        resolve(opened);
        // A reader going away ends the stream early; the (read-only) transaction simply closes with it.
        await finished(opened.body).catch(() => {});
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    ).catch(reject);
  });
}
