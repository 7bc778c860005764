// Scheduled reports end to end: schedules checked when saved, runs made as the owner at the cron time, the file
// mailed through a real SMTP server on loopback and kept for download, failures retried and shown.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { reportRuns, reportSchedules } from '../../db/schema.ts';
import { smtpMailer, type Mailer } from '../../platform/mail.ts';
import { runScheduledReports } from './runner.ts';

let t: TestApp;
let smtp: SMTPServer;
let mailer: Mailer;
const inbox: ParsedMail[] = [];
let room: { id: number };
let elsewhere: { id: number };
/** A mail server that is not there: nothing listens on port 9 (discard) here. */
const deadMailer = smtpMailer({ url: 'smtp://127.0.0.1:9', from: 'reports@example.com' });

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => {
        inbox.push(mail);
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  const mail = { url: `smtp://127.0.0.1:${port}`, from: 'Inventory <reports@example.com>' };
  mailer = smtpMailer(mail);
  t = await createTestApp({ mail });
  room = await makeLocation(t, { name: 'Scheduled room' });
  elsewhere = await makeLocation(t, { name: 'Elsewhere' });
  await makeItem(t, {
    sku: 'SCHED-1',
    location_id: room.id,
    purchase_price: '100.00',
    purchase_date: '2024-01-10',
  });
  await makeItem(t, {
    sku: 'SCHED-2',
    location_id: elsewhere.id,
    purchase_price: '5.00',
    purchase_date: '2024-01-10',
  });
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtp?.close(resolve));
});

const schedules = '/api/v1/report-schedules';
const daily = {
  name: 'Register for finance',
  report: 'asset-register',
  filters: { as_of: '2024-12-31' },
  format: 'csv',
  cron: '0 7 * * *',
  recipients: ['finance@example.com'],
};

async function schedule(body: Record<string, unknown> = {}) {
  const res = await t.request({ method: 'POST', url: schedules, payload: { ...daily, ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; next_run_at: string; version: number }>();
}

const runs = async (id: number) =>
  (await t.request({ method: 'GET', url: `${schedules}/${id}/runs` })).json<{
    data: {
      id: number;
      state: string;
      attempts: number;
      error: string | null;
      download_url: string | null;
    }[];
  }>().data;

/** A moment after the schedule's next run time. */
const after = (iso: string, seconds = 1) => new Date(new Date(iso).getTime() + seconds * 1000);

describe('saving a schedule', () => {
  it('computes the next run in the schedule’s time zone', async () => {
    const res = await t.request({
      method: 'POST',
      url: schedules,
      payload: { ...daily, cron: '30 6 * * 1', timezone: 'Europe/Berlin' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const next = new Date(res.json().next_run_at);
    expect(next.getUTCDay()).toBe(1);
    // 06:30 in Berlin is 05:30 UTC in winter, 04:30 in summer.
    expect([4, 5]).toContain(next.getUTCHours());
    expect(next.getUTCMinutes()).toBe(30);
    expect(res.json()).toMatchObject({ report: 'asset-register', enabled: true, last_run: null });
  });

  it.each([
    [{ cron: '* * *' }, 'cron'],
    [{ cron: '61 * * * *' }, 'cron'],
    [{ cron: '0 0 30 2 *' }, 'cron'],
    [{ timezone: 'Mars/Olympus' }, 'timezone'],
    [{ report: 'nonsense' }, 'report'],
    [{ filters: { status: 'gone' } }, 'filters.status'],
    [{ filters: { as_of: '31/12/2024' } }, 'filters.as_of'],
    [{ filters: { bogus: 1 } }, 'filters'],
    [{ recipients: ['not an email'] }, 'recipients.0'],
    [{ format: 'docx' }, 'format'],
  ])('refuses %j naming %s', async (change, field) => {
    const res = await t.request({ method: 'POST', url: schedules, payload: { ...daily, ...change } });
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('is private to its owner, refuses a stale change, and is closed to employees', async () => {
    const mine = await schedule();
    const manager = await makeUser(t, 'asset_manager');
    expect((await manager.as({ method: 'GET', url: `${schedules}/${mine.id}` })).statusCode).toBe(404);
    expect((await manager.as({ method: 'GET', url: schedules })).json().data).toEqual([]);

    const renamed = await t.request({
      method: 'PATCH',
      url: `${schedules}/${mine.id}`,
      headers: { 'if-match': `"${mine.version}"` },
      payload: { name: 'Renamed' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const stale = await t.request({
      method: 'PATCH',
      url: `${schedules}/${mine.id}`,
      headers: { 'if-match': `"${mine.version}"` },
      payload: { enabled: false },
    });
    expect(stale.statusCode).toBe(412);

    const employee = await makeUser(t, 'employee');
    expect((await employee.as({ method: 'POST', url: schedules, payload: daily })).statusCode).toBe(403);
  });

  it('lists the reports that can be scheduled', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/reports' });
    const register = res.json().data.find((r: { key: string }) => r.key === 'asset-register');
    expect(register).toMatchObject({ title: 'Asset register' });
    expect(register.filters.properties.as_of).toMatchObject({ type: 'string', format: 'date' });
    expect(register.filters.properties.status.enum).toContain('deployed');
  });
});

describe('running schedules', () => {
  // Each test counts the runs of its own schedule alone.
  beforeEach(async () => {
    await t.database.db.delete(reportSchedules);
  });

  it('runs a due schedule once, mails the file and keeps it for download', async () => {
    const s = await schedule({
      name: 'Morning register',
      filters: { as_of: '2024-12-31', location_id: room.id },
    });
    const now = after(s.next_run_at);
    const outcome = await runScheduledReports(t.database.db, mailer, now);
    expect(outcome).toMatchObject({ succeeded: 1, failed: 0 });
    // The same tick again (another worker, a restart) plans nothing new.
    expect(await runScheduledReports(t.database.db, mailer, now)).toMatchObject({ planned: 0, succeeded: 0 });

    const mail = inbox.find((m) => m.subject === 'Morning register: Asset register');
    expect(mail, 'the mail arrived').toBeDefined();
    expect(mail!.to).toMatchObject({ text: 'finance@example.com' });
    const attachment = mail!.attachments[0]!;
    expect(attachment.filename).toBe('asset-register-2024-12-31.csv');
    const csv = attachment.content.toString('utf8');
    expect(csv).toContain('SCHED-1');
    expect(csv).not.toContain('SCHED-2');

    const [run] = await runs(s.id);
    expect(run).toMatchObject({ state: 'succeeded', attempts: 1, error: null });
    const file = await t.request({ method: 'GET', url: run!.download_url! });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.body).toBe(csv);

    const later = (await t.request({ method: 'GET', url: `${schedules}/${s.id}` })).json();
    expect(new Date(later.next_run_at).getTime()).toBeGreaterThan(now.getTime());
    expect(later.last_run).toMatchObject({ id: run!.id, state: 'succeeded' });
  });

  it('retries a failed delivery, shows why, and succeeds when the mail server is back', async () => {
    const s = await schedule({ name: 'Flaky mail' });
    const now = after(s.next_run_at);
    expect(await runScheduledReports(t.database.db, deadMailer, now)).toMatchObject({ retrying: 1 });
    const [waiting] = await runs(s.id);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, download_url: null });
    expect(waiting!.error).toMatch(/ECONNREFUSED|connect/i);

    // Not before its retry time…
    expect(await runScheduledReports(t.database.db, mailer, after(s.next_run_at, 30))).toMatchObject({
      succeeded: 0,
    });
    // …then it goes through.
    expect(await runScheduledReports(t.database.db, mailer, after(s.next_run_at, 62))).toMatchObject({
      succeeded: 1,
    });
    expect((await runs(s.id))[0]).toMatchObject({ state: 'succeeded', attempts: 2, error: null });
  });

  it('gives up after the last retry and says so', async () => {
    const s = await schedule({ name: 'Never delivered' });
    let clock = after(s.next_run_at);
    for (const wait of [0, 61, 5 * 60 + 1, 30 * 60 + 1]) {
      clock = new Date(clock.getTime() + wait * 1000);
      await runScheduledReports(t.database.db, deadMailer, clock);
    }
    const [run] = await runs(s.id);
    expect(run).toMatchObject({ state: 'failed', attempts: 4 });
    expect(run!.error).toMatch(/ECONNREFUSED|connect/i);
  });

  it('runs as the owner sees things now: a scoped owner gets their subtree, one without access is stopped', async () => {
    const scoped = await makeUser(t, 'auditor', { location_scope_id: room.id });
    const created = await scoped.as({
      method: 'POST',
      url: schedules,
      payload: { ...daily, name: 'Scoped register', recipients: [], filters: { as_of: '2024-12-31' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json<{ id: number; next_run_at: string; version: number }>();
    await runScheduledReports(t.database.db, mailer, after(s.next_run_at));
    const runList = await scoped.as({ method: 'GET', url: `${schedules}/${s.id}/runs` });
    const run = runList.json().data[0];
    expect(run).toMatchObject({ state: 'succeeded', delivered_to: [] });
    const csv = (await scoped.as({ method: 'GET', url: run.download_url })).body;
    expect(csv).toContain('SCHED-1');
    expect(csv).not.toContain('SCHED-2');
    // Someone else cannot download it.
    expect((await t.request({ method: 'GET', url: run.download_url })).statusCode).toBe(404);

    const demoted = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${scoped.id}`,
      payload: { role: 'employee' },
    });
    expect(demoted.statusCode, demoted.body).toBe(200);
    const planned = (
      await t.database.db.select().from(reportSchedules).where(eq(reportSchedules.id, s.id))
    )[0]!;
    await runScheduledReports(t.database.db, mailer, after(planned.next_run_at!.toISOString()));
    const [failed] = await t.database.db
      .select()
      .from(reportRuns)
      .where(eq(reportRuns.schedule_id, s.id))
      .orderBy(desc(reportRuns.id));
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed!.error).toMatch(/can no longer read this report/);
    const stopped = (
      await t.database.db.select().from(reportSchedules).where(eq(reportSchedules.id, s.id))
    )[0];
    expect(stopped!.next_run_at).toBeNull();
  });

  it('queues a run on demand', async () => {
    const s = await schedule({ name: 'On demand', enabled: false });
    expect(s.next_run_at).toBeNull();
    const queued = await t.request({ method: 'POST', url: `${schedules}/${s.id}/runs` });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await runScheduledReports(t.database.db, mailer, after(new Date().toISOString()))).toMatchObject({
      succeeded: 1,
    });
    expect((await runs(s.id))[0]).toMatchObject({ state: 'succeeded' });
  });
});

describe('without a mail server configured', () => {
  it('refuses recipients but runs a download-only schedule', async () => {
    const bare = await createTestApp();
    try {
      const refused = await bare.request({ method: 'POST', url: schedules, payload: daily });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0]).toMatchObject({ field: 'recipients' });
      const kept = await bare.request({
        method: 'POST',
        url: schedules,
        payload: { ...daily, recipients: [] },
      });
      expect(kept.statusCode, kept.body).toBe(201);
      const outcome = await runScheduledReports(bare.database.db, undefined, after(kept.json().next_run_at));
      expect(outcome).toMatchObject({ succeeded: 1 });
    } finally {
      await bare.close();
    }
  });
});

describe('downloading any catalogued report', () => {
  const download = (query: string) =>
    t.request({ method: 'GET', url: `/api/v1/reports/asset-register/download?${query}` });

  it('gives the file the report’s own route gives', async () => {
    const generic = await download(`format=csv&as_of=2024-12-31&location_id=${room.id}`);
    expect(generic.statusCode, generic.body).toBe(200);
    expect(generic.headers['content-disposition']).toContain('asset-register-2024-12-31.csv');
    const own = await t.request({
      method: 'GET',
      url: `/api/v1/reports/asset-register?format=csv&as_of=2024-12-31&location_id=${room.id}`,
    });
    expect(generic.body).toBe(own.body);
    expect(generic.body).toContain('SCHED-1');
  });

  it('names a bad filter, and knows no unknown report', async () => {
    const bad = await download('format=csv&status=gone');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('status');
    expect((await download('format=docx')).statusCode).toBe(400);
    const unknown = await t.request({ method: 'GET', url: '/api/v1/reports/nonsense/download?format=csv' });
    expect(unknown.statusCode).toBe(404);
    const employee = await makeUser(t, 'employee');
    const refused = await employee.as({
      method: 'GET',
      url: '/api/v1/reports/asset-register/download?format=csv',
    });
    expect(refused.statusCode).toBe(403);
  });
});
