// Look-ups by id that arrive in the same turn of the event loop share one statement. Under load many requests
// are in flight at once; one round trip for all of them saves each request a write to the database, a read of
// its answer and a row description to parse. One batch per executor: a transaction's reads stay on its own
// connection. Callers asking for the same id in one turn share its row object: treat rows as read-only.
import type { Executor } from './connection.ts';

interface Waiter<Row> {
  resolve(row: Row | undefined): void;
  reject(error: unknown): void;
}

export function batchedLookup<Row>(
  fetchMany: (ex: Executor, ids: number[]) => Promise<Row[]>,
  idOf: (row: Row) => number,
): (ex: Executor, id: number) => Promise<Row | undefined> {
  const pending = new WeakMap<Executor, Map<number, Waiter<Row>[]>>();

  async function flush(ex: Executor): Promise<void> {
    const batch = pending.get(ex)!;
    pending.delete(ex);
    try {
      const found = new Map((await fetchMany(ex, [...batch.keys()])).map((row) => [idOf(row), row]));
      for (const [id, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(id));
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  }

  return (ex, id) =>
    new Promise<Row | undefined>((resolve, reject) => {
      let batch = pending.get(ex);
      if (!batch) {
        pending.set(ex, (batch = new Map<number, Waiter<Row>[]>()));
        // After the poll phase: every request whose bytes arrived in this turn has asked by then.
        setImmediate(() => void flush(ex));
      }
      const waiters = batch.get(id);
      if (waiters) waiters.push({ resolve, reject });
      else batch.set(id, [{ resolve, reject }]);
    });
}
