// Runs the `eis` CLI (server/src/main.ts) as a child process on the Node running the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';

export const mainScript = path.join(import.meta.dirname, '..', 'server', 'src', 'main.ts');

/** The token key every `eis` command needs with PostgreSQL: one per benchmark run, never stored. */
const jwtSecret = randomBytes(32).toString('hex');
/**
 * The field-encryption key of the benchmark database: fixed, because its seeded items outlive a run, and
 * public, because they are synthetic. Never use it for real data.
 */
export const benchFieldKey = `bench:${createHash('sha256').update('eis benchmark data').digest('base64')}`;

export function spawnEis(
  args: string[],
  env: Record<string, string>,
  stdio: 'inherit' | 'pipe',
): ChildProcess {
  return spawn(process.execPath, [mainScript, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', JWT_SECRET: jwtSecret, ENCRYPTION_KEYS: benchFieldKey, ...env },
    stdio,
  });
}

/** `eis <args>` to completion, its output shown; rejects on a non-zero exit. */
export async function runEis(args: string[], env: Record<string, string>): Promise<void> {
  const child = spawnEis(args, env, 'inherit');
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`eis ${args.join(' ')} exited with ${String(code)}`);
}
