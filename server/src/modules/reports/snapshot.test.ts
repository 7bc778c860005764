// Exports read in one snapshot: what is committed while a file is being written does not reach it, and the
// snapshot's transaction ends with the file, also when the reader walks away. (PostgreSQL only: on PGlite the
// one connection is the snapshot's until the file ends, so a write could not even start meanwhile.)
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem } from '../../../test/factories.ts';
import { createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';
import { queryRows, type Db } from '../../db/connection.ts';
import { readInSnapshot } from './snapshot.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const countItems = async (db: Db) =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from inventory_items`))[0]!.n;

/** A file whose first line is read when it is opened and whose second is read when the reader gets to it. */
const twoReads = (db: Db) =>
  readInSnapshot(db, async (snapshot) => {
    const atOpening = await countItems(snapshot);
    async function* lines() {
      yield `${atOpening}\n`;
      yield `${await countItems(snapshot)}\n`;
    }
    return { body: Readable.from(lines()) };
  });

const busyConnections = () => {
  const { total, idle } = t.database.poolStats();
  return total - idle;
};

describe.runIf(onPostgres)('an export read in one snapshot', () => {
  it('does not see an item committed between its first read and its last', async () => {
    const file = await twoReads(t.database.db);
    await makeItem(t);
    const text = (await file.body.toArray()).join('');
    const [first, second] = text.trim().split('\n');
    expect(second).toBe(first);
    expect(await countItems(t.database.db)).toBe(Number(first) + 1);
  });

  it('ends its transaction when the reader abandons the file', async () => {
    // The last test's snapshot closes a moment after its file ends.
    await expect.poll(busyConnections).toBe(0);
    const file = await twoReads(t.database.db);
    expect(busyConnections()).toBe(1);
    file.body.destroy();
    await expect.poll(busyConnections).toBe(0);
  });
});
