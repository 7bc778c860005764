// The `eis` command as an operator runs it, against an embedded database on disk.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/connection.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'eis-cli-'));
const main = path.join(import.meta.dirname, '../src/main.ts');

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function eis(...args: string[]): Promise<{ code: number; stdout: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
  try {
    const { stdout } = await run(process.execPath, [main, ...args], { env });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

async function withDatabase(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<unknown>) {
  const database = await openDatabase({ dataDir, statementTimeoutMs: 0 });
  try {
    await database.migrate();
    await work(database.db);
  } finally {
    await database.close();
  }
}

describe('eis audit verify', () => {
  it('says the chain is intact, then names the first entry altered behind its back', async () => {
    await withDatabase(async (db) => {
      for (const name of ['North site', 'South site', 'East site']) {
        await db.execute(sql`insert into locations (name, type) values (${name}, 'site')`);
      }
    });
    const intact = await eis('audit', 'verify');
    expect(intact).toEqual({ code: 0, stdout: 'Audit log intact: 3 entries, every link verified.\n' });

    await withDatabase((db) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
        await tx.execute(sql`update audit_log set actor_label = 'someone else' where seq = 2`);
      }),
    );
    const broken = await eis('audit', 'verify');
    expect(broken).toEqual({
      code: 1,
      stdout: 'Audit log BROKEN at entry 2: entry 2 was altered after it was written.\n',
    });
  }, 120_000);
});

describe('eis jobs maintenance-events', () => {
  it('records one event per overdue maintenance occurrence, and nothing new when run again', async () => {
    await withDatabase(async (db) => {
      await db.execute(sql`insert into inventory_items (sku, name) values ('CLI-MAINT-1', 'Lift')`);
      await db.execute(sql`insert into maintenance_schedules (item_id, maintenance_type, scheduled_date)
                           select id, 'inspection', '2001-01-01' from inventory_items where sku = 'CLI-MAINT-1'`);
    });
    expect(await eis('jobs', 'maintenance-events')).toEqual({
      code: 0,
      stdout: 'Recorded 1 overdue maintenance events.\n',
    });
    expect(await eis('jobs', 'maintenance-events')).toEqual({
      code: 0,
      stdout: 'Recorded 0 overdue maintenance events.\n',
    });
  });
});
