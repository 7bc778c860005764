// The real app over a real database for each test file: PGlite in memory by default, or a fresh PostgreSQL
// database when TEST_DATABASE_URL is set (CI). An unreachable server fails the test run; it never skips.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { openDatabase, type Database } from '../src/db/connection.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const onPostgres = testDatabaseUrl !== undefined;

async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `eis_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function createTestApp(): Promise<TestApp> {
  const created = testDatabaseUrl ? await createPostgresDatabase(testDatabaseUrl) : undefined;
  const database = await openDatabase({
    databaseUrl: created?.url,
    dataDir: 'memory://',
    poolMax: 60,
    statementTimeoutMs: 30_000,
  });
  await database.migrate();
  const app = await buildApp({ logLevel: 'silent', bodyLimitBytes: 1024 * 1024, corsOrigins: [] }, database);
  await app.ready();
  return {
    app,
    database,
    request: (options) => app.inject(options),
    async close() {
      await app.close();
      await database.close();
      await created?.drop();
    },
  };
}
