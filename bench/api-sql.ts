// The SQL the API sends for a request, captured by running the API's own query code against a recording client,
// so the pgbench baseline cannot drift from what the routes really run.
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Db } from '../server/src/db/connection.ts';
import * as schema from '../server/src/db/schema.ts';

export interface CapturedQuery {
  text: string;
  params: unknown[];
}

/** Runs `work` against a database that records every statement and answers each with no rows. */
export async function captureQueries(work: (db: Db) => Promise<unknown>): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const recorder = {
    query: async (config: { text: string }, params: unknown[] = []) => {
      captured.push({ text: config.text, params });
      return { rows: [], fields: [], rowCount: 0 };
    },
  };
  const db = drizzle({ client: recorder as never, schema }) as unknown as Db;
  // An empty answer may make the API throw (an item that is not there is a 404); the statement is recorded first.
  await work(db).catch(() => undefined);
  return captured;
}

/** The one statement `work` sends, as pgbench script text: parameters inlined as literals or pgbench variables. */
export async function pgbenchStatement(
  work: (db: Db) => Promise<unknown>,
  variables: ReadonlyMap<unknown, string> = new Map(),
): Promise<string> {
  const queries = await captureQueries(work);
  if (queries.length !== 1) throw new Error(`Expected one statement, the API sent ${queries.length}`);
  const [{ text, params }] = queries as [CapturedQuery];
  // Highest placeholder first, so $1 never eats the front of $10.
  const inlined = params.reduceRight<string>(
    (sqlText, value, i) => sqlText.replaceAll(`$${i + 1}`, variables.get(value) ?? literal(value)),
    text,
  );
  return `${inlined.trim()};\n`;
}

function literal(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`No SQL literal for ${JSON.stringify(value)}`);
}
