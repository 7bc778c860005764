// Overdue check-ins and upcoming reservations: listed, and each turned into one event however often detection runs.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../db/schema.ts';
import { makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';
import { detectDueEvents } from './due-events.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const hoursFromNow = (n: number) => new Date(Date.now() + n * 3_600_000);
const post = async (url: string, payload: object) => {
  const res = await t.request({ method: 'POST', url, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>();
};
const eventsOf = (type: string, aggregateId: number) =>
  t.database.db
    .select()
    .from(events)
    .where(and(eq(events.type, type), eq(events.aggregate_id, aggregateId)));

describe('due events', () => {
  it('lists check-outs past their expected return, longest overdue first', async () => {
    const person = await makeUser(t, 'employee');
    const [late, later, onTime] = [await makeItem(t), await makeItem(t), await makeItem(t)];
    const a = await post(`/api/v1/items/${late.id}/checkout`, {
      assignee_user_id: person.id,
      expected_checkin: hoursFromNow(1).toISOString(),
    });
    const b = await post(`/api/v1/items/${later.id}/checkout`, {
      assignee_user_id: person.id,
      expected_checkin: hoursFromNow(2).toISOString(),
    });
    await post(`/api/v1/items/${onTime.id}/checkout`, {
      assignee_user_id: person.id,
      expected_checkin: hoursFromNow(100).toISOString(),
    });

    expect((await t.request({ method: 'GET', url: '/api/v1/checkouts/overdue' })).json().data).toEqual([]);
    const asOf = hoursFromNow(3).toISOString();
    const res = await t.request({ method: 'GET', url: `/api/v1/checkouts/overdue?as_of=${asOf}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.map((c: { id: number; overdue: boolean }) => [c.id, c.overdue])).toEqual([
      [a.id, true],
      [b.id, true],
    ]);

    const page1 = await t.request({ method: 'GET', url: `/api/v1/checkouts/overdue?as_of=${asOf}&limit=1` });
    const page2 = await t.request({
      method: 'GET',
      url: `/api/v1/checkouts/overdue?as_of=${asOf}&limit=1&cursor=${page1.json().next_cursor}`,
    });
    expect(page2.json().data.map((c: { id: number }) => c.id)).toEqual([b.id]);

    await t.request({
      method: 'POST',
      url: `/api/v1/items/${late.id}/checkin`,
      payload: { condition: 'good' },
    });
    const after = await t.request({ method: 'GET', url: `/api/v1/checkouts/overdue?as_of=${asOf}` });
    expect(after.json().data.map((c: { id: number }) => c.id)).toEqual([b.id]);
  });

  it('writes checkout.overdue and reservation.upcoming once each, however often it runs', async () => {
    const person = await makeUser(t, 'employee');
    const [lent, booked] = [await makeItem(t), await makeItem(t)];
    const checkout = await post(`/api/v1/items/${lent.id}/checkout`, {
      assignee_user_id: person.id,
      expected_checkin: hoursFromNow(1).toISOString(),
    });
    const reservation = await post(`/api/v1/items/${booked.id}/reservations`, {
      user_id: person.id,
      starts_at: hoursFromNow(30).toISOString(),
      ends_at: hoursFromNow(40).toISOString(),
    });

    await detectDueEvents(t.database.db, new Date());
    expect(await eventsOf('checkout.overdue', checkout.id)).toEqual([]);
    expect(await eventsOf('reservation.upcoming', reservation.id)).toEqual([]);

    const tomorrow = hoursFromNow(10);
    const first = await detectDueEvents(t.database.db, tomorrow);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    expect(first.upcoming).toBeGreaterThanOrEqual(1);
    const again = await detectDueEvents(t.database.db, tomorrow);
    expect(again).toEqual({ overdue: 0, upcoming: 0 });
    await detectDueEvents(t.database.db, hoursFromNow(12));

    const overdue = await eventsOf('checkout.overdue', checkout.id);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      aggregate_type: 'checkout',
      dispatched_at: null,
      payload: { item_id: lent.id, assignee_user_id: person.id },
    });
    expect(await eventsOf('reservation.upcoming', reservation.id)).toHaveLength(1);
  });

  it('shows a scoped caller only the overdue items in their locations', async () => {
    const [site, elsewhere] = [
      await makeLocation(t, { type: 'site' }),
      await makeLocation(t, { type: 'site' }),
    ];
    const tech = await makeUser(t, 'technician', { location_scope_id: site.id });
    const person = await makeUser(t, 'employee');
    const [inside, outside] = [
      await makeItem(t, { location_id: site.id }),
      await makeItem(t, { location_id: elsewhere.id }),
    ];
    const due = { assignee_user_id: person.id, expected_checkin: hoursFromNow(1).toISOString() };
    await post(`/api/v1/items/${inside.id}/checkout`, due);
    await post(`/api/v1/items/${outside.id}/checkout`, due);
    const res = await tech.as({
      method: 'GET',
      url: `/api/v1/checkouts/overdue?as_of=${hoursFromNow(2).toISOString()}`,
    });
    expect(res.json().data.map((c: { item_id: number }) => c.item_id)).toEqual([inside.id]);
  });
});

describe.runIf(onPostgres)('under real concurrency (PostgreSQL)', () => {
  it('records each occurrence once when two schedulers run detection together', async () => {
    const person = await makeUser(t, 'employee');
    const item = await makeItem(t);
    const checkout = await post(`/api/v1/items/${item.id}/checkout`, {
      assignee_user_id: person.id,
      expected_checkin: hoursFromNow(1).toISOString(),
    });
    const at = hoursFromNow(5);
    await Promise.all([detectDueEvents(t.database.db, at), detectDueEvents(t.database.db, at)]);
    expect(await eventsOf('checkout.overdue', checkout.id)).toHaveLength(1);
  });
});
