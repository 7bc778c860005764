// npm run bench: the API against raw PostgreSQL on the same queries, in the same run, on a database of
// BENCH_ITEMS generated items. Writes bench/results/<time>.json and prints a Markdown table. See bench/README.md.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSqlRecorder } from './api-sql.ts';
import { startApiServer } from './api-server.ts';
import { measureCpu } from './cpu-usage.ts';
import { prepareDataset } from './dataset.ts';
import { runHttpLoad } from './http-load.ts';
import { runPgbench } from './pgbench.ts';
import { cpuTable, judge, markdownTable, type ScenarioResult } from './report.ts';
import { scenarios } from './scenarios.ts';
import { recordedSettings, settings } from './settings.ts';

const config = {
  ...settings,
  scenarios: (process.env.BENCH_SCENARIOS || scenarios.map((s) => s.name).join(',')).split(','),
};

const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () => os.loadavg().map((l) => l.toFixed(2));

async function main(): Promise<void> {
  const chosen = scenarios.filter((s) => config.scenarios.includes(s.name));
  if (!chosen.length)
    throw new Error(`BENCH_SCENARIOS names none of: ${scenarios.map((s) => s.name).join(', ')}`);

  const facts = await prepareDataset(config.databaseUrl, config.items);
  say(
    `Dataset: ${facts.items} items, ids ${facts.minId}..${facts.maxId}, top categories ${facts.topCategoryIds.join(', ')}`,
  );
  const loadBefore = load();
  const started = new Date();
  const server = await startApiServer(config.databaseUrl, config.admin, `/api/v1/items/${facts.minId}`);
  if (server.headers.authorization) say(`Signed in as ${config.admin.email}: requests carry a bearer token`);
  const results: ScenarioResult[] = [];
  const sql = openSqlRecorder(config.databaseUrl);
  try {
    for (const scenario of chosen) {
      const description = scenario.describe(facts);
      say(`\n${scenario.name}: ${description}`);
      const scripts = await scenario.pgbenchScripts(facts, sql);
      const connections = scenario.connections ?? config.connections;
      const http = {
        baseUrl: server.baseUrl,
        headers: server.headers,
        nextPath: scenario.paths(facts),
        connections,
      };
      await runHttpLoad({ ...http, durationS: config.warmupS });
      say(`  API, ${connections} connections, ${config.durationS} s…`);
      const apiCpu = measureCpu(server.pid);
      const api = await runHttpLoad({ ...http, durationS: config.durationS });
      const apiCpuUse = apiCpu();
      say(`  pgbench, ${connections} clients, ${config.durationS} s…`);
      const pgbenchCpu = measureCpu(server.pid);
      const pgbench = await runPgbench({
        pgbench: config.pgbench,
        databaseUrl: config.databaseUrl,
        scripts,
        clients: connections,
        threads: Math.min(config.pgbenchJobs, connections),
        durationS: config.durationS,
      });
      const result = judge(scenario, description, api, pgbench, { api: apiCpuUse, pgbench: pgbenchCpu() });
      if (api.non2xx || api.errors || pgbench.failed) {
        say(
          `  warning: ${api.non2xx} non-2xx answers, ${api.errors} errors, ${pgbench.failed} failed transactions`,
        );
      }
      say(`  ${result.verdict}`);
      results.push(result);
    }
  } finally {
    await Promise.all([server.stop(), sql.close()]);
  }

  const table = markdownTable(results);
  const cpu = cpuTable(results, os.cpus().length);
  const record = {
    started: started.toISOString(),
    command: 'npm run bench',
    settings: { ...recordedSettings(), scenarios: config.scenarios },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadBefore,
      loadAfter: load(),
    },
    dataset: facts,
    authenticated: Boolean(server.headers.authorization),
    results,
    table,
    cpuTable: cpu,
  };
  const dir = path.join(import.meta.dirname, 'results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
  say(`\n${table}\n\nCores in use during each measurement:\n\n${cpu}\n`);
  say(
    `Load average (1, 5, 15 min): ${loadBefore.join(' ')} before, ${record.machine.loadAfter.join(' ')} after.`,
  );
  say(`Results: ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
