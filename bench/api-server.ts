// The API under test: `eis serve` in a child process on a free port, on the benchmark database; signed in as
// the first admin when the API asks for a token.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnEis } from './eis-cli.ts';

export interface RunningServer {
  baseUrl: string;
  pid: number | undefined;
  /** Headers every request needs: the bearer token when the API requires sign-in. */
  headers: Record<string, string>;
  stop(): Promise<void>;
}

export interface Admin {
  email: string;
  password: string;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No free port');
  return address.port;
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
}

/** `{}` when `probePath` answers without a token; else signs in and returns the Authorization header. */
async function signInIfRequired(
  baseUrl: string,
  probePath: string,
  admin: Admin,
): Promise<Record<string, string>> {
  const probe = await fetch(`${baseUrl}${probePath}`);
  if (probe.status !== 401) return {};
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const body = (await login.json().catch(() => ({}))) as { access_token?: string };
  if (!login.ok || !body.access_token) {
    throw new Error(`The API wants a token, and signing in as ${admin.email} failed (${login.status})`);
  }
  return { authorization: `Bearer ${body.access_token}` };
}

export async function startApiServer(
  databaseUrl: string,
  admin: Admin,
  probePath: string,
): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'production',
    // The first admin, created on a first start, signs in when the API asks for a token.
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    // One caller drives all the load; a per-caller limit would measure itself, not the API.
    RATE_LIMIT_PER_MINUTE: '0',
    // The start-up jobs (a whole-fleet revaluation among them) would run during the measurements; the dataset's
    // preparation runs the one the reports depend on (the valuation rollup) beforehand.
    RUN_JOBS: 'false',
  };
  const child = spawnEis(['serve'], env, 'pipe');
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = () => stopChild(child);

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const ready = await fetch(`${baseUrl}/ready`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) {
      try {
        return { baseUrl, pid: child.pid, headers: await signInIfRequired(baseUrl, probePath, admin), stop };
      } catch (error) {
        await stop();
        throw error;
      }
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`The API did not become ready on ${baseUrl}:\n${output}`);
}
