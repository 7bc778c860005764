// The SQL the API sends for a request, recorded by running the API's own query code against the benchmark
// database through a client that notes every statement it forwards. The pgbench baseline therefore cannot drift
// from what the routes run, and follows the same path through the data (a search that finds nothing is
// corrected and retried: that request sends three statements, and its pgbench transaction runs all three).
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../server/src/db/connection.ts';
import * as schema from '../server/src/db/schema.ts';
import { parseFieldKeys, useFieldKeys } from '../server/src/platform/crypto/field-encryption.ts';
import { benchFieldKey } from './eis-cli.ts';

interface Statement {
  text: string;
  params: unknown[];
}

export interface SqlRecorder {
  /**
   * The statements `work` sends, as a pgbench script: parameters inlined as literals, or as the pgbench
   * variable that `variables` names for their value (e.g. 1000000 → `:id`).
   */
  pgbenchScript(
    work: (db: Db) => Promise<unknown>,
    variables?: ReadonlyMap<unknown, string>,
  ): Promise<string>;
  close(): Promise<void>;
}

export function openSqlRecorder(databaseUrl: string): SqlRecorder {
  // The API's query code opens sealed columns of the rows it reads, with the key the database was seeded with.
  useFieldKeys(parseFieldKeys(benchFieldKey));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  let recording: Statement[] | undefined;
  const client = {
    query: (config: pg.QueryConfig, params: unknown[] = []) => {
      recording?.push({ text: config.text, params });
      return pool.query(config, params);
    },
  };
  const db = drizzle({ client: client as never, schema }) as unknown as Db;
  const record = async (work: (db: Db) => Promise<unknown>, variables: ReadonlyMap<unknown, string>) => {
    const statements: Statement[] = [];
    recording = statements;
    try {
      await work(db);
    } finally {
      recording = undefined;
    }
    if (!statements.length) throw new Error('The API code sent no statement');
    return statements.map((s) => `${inline(s, variables).trim()};\n`).join('');
  };
  // One recording at a time, so concurrent callers' statements never mix.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    pgbenchScript(work, variables = new Map()) {
      const script = queue.then(() => record(work, variables));
      queue = script.catch(() => undefined);
      return script;
    },
    close: () => pool.end(),
  };
}

function inline({ text, params }: Statement, variables: ReadonlyMap<unknown, string>): string {
  const literal = (value: unknown): string => {
    const variable = variables.get(value);
    if (variable !== undefined) return variable;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
    // A batched look-up's ids: the array of one request's id.
    if (Array.isArray(value)) return `array[${value.map(literal).join(', ')}]`;
    throw new Error(`No SQL literal for ${JSON.stringify(value)}`);
  };
  // Highest placeholder first, so $1 never eats the front of $10.
  return params.reduceRight<string>(
    (sqlText, value, i) => sqlText.replaceAll(`$${i + 1}`, literal(value)),
    text,
  );
}
