// npm run bench:dashboard: the executive dashboard on the benchmark database. Cold: the first read after a
// write (every write makes the cached answers stale), one at a time; warm: reads answered from the cache, under
// load. Prints a Markdown table and writes bench/results/dashboard-<time>.json. See bench/README.md.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startApiServer, type RunningServer } from './api-server.ts';
import { prepareDataset } from './dataset.ts';
import { runHttpLoad } from './http-load.ts';
import { summarise } from './latency.ts';
import { positiveInt, recordedSettings, settings } from './settings.ts';

const config = { ...settings, coldReads: positiveInt('BENCH_COLD_READS', 20) };

const dashboard = '/api/v1/dashboards/executive';
const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () => os.loadavg().map((l) => l.toFixed(2));

async function call(server: RunningServer, method: string, url: string, body?: object) {
  const started = performance.now();
  const res = await fetch(`${server.baseUrl}${url}`, {
    method,
    headers: { ...server.headers, ...(body && { 'content-type': 'application/json' }) },
    ...(body && { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return { json, ms: performance.now() - started };
}

async function main(): Promise<void> {
  const facts = await prepareDataset(config.databaseUrl, config.items);
  say(`Dataset: ${facts.items} items`);
  const loadBefore = load();
  const started = new Date();
  const server = await startApiServer(config.databaseUrl, config.admin, dashboard);
  try {
    // The first read after start-up: the month ends are in the rollup (the dataset's preparation ran its job).
    const first = await call(server, 'GET', dashboard);
    say(`First read: ${(first.ms / 1000).toFixed(1)} s`);

    // Cold: a real write (a price change, which the valuation rollup follows), then the read it made stale.
    const item = `/api/v1/items/${facts.minId}`;
    const original = (await call(server, 'GET', item)).json.purchase_price as string | null;
    const coldMs: number[] = [];
    try {
      for (let k = 0; k < config.coldReads; k++) {
        await call(server, 'PATCH', item, { purchase_price: k % 2 ? original : '1234.56' });
        coldMs.push((await call(server, 'GET', dashboard)).ms);
      }
    } finally {
      await call(server, 'PATCH', item, { purchase_price: original });
    }
    const cold = summarise(coldMs);
    say(`Cold: ${cold.count} reads, p50 ${cold.p50Ms.toFixed(0)} ms, max ${cold.maxMs.toFixed(0)} ms`);

    await call(server, 'GET', dashboard);
    const warm = await runHttpLoad({
      baseUrl: server.baseUrl,
      headers: server.headers,
      nextPath: () => dashboard,
      connections: config.connections,
      durationS: config.durationS,
    });
    const ms = (n: number) => n.toFixed(n < 10 ? 2 : 0);
    const table = [
      '| read | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | target |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      `| cold (first after a write, one at a time) | ${cold.count} | — | ${ms(cold.p50Ms)} | ${ms(cold.p95Ms)} | ${ms(cold.p99Ms)} | ${ms(cold.maxMs)} | ${cold.p95Ms < 2000 ? 'met' : 'missed'}: p95 under 2 s |`,
      `| warm (cached, ${config.connections} connections, ${config.durationS} s) | ${warm.ok} | ${warm.requestsPerSecond.toFixed(0)} | ${ms(warm.latency.p50Ms)} | ${ms(warm.latency.p95Ms)} | ${ms(warm.latency.p99Ms)} | ${ms(warm.latency.maxMs)} | — |`,
    ].join('\n');
    const dir = path.join(import.meta.dirname, 'results');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `dashboard-${started.toISOString().replace(/[:.]/g, '-')}.json`);
    const record = {
      started: started.toISOString(),
      command: 'npm run bench:dashboard',
      settings: { ...recordedSettings(), coldReads: config.coldReads },
      machine: { cpus: os.cpus().length, node: process.version, loadBefore, loadAfter: load() },
      dataset: facts,
      firstReadMs: first.ms,
      cold,
      warm,
    };
    await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
    say(`\n${table}\n`);
    say(
      `Load average (1, 5, 15 min): ${loadBefore.join(' ')} before, ${record.machine.loadAfter.join(' ')} after.`,
    );
    say(`Results: ${path.relative(process.cwd(), file)}`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
