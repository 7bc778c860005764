// `npm run dev`: the API (restarting on change) and Vite with hot reload, which proxies /api to the API.
// Open the address Vite prints (http://localhost:5173). Ctrl-C stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [
  spawn(process.execPath, ['--watch', 'server/src/main.ts', 'serve'], { cwd: root, stdio: 'inherit' }),
  spawn('npx', ['vite', '--host', '127.0.0.1'], { cwd: path.join(root, 'web'), stdio: 'inherit' }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const child of children) child.once('exit', stop);
