// What is overdue (listed, and one event per occurrence however often detection runs) and the calendar of
// occurrences by technician and location, recurrences projected, scoped callers seeing only their locations.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, maintenanceSchedules } from '../../db/schema.ts';
import { makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';
import { detectMaintenanceEvents } from './overdue-events.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const get = async (url: string) => {
  const res = await t.request({ method: 'GET', url: `/api/v1${url}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
async function scheduleFor(itemId: number, payload: object) {
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/items/${itemId}/maintenance`,
    payload: { maintenance_type: 'inspection', ...payload },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>();
}
const overdueEvents = (scheduleId: number) =>
  t.database.db
    .select()
    .from(events)
    .where(and(eq(events.type, 'maintenance.overdue'), eq(events.aggregate_id, scheduleId)));
const ids = (page: { data: { id: number }[] }) => page.data.map((s) => s.id);

describe('overdue maintenance', () => {
  it('lists schedules due before the date and not started, longest overdue first', async () => {
    const site = await makeLocation(t, { type: 'site' });
    const item = await makeItem(t, { location_id: site.id });
    const late = await scheduleFor(item.id, { scheduled_date: '2001-01-10' });
    const later = await scheduleFor(item.id, { scheduled_date: '2001-01-20' });
    await scheduleFor(item.id, { scheduled_date: '2001-02-20' });
    const cancelled = await scheduleFor(item.id, { scheduled_date: '2001-01-05' });
    await t.request({
      method: 'PATCH',
      url: `/api/v1/maintenance/${cancelled.id}`,
      payload: { status: 'cancelled' },
    });

    const asOf = await get('/maintenance/overdue?as_of=2001-02-01');
    expect(ids(asOf)).toEqual([late.id, later.id]);
    expect(asOf.data[0].overdue).toBe(true);
    const first = await get('/maintenance/overdue?as_of=2001-02-01&limit=1');
    expect(
      ids(await get(`/maintenance/overdue?as_of=2001-02-01&limit=1&cursor=${first.next_cursor}`)),
    ).toEqual([later.id]);
    expect(ids(await get('/maintenance/overdue?limit=500'))).toEqual(
      expect.arrayContaining([late.id, later.id]),
    );

    const scoped = await makeUser(t, 'technician', {
      location_scope_id: (await makeLocation(t, { type: 'site' })).id,
    });
    const theirs = await scoped.as({ method: 'GET', url: '/api/v1/maintenance/overdue?as_of=2001-02-01' });
    expect(theirs.json().data).toEqual([]);
  });

  it('writes maintenance.overdue once per occurrence, however often detection runs', async () => {
    const item = await makeItem(t);
    const weekly = await scheduleFor(item.id, {
      scheduled_date: '2002-03-01',
      recurrence: 'days',
      recurrence_interval: 7,
    });
    await detectMaintenanceEvents(t.database.db, '2002-03-01');
    expect(await overdueEvents(weekly.id)).toEqual([]);
    expect((await detectMaintenanceEvents(t.database.db, '2002-03-02')).overdue).toBeGreaterThanOrEqual(1);
    expect(await detectMaintenanceEvents(t.database.db, '2002-03-03')).toEqual({ overdue: 0 });
    expect(await overdueEvents(weekly.id)).toHaveLength(1);
    const [event] = await overdueEvents(weekly.id);
    expect(event).toMatchObject({
      aggregate_type: 'maintenance_schedule',
      payload: { item_id: item.id, scheduled_date: '2002-03-01' },
    });

    // The next occurrence overdue is a new event.
    await t.request({ method: 'POST', url: `/api/v1/maintenance/${weekly.id}/start` });
    await t.request({
      method: 'POST',
      url: `/api/v1/maintenance/${weekly.id}/complete`,
      payload: { actual_cost: '0' },
    });
    // Completing moved it past today; put the next occurrence back in 2002 to see it fall overdue.
    await t.database.db
      .update(maintenanceSchedules)
      .set({ scheduled_date: '2002-03-08' })
      .where(eq(maintenanceSchedules.id, weekly.id));
    await detectMaintenanceEvents(t.database.db, '2002-03-09');
    expect(await overdueEvents(weekly.id)).toHaveLength(2);
  });
});

describe('maintenance calendar', () => {
  it('lists occurrences in the window by technician and location subtree, recurrences projected', async () => {
    const site = await makeLocation(t, { type: 'site' });
    const room = await makeLocation(t, { parent_location_id: site.id });
    const tech = await makeUser(t, 'technician', { display_name: 'Cal Endar' });
    const inRoom = await makeItem(t, { location_id: room.id });
    const elsewhere = await makeItem(t);
    const monthly = await scheduleFor(inRoom.id, {
      scheduled_date: '2031-01-31',
      recurrence: 'months',
      recurrence_interval: 1,
      technician_user_id: tech.id,
      estimated_duration: '2 hours',
    });
    const oneOff = await scheduleFor(inRoom.id, {
      scheduled_date: '2031-02-10',
      technician: 'Outside Contractor',
    });
    await scheduleFor(inRoom.id, { scheduled_date: '2031-06-01' });
    await scheduleFor(elsewhere.id, { scheduled_date: '2031-02-11', technician_user_id: tech.id });

    const window = 'from=2031-01-01&to=2031-03-31';
    const bySite = await get(`/maintenance/calendar?${window}&location_id=${site.id}`);
    expect(
      bySite.data.map((o: { date: string; schedule_id: number; projected: boolean }) => [
        o.date,
        o.schedule_id,
        o.projected,
      ]),
    ).toEqual([
      ['2031-01-31', monthly.id, false],
      ['2031-02-10', oneOff.id, false],
      ['2031-02-28', monthly.id, true],
      ['2031-03-31', monthly.id, true],
    ]);
    expect(bySite.data[0]).toMatchObject({
      technician: 'Cal Endar',
      estimated_duration: 'PT2H',
      item: { id: inRoom.id },
    });

    const byTech = await get(`/maintenance/calendar?${window}&technician=${tech.id}`);
    expect(byTech.data.map((o: { date: string }) => o.date)).toEqual([
      '2031-01-31',
      '2031-02-11',
      '2031-02-28',
      '2031-03-31',
    ]);
    const byName = await get(`/maintenance/calendar?${window}&technician=outside%20contractor`);
    expect(byName.data.map((o: { schedule_id: number }) => o.schedule_id)).toEqual([oneOff.id]);

    const scoped = await makeUser(t, 'technician', { location_scope_id: site.id });
    const theirs = await scoped.as({
      method: 'GET',
      url: `/api/v1/maintenance/calendar?${window}&technician=${tech.id}`,
    });
    expect(theirs.json().data.every((o: { item: { id: number } }) => o.item.id === inRoom.id)).toBe(true);
  });

  it('refuses a window that is backwards or too wide, naming the field', async () => {
    for (const [query, field] of [
      ['from=2031-02-01&to=2031-01-01', 'to'],
      ['from=2031-01-01&to=2033-01-01', 'to'],
      ['from=2031-01-01', 'to'],
      ['from=2031-01-01&to=2031-02-01&location_id=99999999', 'location_id'],
    ]) {
      const res = await t.request({ method: 'GET', url: `/api/v1/maintenance/calendar?${query}` });
      expect([400, 422], query).toContain(res.statusCode);
      expect(res.json().errors[0].field, query).toBe(field);
    }
  });
});

describe.runIf(onPostgres)('under real concurrency (PostgreSQL)', () => {
  it('records each overdue occurrence once when two schedulers run detection together', async () => {
    const item = await makeItem(t);
    const due = await scheduleFor(item.id, { scheduled_date: '2003-05-05' });
    await Promise.all([
      detectMaintenanceEvents(t.database.db, '2003-06-01'),
      detectMaintenanceEvents(t.database.db, '2003-06-01'),
    ]);
    expect(await overdueEvents(due.id)).toHaveLength(1);
  });
});
