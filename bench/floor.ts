// npm run bench:floor: get-by-id through the API beside the least any Node server can do for it on the same
// machine (floor-server.ts: node:http and pg with the API's own SQL; then a constant answer, HTTP alone) and raw
// PostgreSQL (pgbench), one after the other, each as a fraction of pgbench's rate. See bench/README.md.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../server/src/db/connection.ts';
import { getItem } from '../server/src/modules/items/service.ts';
import { everywhere } from '../server/src/platform/scope.ts';
import { openSqlRecorder } from './api-sql.ts';
import { freePort, startApiServer, stopChild, type RunningServer } from './api-server.ts';
import { measureCpu } from './cpu-usage.ts';
import { prepareDataset } from './dataset.ts';
import { runHttpLoad } from './http-load.ts';
import { runPgbench } from './pgbench.ts';
import { settings } from './settings.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () => os.loadavg().map((l) => l.toFixed(2));

async function startFloorServer(mode: 'query' | 'fixed', sqlText: string): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'floor-server.ts'), mode, String(port)],
    {
      env: { ...process.env, FLOOR_DATABASE_URL: settings.databaseUrl, FLOOR_SQL: sqlText },
      stdio: 'inherit',
    },
  );
  for (let tries = 0; tries < 100; tries++) {
    if (
      await fetch(`${baseUrl}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { baseUrl, pid: child.pid, headers: {}, stop: () => stopChild(child) };
    await sleep(100);
  }
  await stopChild(child);
  throw new Error(`The floor server did not start on ${baseUrl}`);
}

interface Row {
  server: string;
  rate: number;
  p50Ms: number;
  p99Ms: number;
  serverCores?: number | undefined;
  machineCores?: number | undefined;
}

async function measure(server: RunningServer, label: string, nextPath: () => string): Promise<Row> {
  const http = {
    baseUrl: server.baseUrl,
    headers: server.headers,
    nextPath,
    connections: settings.connections,
  };
  await runHttpLoad({ ...http, durationS: settings.warmupS });
  say(`  ${label}, ${settings.connections} connections, ${settings.durationS} s…`);
  const cpu = measureCpu(server.pid);
  const result = await runHttpLoad({ ...http, durationS: settings.durationS });
  const used = cpu();
  if (result.non2xx || result.errors)
    say(`  warning: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return {
    server: label,
    rate: result.requestsPerSecond,
    p50Ms: result.latency.p50Ms,
    p99Ms: result.latency.p99Ms,
    serverCores: used?.apiServer,
    machineCores: used?.machine,
  };
}

async function main(): Promise<void> {
  const facts = await prepareDataset(settings.databaseUrl, settings.items);
  const loadBefore = load();
  const recorder = openSqlRecorder(settings.databaseUrl);
  const byId = (db: Db) => getItem(db, facts.maxId, everywhere);
  const [sqlText, script] = await Promise.all([
    recorder.pgbenchScript(byId, new Map([[facts.maxId, '$1']])),
    recorder.pgbenchScript(byId, new Map([[facts.maxId, ':id']])),
  ]).finally(() => recorder.close());
  const nextPath = () =>
    `/api/v1/items/${facts.minId + Math.floor(Math.random() * (facts.maxId - facts.minId + 1))}`;

  const rows: Row[] = [];
  const run = async (label: string, start: () => Promise<RunningServer>) => {
    const server = await start();
    try {
      rows.push(await measure(server, label, nextPath));
    } finally {
      await server.stop();
    }
  };
  await run('the API (GET /api/v1/items/:id, signed in)', () =>
    startApiServer(settings.databaseUrl, settings.admin, `/api/v1/items/${facts.minId}`),
  );
  await run('node:http + pg, the same SQL prepared, the row as JSON', () =>
    startFloorServer('query', sqlText.trim().replace(/;$/, '')),
  );
  await run('node:http, a constant answer (no database)', () => startFloorServer('fixed', ''));
  say(`  pgbench, ${settings.connections} clients, ${settings.durationS} s…`);
  const cpu = measureCpu(undefined);
  const pgbench = await runPgbench({
    pgbench: settings.pgbench,
    databaseUrl: settings.databaseUrl,
    scripts: [`\\set id random(${facts.minId}, ${facts.maxId})\n${script}`],
    clients: settings.connections,
    threads: Math.min(settings.pgbenchJobs, settings.connections),
    durationS: settings.durationS,
  });
  const pgbenchRow: Row = {
    server: 'pgbench (raw PostgreSQL, C clients)',
    rate: pgbench.tps,
    p50Ms: pgbench.latency.p50Ms,
    p99Ms: pgbench.latency.p99Ms,
    machineCores: cpu()?.machine,
  };

  const cores = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(2));
  const lines = [
    '| get-by-id served by | req/s | p50 ms | p99 ms | server cores | machine busy (of ' +
      `${os.cpus().length}) | ÷ pgbench |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[...rows, pgbenchRow].map(
      (r) =>
        `| ${r.server} | ${r.rate.toFixed(0)} | ${r.p50Ms.toFixed(2)} | ${r.p99Ms.toFixed(2)} | ` +
        `${cores(r.serverCores)} | ${cores(r.machineCores)} | ${(r.rate / pgbench.tps).toFixed(2)} |`,
    ),
  ];
  say(`\n${lines.join('\n')}\n`);
  say(`Load average (1, 5, 15 min): ${loadBefore.join(' ')} before, ${load().join(' ')} after.`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
