// The real app over a real database for each test file: PGlite in memory by default, or a fresh PostgreSQL
// database when TEST_DATABASE_URL is set (CI). An unreachable server fails the test run; it never skips.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp, type AppConfig } from '../src/app.ts';
import { openDatabase, type Database } from '../src/db/connection.ts';
import { ensureFirstAdmin } from '../src/modules/identity/users.ts';
import { newFieldKey, parseFieldKeys, useFieldKeys } from '../src/platform/crypto/field-encryption.ts';

/** A key for this test process; tests that rotate install their own. */
export const testFieldKeys = parseFieldKeys(newFieldKey('test1'));
useFieldKeys(testFieldKeys);

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** A request as the first admin (signed in once per file). */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** A request with no credentials but those given. */
  anonymous(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const testJwtSecret = 'test-secret-that-is-long-enough-for-hs256';
export const adminEmail = 'admin@example.com';
export const adminPassword = 'admin passphrase for tests';

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

export const testAppConfig: AppConfig = {
  logLevel: 'silent',
  bodyLimitBytes: 1024 * 1024,
  corsOrigins: [],
  jwtSecret: testJwtSecret,
  accessTokenTtlSeconds: 900,
  refreshTokenTtlDays: 30,
  // Rate limits on, but out of the way of ordinary tests; counters in the real Redis when CI provides one.
  redisUrl: process.env.TEST_REDIS_URL || undefined,
  rateLimitPerMinute: 100_000,
  signInLimitPerMinute: 1_000,
  ldap: undefined,
  mail: undefined,
};

/** Signs in through the API and returns the access token. */
export async function signInAs(
  t: Pick<TestApp, 'anonymous'>,
  email: string,
  password: string,
): Promise<string> {
  const res = await t.anonymous({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.body}`);
  return res.json<{ access_token: string }>().access_token;
}

export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const created = testDatabaseUrl ? await createPostgresDatabase(testDatabaseUrl) : undefined;
  const database = await openDatabase({
    databaseUrl: created?.url,
    dataDir: 'memory://',
    poolMax: 60,
    statementTimeoutMs: 30_000,
  });
  await database.migrate();
  const nameSpace = `eis-test-${randomBytes(6).toString('hex')}-`;
  const app = await buildApp(
    { ...testAppConfig, rateLimitNameSpace: nameSpace, cacheNameSpace: `${nameSpace}cache:`, ...overrides },
    database,
  );
  await app.ready();
  await ensureFirstAdmin(database.db, adminEmail, adminPassword);
  const partial = { app, database, anonymous: (options: InjectOptions) => app.inject(options) };
  const adminToken = await signInAs(partial, adminEmail, adminPassword);
  return {
    ...partial,
    request: (options) =>
      app.inject({ ...options, headers: { authorization: `Bearer ${adminToken}`, ...options.headers } }),
    async close() {
      await app.close();
      await database.close();
      await created?.drop();
    },
  };
}
