// Raw PostgreSQL doing the API's query: pgbench with custom scripts, its per-transaction log read back for
// percentiles computed exactly like the API's.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { summarise, type LatencySummary } from './latency.ts';

const run = promisify(execFile);

export interface PgbenchOptions {
  pgbench: string;
  databaseUrl: string;
  /** Script texts; pgbench picks one at random, with equal weight, for each transaction. */
  scripts: string[];
  clients: number;
  threads: number;
  durationS: number;
}

export interface PgbenchResult {
  /** As pgbench reports it: transactions per second, without the initial connection time. */
  tps: number;
  transactions: number;
  failed: number;
  latency: LatencySummary;
  command: string;
}

/** `pgbench` on the PATH, else the PostgreSQL 15 client's. */
export function findPgbench(searchPath: string): string {
  const onPath = searchPath.split(path.delimiter).map((dir) => path.join(dir, 'pgbench'));
  return [...onPath, '/usr/lib/postgresql/15/bin/pgbench'].find((file) => existsSync(file)) ?? 'pgbench';
}

export async function runPgbench(options: PgbenchOptions): Promise<PgbenchResult> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'eis-pgbench-'));
  try {
    const scriptArgs: string[] = [];
    for (const [i, script] of options.scripts.entries()) {
      const file = path.join(workDir, `script-${i}.sql`);
      await writeFile(file, script);
      scriptArgs.push('-f', `${file}@1`);
    }
    const args = [
      '--no-vacuum',
      '--protocol=prepared',
      `--client=${options.clients}`,
      `--jobs=${options.threads}`,
      `--time=${options.durationS}`,
      '--log',
      `--log-prefix=${path.join(workDir, 'tx')}`,
      ...scriptArgs,
      options.databaseUrl,
    ];
    const { stdout } = await run(options.pgbench, args, { maxBuffer: 16 * 1024 * 1024 });
    const number = (pattern: RegExp) => {
      const match = pattern.exec(stdout);
      if (!match) throw new Error(`pgbench output lacks ${String(pattern)}:\n${stdout}`);
      return Number(match[1]);
    };
    return {
      tps: number(/^tps = ([\d.]+) \(without initial connection time\)$/m),
      transactions: number(/^number of transactions actually processed: (\d+)/m),
      failed: number(/^number of failed transactions: (\d+)/m),
      latency: summarise(await transactionTimesMs(workDir)),
      command: `pgbench ${args.map((a) => a.replace(workDir, '$TMP')).join(' ')}`,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Per-transaction log lines are `client_id transaction_no time_us script_no epoch_s epoch_us`. */
async function transactionTimesMs(workDir: string): Promise<number[]> {
  const times: number[] = [];
  for (const file of (await readdir(workDir)).filter((f) => f.startsWith('tx.'))) {
    for (const line of (await readFile(path.join(workDir, file), 'utf8')).split('\n')) {
      const fields = line.split(' ');
      const us = Number(fields[2]);
      if (fields.length >= 6 && Number.isFinite(us)) times.push(us / 1000);
    }
  }
  return times;
}
