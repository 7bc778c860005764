// The batching contract on its own, with a stand-in for the statement: what one batch asks for, and what a
// failed statement does to the look-ups waiting on it. (The items tests run it against the real database.)
import { describe, expect, it } from 'vitest';
import { batchedLookup } from './batched-lookup.ts';
import type { Executor } from './connection.ts';

interface Row {
  id: number;
}
const database = {} as Executor;
const transaction = {} as Executor;

function lookupRecordingBatches(fail = false) {
  const batches: number[][] = [];
  const find = batchedLookup<Row>(
    async (_ex, ids) => {
      batches.push(ids);
      if (fail) throw new Error('connection lost');
      return ids.filter((id) => id !== 404).map((id) => ({ id }));
    },
    (row) => row.id,
  );
  return { find, batches };
}

describe('batched look-ups by id', () => {
  it('sends the ids asked for in one turn once each, and answers every caller', async () => {
    const { find, batches } = lookupRecordingBatches();
    const answers = await Promise.all([
      find(database, 1),
      find(database, 2),
      find(database, 1),
      find(database, 404),
    ]);
    expect(batches).toEqual([[1, 2, 404]]);
    expect(answers).toEqual([{ id: 1 }, { id: 2 }, { id: 1 }, undefined]);
    await find(database, 3);
    expect(batches).toEqual([[1, 2, 404], [3]]);
  });

  it("keeps a transaction's look-ups apart from the database's", async () => {
    const { find, batches } = lookupRecordingBatches();
    await Promise.all([find(database, 1), find(transaction, 2)]);
    expect(batches).toEqual([[1], [2]]);
  });

  it('fails every look-up of a batch whose statement failed, and the next batch starts afresh', async () => {
    const { find, batches } = lookupRecordingBatches(true);
    const answers = await Promise.allSettled([find(database, 1), find(database, 2)]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    await expect(find(database, 3)).rejects.toThrow('connection lost');
    expect(batches).toEqual([[1, 2], [3]]);
  });
});
