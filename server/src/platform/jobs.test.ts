import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/connection.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { jobRunner } from './jobs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const quiet = { info: () => {}, error: () => {} };

describe('scheduled jobs', () => {
  it('run at once and then on their interval, never overlapping themselves', async () => {
    let started = 0;
    let concurrent = 0;
    let most = 0;
    const runner = jobRunner(
      [
        {
          name: 'slow',
          everyMs: 10,
          run: async () => {
            started++;
            most = Math.max(most, ++concurrent);
            await sleep(35);
            concurrent--;
          },
        },
      ],
      quiet,
    );
    runner.start();
    await sleep(120);
    await runner.stop();
    expect(started).toBeGreaterThanOrEqual(2);
    expect(most).toBe(1);
    const after = started;
    await sleep(40);
    expect(started).toBe(after);
  });

  it('log a failure and try again at the next interval', async () => {
    const errors: string[] = [];
    let attempts = 0;
    const runner = jobRunner(
      [
        {
          name: 'flaky',
          everyMs: 15,
          run: async () => {
            if (++attempts === 1) throw new Error('database away');
          },
        },
      ],
      { info: () => {}, error: (context: { job: string }) => errors.push(context.job) },
    );
    runner.start();
    await sleep(60);
    await runner.stop();
    expect(errors).toEqual(['flaky']);
    expect(attempts).toBeGreaterThanOrEqual(2);
  });

  it('write under their own name in the audit log', async () => {
    const db = t.database.db;
    const runner = jobRunner(
      [
        {
          name: 'tidy-up',
          everyMs: 60_000,
          run: () =>
            db.transaction((tx) =>
              tx.execute(sql`insert into locations (name, type) values ('Job site', 'site')`),
            ),
        },
      ],
      quiet,
    );
    runner.start();
    await runner.stop();
    const [entry] = await queryRows<{ actor_label: string }>(
      db,
      sql`select actor_label from audit_log where entity_type = 'locations' and after ->> 'name' = 'Job site'`,
    );
    expect(entry?.actor_label).toBe('job tidy-up');
  });
});
