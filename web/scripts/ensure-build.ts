// Builds the web app when web/dist is missing or older than any of its sources, so `npm start` on a fresh
// clone (or after a pull) serves the current app, and an unchanged one starts at once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const web = path.resolve(import.meta.dirname, '..');
const builtAt = (() => {
  const index = path.join(web, 'dist', 'index.html');
  return existsSync(index) ? statSync(index).mtimeMs : 0;
})();

function newestIn(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestIn(path.join(entry, name))));
}

const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((s) =>
  path.join(web, s),
);
const sourcesAt = Math.max(...sources.filter(existsSync).map(newestIn));

if (sourcesAt > builtAt) {
  process.stdout.write(builtAt ? 'The web app changed; rebuilding it…\n' : 'Building the web app…\n');
  await build({ root: web, configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
}
