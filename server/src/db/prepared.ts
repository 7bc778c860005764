// A prepared statement belongs to the database (or transaction) it was prepared on; this keeps one per executor.
import type { Executor } from './connection.ts';

export function preparedFor<S>(prepare: (ex: Executor) => S): (ex: Executor) => S {
  const statements = new WeakMap<Executor, S>();
  return (ex) => {
    let statement = statements.get(ex);
    if (!statement) statements.set(ex, (statement = prepare(ex)));
    return statement;
  };
}
