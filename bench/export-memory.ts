// npm run bench:export: downloads the whole asset register as CSV (every item of the benchmark database) and
// samples the API server's resident memory meanwhile. Streaming keeps it flat: the peak should sit near the
// idle figure, whatever the row count. Prints a Markdown table for bench/README.md.
import { readFileSync } from 'node:fs';
import { startApiServer, type RunningServer } from './api-server.ts';
import { prepareDataset } from './dataset.ts';
import { settings } from './settings.ts';

const { databaseUrl, items, admin } = settings;
const format = process.env.BENCH_EXPORT_FORMAT || 'csv';

/** Resident set size of a process in MiB, from /proc. */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}

interface Measured {
  rows: number;
  mib: number;
  seconds: number;
  peak: number;
}

/** Downloads one export to the end, counting its lines and sampling the server's RSS every 50 ms meanwhile. */
async function measure(server: RunningServer, query: string): Promise<Measured> {
  const pid = server.pid!;
  let peak = rssMiB(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 50);
  try {
    const started = performance.now();
    const res = await fetch(`${server.baseUrl}/api/v1/reports/asset-register?${query}`, {
      headers: server.headers,
    });
    if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    return { rows: format === 'csv' ? lines - 1 : NaN, mib: bytes / 2 ** 20, seconds, peak };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const facts = await prepareDataset(databaseUrl, items);
  const server = await startApiServer(databaseUrl, admin, `/api/v1/items/${facts.minId}`);
  try {
    // Warm the process (routes compiled, pool open) with a small export, then take the idle figure.
    await measure(server, `format=${format}&supplier_id=1`);
    const idle = rssMiB(server.pid!);
    // One top-level category's subtree first, then everything: a flat memory gives both about the same peak.
    const exports = [`category_id=${facts.topCategoryIds[0]}`, 'whole register'];
    const rows = [];
    for (const what of exports) {
      const filter = what === 'whole register' ? '' : `&${what}`;
      const m = await measure(server, `format=${format}${filter}`);
      rows.push(
        `| ${format}, ${what} | ${Number.isNaN(m.rows) ? '—' : m.rows} | ${m.mib.toFixed(0)} MiB | ` +
          `${m.seconds.toFixed(1)} s | ${idle.toFixed(0)} MiB | ${m.peak.toFixed(0)} MiB | ${(m.peak - idle).toFixed(0)} MiB |`,
      );
    }
    process.stdout.write(
      [
        `Dataset: ${facts.items} items`,
        '| export | rows | size | time | RSS idle | RSS peak | peak − idle |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
