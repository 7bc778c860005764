// The settings every benchmark reads from the environment (see bench/README.md), checked once.
import { findPgbench } from './pgbench.ts';

export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

export const settings = {
  databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/eis_bench',
  items: positiveInt('BENCH_ITEMS', 1_000_000),
  durationS: positiveInt('BENCH_DURATION', 15),
  warmupS: positiveInt('BENCH_WARMUP', 5),
  connections: positiveInt('BENCH_CONNECTIONS', 10),
  pgbenchJobs: positiveInt('BENCH_PGBENCH_JOBS', 2),
  pgbench: process.env.PGBENCH || findPgbench(process.env.PATH ?? ''),
  admin: {
    email: process.env.BENCH_ADMIN_EMAIL || 'admin@example.com',
    password: process.env.BENCH_ADMIN_PASSWORD || 'eis-bench-admin-password',
  },
};

/** For the results file: the settings without the database password. */
export const recordedSettings = () => ({
  ...settings,
  databaseUrl: settings.databaseUrl.replace(/:[^:@/]*@/, ':***@'),
  admin: { email: settings.admin.email },
});
