// `npm run web:size`: the JavaScript a first visit downloads, compressed (gzip and brotli, as served), for the
// sign-in page and for the items list: the entry chunk plus everything the route statically imports.
// Fails above the 300 KB budget. Reads the build manifest, so build first (`npm run web:build`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

const budgetBytes = 300 * 1024;
const dist = path.resolve(import.meta.dirname, '../dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  Chunk
>;

function closure(keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    closure(manifest[key]?.imports ?? [], seen);
  }
  return seen;
}

function sizes(keys: Set<string>) {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const key of keys) {
    const body = readFileSync(path.join(dist, manifest[key]!.file));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
    brotli += brotliCompressSync(body).length;
  }
  return { raw, gzip, brotli };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
let over = false;
for (const [name, route] of [
  ['sign-in', 'src/routes/SignIn.tsx'],
  ['items list', 'src/routes/items/ItemsList.tsx'],
  // The landing page of those who read reports; its charts come after, in a chunk of their own.
  ['dashboard', 'src/routes/dashboard/ExecutiveDashboard.tsx'],
] as const) {
  const { raw, gzip, brotli } = sizes(closure(['index.html', route]));
  over ||= gzip > budgetBytes;
  process.stdout.write(
    `${name.padEnd(11)} JS: ${kb(raw)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli (budget ${kb(budgetBytes)} compressed)\n`,
  );
}
if (over) {
  process.stderr.write('Over budget: split the route further (React.lazy) or drop a dependency.\n');
  process.exit(1);
}
