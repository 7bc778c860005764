// Maintenance work through the API: start sends the item to repair, completion records the work, returns the item
// and moves recurring schedules on; usage readings make schedules due; concurrent starts have one winner.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../db/schema.ts';
import { makeItem, makeUser } from '../../../test/factories.ts';
import { createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';
import { addDays } from './recurrence.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const today = () => new Date().toISOString().slice(0, 10);
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.request({ method, url: `/api/v1${url}`, ...(payload && { payload }) });
async function scheduleFor(itemId: number, payload: object = {}) {
  const res = await call('POST', `/items/${itemId}/maintenance`, { maintenance_type: 'service', ...payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; version: number }>();
}
const itemStatus = async (id: number) => (await call('GET', `/items/${id}`)).json().status;
const eventsOf = (type: string, scheduleId: number) =>
  t.database.db
    .select()
    .from(events)
    .where(and(eq(events.type, type), eq(events.aggregate_id, scheduleId)));

describe('maintenance work', () => {
  it('records the kind of work: preventive unless the schedule repairs a failure', async () => {
    const item = await makeItem(t, { status: 'in_stock' });
    const planned = await scheduleFor(item.id);
    expect((await call('GET', `/maintenance/${planned.id}`)).json().kind).toBe('preventive');
    const repair = await scheduleFor(item.id, { kind: 'corrective', maintenance_type: 'repair' });
    expect((await call('POST', `/maintenance/${repair.id}/start`)).statusCode).toBe(200);
    const done = await call('POST', `/maintenance/${repair.id}/complete`, { actual_cost: '80' });
    expect(done.json().record).toMatchObject({ kind: 'corrective', maintenance_type: 'repair' });
    const bad = await call('PATCH', `/maintenance/${planned.id}`, { kind: 'emergency' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('kind');
  });

  it('sends the item to repair, records the work exactly, and returns the item', async () => {
    const item = await makeItem(t, { status: 'in_stock' });
    const { id } = await scheduleFor(item.id, { scheduled_date: today() });
    const started = await call('POST', `/maintenance/${id}/start`);
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_progress', started_by: 'admin@example.com' });
    expect(await itemStatus(item.id)).toBe('in_repair');
    expect((await call('POST', `/maintenance/${id}/start`)).statusCode).toBe(409);

    const done = await call('POST', `/maintenance/${id}/complete`, {
      actual_cost: '120.30',
      actual_duration: '1 hour 45 minutes',
      parts: [
        { name: 'Filter', quantity: 3, cost: '0.10' },
        { name: 'Seal', quantity: 1, cost: '0.20' },
      ],
      notes: 'Replaced filter and seal',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().record).toMatchObject({
      schedule_id: id,
      item_id: item.id,
      actual_cost: '120.30',
      parts_cost: '0.30',
      actual_duration: 'PT1H45M',
      notes: 'Replaced filter and seal',
      completed_by: 'admin@example.com',
    });
    expect(done.json().schedule).toMatchObject({ status: 'completed' });
    expect(await itemStatus(item.id)).toBe('in_stock');
    expect((await call('POST', `/maintenance/${id}/complete`, { actual_cost: '1' })).statusCode).toBe(409);

    const history = (await call('GET', `/items/${item.id}/history`)).json();
    expect(history.data.slice(0, 2).map((h: { action: string }) => h.action)).toEqual([
      'maintenance_completed',
      'maintenance_started',
    ]);
    expect(history.data[0].additional_data.changes.status).toEqual({
      before: 'in_repair',
      after: 'in_stock',
    });
    const records = (await call('GET', `/items/${item.id}/maintenance/records`)).json();
    expect(records.data.map((r: { id: number }) => r.id)).toEqual([done.json().record.id]);
    const [completed] = await eventsOf('maintenance.completed', id);
    expect(completed?.payload).toMatchObject({ item_id: item.id, actual_cost: '120.30', next: null });
  });

  it('returns a deployed item to deployed, and refuses money or durations that are not', async () => {
    const item = await makeItem(t, { status: 'deployed' });
    const { id } = await scheduleFor(item.id);
    await call('POST', `/maintenance/${id}/start`);
    const float = await call('POST', `/maintenance/${id}/complete`, { actual_cost: 12.5 });
    expect(float.statusCode).toBe(400);
    expect(float.json().errors[0].field).toBe('actual_cost');
    const badPart = await call('POST', `/maintenance/${id}/complete`, {
      actual_cost: '1.00',
      parts: [{ name: 'x', quantity: 1, cost: '0.001' }],
    });
    expect(badPart.json().errors[0].field).toBe('parts.0.cost');
    const badDuration = await call('POST', `/maintenance/${id}/complete`, {
      actual_cost: '1',
      actual_duration: 'ages',
    });
    expect(badDuration.statusCode).toBe(422);
    expect(badDuration.json().errors[0].field).toBe('actual_duration');
    expect(await itemStatus(item.id)).toBe('in_repair');
    expect((await call('POST', `/maintenance/${id}/complete`, { actual_cost: '0' })).statusCode).toBe(200);
    expect(await itemStatus(item.id)).toBe('deployed');
  });

  it('refuses to start work on an item that is checked out or cannot go to repair', async () => {
    const person = await makeUser(t, 'employee');
    const lent = await makeItem(t);
    await call('POST', `/items/${lent.id}/checkout`, { assignee_user_id: person.id });
    const { id } = await scheduleFor(lent.id);
    const res = await call('POST', `/maintenance/${id}/start`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('checked out');
    expect(await itemStatus(lent.id)).toBe('deployed');
    expect((await call('GET', `/maintenance/${id}`)).json().status).toBe('scheduled');

    const ordered = await makeItem(t, { status: 'ordered' });
    const onOrder = await scheduleFor(ordered.id);
    const refused = await call('POST', `/maintenance/${onOrder.id}/start`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('status');
  });

  it('moves recurring schedules on to their next occurrence', async () => {
    const item = await makeItem(t);
    const everyTen = await scheduleFor(item.id, {
      scheduled_date: today(),
      recurrence: 'days',
      recurrence_interval: 10,
    });
    await call('POST', `/maintenance/${everyTen.id}/start`);
    const done = await call('POST', `/maintenance/${everyTen.id}/complete`, { actual_cost: '10.00' });
    expect(done.json().schedule).toMatchObject({ status: 'scheduled', scheduled_date: addDays(today(), 10) });
    expect(done.json().record.scheduled_date).toBe(today());
    expect(await itemStatus(item.id)).toBe('in_stock');

    // Done early, at a month's end: the next one keeps the anchor day through February.
    const monthly = await scheduleFor(item.id, {
      scheduled_date: '2099-01-31',
      recurrence: 'months',
      recurrence_interval: 1,
    });
    await call('POST', `/maintenance/${monthly.id}/start`);
    const early = await call('POST', `/maintenance/${monthly.id}/complete`, { actual_cost: '0' });
    expect(early.json().schedule.scheduled_date).toBe('2099-02-28');
    await call('POST', `/maintenance/${monthly.id}/start`);
    const again = await call('POST', `/maintenance/${monthly.id}/complete`, { actual_cost: '0' });
    expect(again.json().schedule.scheduled_date).toBe('2099-03-31');
  });

  it('makes a usage schedule due when its counter reaches the due reading', async () => {
    const item = await makeItem(t);
    const pump = await scheduleFor(item.id, {
      recurrence: 'usage',
      recurrence_interval: 250,
      usage_unit: 'hours',
      usage_reading: '1000',
    });
    const url = `/maintenance/${pump.id}`;
    expect((await call('GET', url)).json()).toMatchObject({ next_due_usage: '1250.00', overdue: false });
    const below = await call('POST', `${url}/usage`, { reading: '1249.99' });
    expect(below.json()).toMatchObject({ usage_reading: '1249.99', overdue: false });
    const lower = await call('POST', `${url}/usage`, { reading: '1200' });
    expect(lower.statusCode).toBe(422);
    expect(lower.json().errors[0].field).toBe('reading');
    expect((await call('POST', `${url}/usage`, { reading: '1250' })).json().overdue).toBe(true);
    const overdue = (await call('GET', '/maintenance/overdue?limit=500')).json();
    expect(overdue.data.map((s: { id: number }) => s.id)).toContain(pump.id);

    await call('POST', `${url}/start`);
    const done = await call('POST', `${url}/complete`, { actual_cost: '80.00' });
    expect(done.json().record.usage_reading).toBe('1250.00');
    expect(done.json().schedule).toMatchObject({
      status: 'scheduled',
      next_due_usage: '1500.00',
      overdue: false,
    });

    const dated = await scheduleFor(item.id);
    expect((await call('POST', `/maintenance/${dated.id}/usage`, { reading: '5' })).statusCode).toBe(422);
  });
});

describe.runIf(onPostgres)('under real concurrency (PostgreSQL)', () => {
  it('lets exactly one of many simultaneous starts of a schedule win', async () => {
    const item = await makeItem(t);
    const { id } = await scheduleFor(item.id);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call('POST', `/maintenance/${id}/start`)),
    );
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, ...Array(9).fill(409)]);
    expect(await eventsOf('maintenance.started', id)).toHaveLength(1);
    const history = (await call('GET', `/items/${item.id}/history`)).json();
    expect(history.data.filter((h: { action: string }) => h.action === 'maintenance_started')).toHaveLength(
      1,
    );
  });

  it('lets only one of two schedules of the same item start at once', async () => {
    const item = await makeItem(t);
    const [a, b] = [await scheduleFor(item.id), await scheduleFor(item.id)];
    const answers = await Promise.all([a, b].map((s) => call('POST', `/maintenance/${s.id}/start`)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});
