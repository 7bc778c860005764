// npm run bench:export: downloads the whole asset register as CSV (every item of the benchmark database) and
// samples the API server's resident memory meanwhile. Streaming keeps it flat: the peak should sit near the
// idle figure, whatever the row count. Prints a Markdown line for bench/README.md.
import { readFileSync } from 'node:fs';
import { startApiServer } from './api-server.ts';
import { prepareDataset } from './dataset.ts';

const databaseUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/eis_bench';
const items = Number(process.env.BENCH_ITEMS || 1_000_000);
const format = process.env.BENCH_EXPORT_FORMAT || 'csv';
const admin = {
  email: process.env.BENCH_ADMIN_EMAIL || 'admin@example.com',
  password: process.env.BENCH_ADMIN_PASSWORD || 'eis-bench-admin-password',
};

/** Resident set size of a process in MiB, from /proc. */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}

async function main(): Promise<void> {
  const facts = await prepareDataset(databaseUrl, items);
  const server = await startApiServer(databaseUrl, admin, `/api/v1/items/${facts.minId}`);
  try {
    const pid = server.pid!;
    // Warm the process (routes compiled, pool open) with a small export, then take the idle figure.
    await (
      await fetch(`${server.baseUrl}/api/v1/reports/asset-register?format=csv&supplier_id=1`, {
        headers: server.headers,
      })
    ).arrayBuffer();
    const idle = rssMiB(pid);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 50);
    const started = performance.now();
    const res = await fetch(`${server.baseUrl}/api/v1/reports/asset-register?format=${format}`, {
      headers: server.headers,
    });
    if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines += 1;
    }
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    const rows = format === 'csv' ? lines - 1 : NaN;
    process.stdout.write(
      `| ${format} | ${facts.items} | ${Number.isNaN(rows) ? '—' : rows} | ${(bytes / 2 ** 20).toFixed(0)} MiB | ` +
        `${seconds.toFixed(1)} s | ${idle.toFixed(0)} MiB | ${peak.toFixed(0)} MiB | ${(peak - idle).toFixed(0)} MiB |\n`,
    );
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
