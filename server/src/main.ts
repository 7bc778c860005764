// The `eis` command: serve | worker | migrate | seed | depreciation run | jobs | audit verify | keys new | keys rotate.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/connection.ts';
import { seedDemoData, seedItems, isEmpty } from './db/seed/seed.ts';
import { resealEverything } from './db/reseal.ts';
import { actAs, auditTransactions } from './platform/audit.ts';
import {
  newFieldKey,
  parseFieldKeys,
  useFieldKeys,
  type FieldKey,
} from './platform/crypto/field-encryption.ts';
import { openCache } from './platform/cache.ts';
import { jobRunner } from './platform/jobs.ts';
import { smtpMailer } from './platform/mail.ts';
import { scheduledJobs } from './scheduled-jobs.ts';
import { verifyAuditChain } from './modules/audit/service.ts';
import { today } from './modules/depreciation/calendar.ts';
import { revalueFleet } from './modules/depreciation/service.ts';
import { detectDueEvents } from './modules/assignments/due-events.ts';
import { detectWarrantyEvents } from './modules/items/warranty.ts';
import { detectMaintenanceEvents } from './modules/maintenance/overdue-events.ts';
import { ensureFirstAdmin } from './modules/identity/users.ts';
import { maintainRollup } from './modules/dashboards/valuation.ts';
import { IsoDate } from './platform/schemas.ts';

const usage = `Usage: eis <command>
  serve              run the API and web app (migrates first; seeds demo data on a first embedded start)
  worker             run the scheduled jobs only (serve runs them too unless RUN_JOBS=false)
  migrate            apply database migrations
  seed [--items N]   add demo data, or N generated items for benchmarks
  audit verify       check the audit log's hash chain; exits 1 at the first altered or removed entry
  keys new           print a new field-encryption key for ENCRYPTION_KEYS
  keys rotate        reseal every encrypted value with the first key (embedded: adds a new key first)
  depreciation run [--as-of YYYY-MM-DD]
                     set every item's current value to its book value at that date (default: today)
  jobs due-events    record overdue check-out and upcoming reservation events (safe to repeat)
  jobs warranty-events [--as-of YYYY-MM-DD]
                     record an event for each warranty ending within 90, 60 and 30 days (safe to repeat)
  jobs maintenance-events
                     record an event for each overdue maintenance occurrence (safe to repeat)
  jobs valuation-rollup
                     value the month ends the valuation rollup keeps and are missing (the hourly job, now)`;

async function open(config: Config): Promise<Database> {
  useFieldKeys(fieldKeys(config));
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

const embeddedKeysFile = (dataDir: string) => path.join(dataDir, 'encryption-keys');
const newKeyId = () => `k${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;

/** Field-encryption keys: from configuration, or the embedded database's own file (made on first start). */
function fieldKeys(config: Config): FieldKey[] {
  if (config.encryptionKeys) return config.encryptionKeys;
  const file = embeddedKeysFile(config.dataDir);
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${newFieldKey(newKeyId())}\n`, { mode: 0o600 });
  }
  return parseFieldKeys(readFileSync(file, 'utf8').split('\n').join(','));
}

async function rotateKeys(config: Config): Promise<void> {
  if (!config.encryptionKeys) {
    const file = embeddedKeysFile(config.dataDir);
    const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
    writeFileSync(file, `${newFieldKey(newKeyId())}\n${existing}`, { mode: 0o600 });
  }
  const database = await open(config);
  auditTransactions(database.db);
  await actAs({ user_id: null, label: 'eis keys rotate' }, () =>
    resealEverything(database.db, ({ label, resealed }) =>
      process.stdout.write(`${label}: ${resealed} resealed\n`),
    ),
  );
  await database.close();
  process.stdout.write('Every value is sealed with the first key; older keys can now be removed.\n');
}

/** `eis worker`: the scheduled jobs alone, for deployments that run them apart from the API replicas. */
async function work(config: Config): Promise<void> {
  const database = await open(config);
  auditTransactions(database.db);
  const log = pino({ level: config.logLevel });
  // Without Redis this cache is the worker's own: the API replicas' answers then age out by their TTL.
  const cache = openCache({ redisUrl: config.redisUrl, log });
  const jobs = jobRunner(scheduledJobs(database.db, cache, config.mail && smtpMailer(config.mail)), log);
  const shutdown = async () => {
    await jobs.stop();
    await cache.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  jobs.start();
  log.info('worker running the scheduled jobs');
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
  const jobs = jobRunner(
    config.runJobs ? scheduledJobs(database.db, app.cache, config.mail && smtpMailer(config.mail)) : [],
    app.log,
  );
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  jobs.start();
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
    options: {
      items: { type: 'string' },
      'as-of': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
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
    case 'worker':
      return work(config);
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
    case 'audit': {
      if (positionals[1] !== 'verify') throw new ConfigError(`Unknown audit command\n${usage}`);
      const database = await open(config);
      const result = await verifyAuditChain(database.db);
      await database.close();
      if (result.intact) {
        process.stdout.write(`Audit log intact: ${result.entries} entries, every link verified.\n`);
        return;
      }
      process.stdout.write(`Audit log BROKEN at entry ${result.broken_at}: ${result.reason}.\n`);
      process.exitCode = 1;
      return;
    }
    case 'keys':
      if (positionals[1] === 'new') {
        process.stdout.write(`${newFieldKey(newKeyId())}\n`);
        return;
      }
      if (positionals[1] === 'rotate') return rotateKeys(config);
      throw new ConfigError(`Unknown keys command\n${usage}`);

    case 'depreciation': {
      if (positionals[1] !== 'run')
        throw new ConfigError(`Unknown command "depreciation ${positionals[1] ?? ''}"\n${usage}`);
      const asOf = values['as-of'] ?? today();
      if (!IsoDate.safeParse(asOf).success) throw new ConfigError('--as-of must be a date as YYYY-MM-DD');
      const database = await open(config);
      const revalued = await revalueFleet(database.db, asOf);
      await database.close();
      process.stdout.write(`Revalued ${revalued} items to their book value as of ${asOf}.\n`);
      return;
    }
    case 'jobs': {
      if (positionals[1] === 'warranty-events') {
        const asOf = values['as-of'] ?? today();
        if (!IsoDate.safeParse(asOf).success) throw new ConfigError('--as-of must be a date as YYYY-MM-DD');
        const database = await open(config);
        const recorded = await detectWarrantyEvents(database.db, asOf);
        await database.close();
        process.stdout.write(`Recorded ${recorded} warranty expiry events as of ${asOf}.\n`);
        return;
      }
      if (positionals[1] === 'maintenance-events') {
        const database = await open(config);
        const found = await detectMaintenanceEvents(database.db);
        await database.close();
        process.stdout.write(`Recorded ${found.overdue} overdue maintenance events.\n`);
        return;
      }
      if (positionals[1] === 'valuation-rollup') {
        const database = await open(config);
        const { maintained } = await maintainRollup(database.db, today());
        await database.close();
        process.stdout.write(`The valuation rollup holds ${maintained} month ends.\n`);
        return;
      }
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
