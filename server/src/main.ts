// The `eis` command: serve | migrate | seed | jobs.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/connection.ts';
import { seedDemoData, seedItems, isEmpty } from './db/seed/seed.ts';
import { detectDueEvents } from './modules/assignments/due-events.ts';
import { ensureFirstAdmin } from './modules/identity/users.ts';

const usage = `Usage: eis <command>
  serve              run the API and web app (migrates first; seeds demo data on a first embedded start)
  migrate            apply database migrations
  seed [--items N]   add demo data, or N generated items for benchmarks
  jobs due-events    record overdue check-out and upcoming reservation events (safe to repeat)`;

async function open(config: Config): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.dbPoolMax,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  await database.migrate();
  return database;
}

/** The embedded database keeps its own token-signing secret beside its data, made on first start. */
function embeddedJwtSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function serve(config: Config): Promise<void> {
  const database = await open(config);
  if (database.kind === 'pglite' && config.seedDemo && (await isEmpty(database.db))) {
    process.stdout.write('First start: loading demo data…\n');
    await seedDemoData(database.db);
  }
  const generatedPassword = await ensureFirstAdmin(database.db, config.adminEmail, config.adminPassword);
  const jwtSecret = config.jwtSecret ?? embeddedJwtSecret(config.dataDir);
  const app = await buildApp({ ...config, jwtSecret }, database);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  const where = database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  const local = ['0.0.0.0', '127.0.0.1', '::', '::1'].includes(config.host);
  const base = `http://${local ? 'localhost' : config.host}:${config.port}`;
  process.stdout.write(
    `\nEnterprise Inventory is running on ${where}.\n` +
      `  API:      ${base}/api/v1/items\n` +
      `  API docs: ${base}/api/docs\n` +
      `  Health:   ${base}/health\n` +
      `Sign in: POST ${base}/api/v1/auth/login {"email": "${config.adminEmail}", "password": …}\n` +
      (generatedPassword
        ? `  First start: the admin password is ${generatedPassword}\n  (shown this once; set ADMIN_PASSWORD to choose it)\n\n`
        : `  with the admin password you set (ADMIN_PASSWORD) or were shown on the first start.\n\n`),
  );
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { items: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const database = await open(config);
      await database.close();
      process.stdout.write('Migrations applied.\n');
      return;
    }
    case 'seed': {
      const database = await open(config);
      const count = values.items === undefined ? undefined : Number(values.items);
      if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
        throw new ConfigError('--items must be a positive whole number');
      }
      if (count === undefined && !(await isEmpty(database.db))) {
        await database.close();
        throw new ConfigError(
          'The database already has data; demo data goes into an empty one (use --items N to add items)',
        );
      }
      if (count === undefined) await seedDemoData(database.db);
      else await seedItems(database.db, count, (done) => process.stdout.write(`\r${done} / ${count} items`));
      await database.close();
      process.stdout.write('\nSeeded.\n');
      return;
    }
    case 'jobs': {
      if (positionals[1] !== 'due-events')
        throw new ConfigError(`Unknown job "${positionals[1] ?? ''}"\n${usage}`);
      const database = await open(config);
      const found = await detectDueEvents(database.db);
      await database.close();
      process.stdout.write(`Recorded ${found.overdue} overdue and ${found.upcoming} upcoming events.\n`);
      return;
    }
    default:
      throw new ConfigError(`Unknown command "${command}"\n${usage}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`,
  );
  process.exit(1);
});
