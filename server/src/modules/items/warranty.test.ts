// Warranties about to end: the windows, scope, paging, and events recorded once per item per threshold.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../db/schema.ts';
import { makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';
import { detectWarrantyEvents } from './warranty.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

// A day far from the others' items, so this file's windows hold only its own.
const asOf = '2031-03-01';
const plus = (days: number) =>
  new Date(Date.parse(`${asOf}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const expiring = async (query: string) => {
  const res = await t.request({
    method: 'GET',
    url: `/api/v1/items/warranty-expiring?as_of=${asOf}&${query}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ data: { id: number; days_left: number }[]; next_cursor: string | null }>();
};
const warrantyEvents = (itemId: number) =>
  t.database.db
    .select()
    .from(events)
    .where(and(eq(events.type, 'warranty.expiring'), eq(events.aggregate_id, itemId)))
    .orderBy(asc(events.id));

describe('warranties about to end', () => {
  it('lists items within 30, 60 or 90 days, soonest first, with the days left, paged', async () => {
    const site = await makeLocation(t, { type: 'site' });
    const in10 = await makeItem(t, { warranty_expiry: plus(10), location_id: site.id });
    const in45 = await makeItem(t, { warranty_expiry: plus(45), location_id: site.id });
    const in80 = await makeItem(t, { warranty_expiry: plus(80), location_id: site.id });
    const today = await makeItem(t, { warranty_expiry: asOf, location_id: site.id });
    await makeItem(t, { warranty_expiry: plus(-1) });
    await makeItem(t, { warranty_expiry: plus(200) });

    const in30 = await expiring('days=30');
    expect(in30.data.map((i) => [i.id, i.days_left])).toEqual([
      [today.id, 0],
      [in10.id, 10],
    ]);
    expect((await expiring('')).data).toHaveLength(2);
    expect((await expiring('days=60')).data.map((i) => i.id)).toEqual([today.id, in10.id, in45.id]);
    const first = await expiring('days=90&limit=2');
    expect(first.data.map((i) => i.id)).toEqual([today.id, in10.id]);
    const rest = await expiring(`days=90&limit=2&cursor=${first.next_cursor}`);
    expect(rest.data.map((i) => i.id)).toEqual([in45.id, in80.id]);
    expect(rest.next_cursor).toBeNull();

    const bad = await t.request({ method: 'GET', url: '/api/v1/items/warranty-expiring?days=400' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('days');
  });

  it('shows a scoped caller only the items in their locations', async () => {
    const site = await makeLocation(t, { type: 'site' });
    const elsewhere = await makeLocation(t, { type: 'site' });
    const mine = await makeItem(t, { warranty_expiry: plus(5), location_id: site.id });
    await makeItem(t, { warranty_expiry: plus(5), location_id: elsewhere.id });
    const tech = await makeUser(t, 'technician', { location_scope_id: site.id });
    const res = await tech.as({ method: 'GET', url: `/api/v1/items/warranty-expiring?as_of=${asOf}&days=7` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.map((i: { id: number }) => i.id)).toEqual([mine.id]);
  });

  it('records one event per item per threshold as the end comes closer, however often it runs', async () => {
    const item = await makeItem(t, { warranty_expiry: plus(85) });
    const soon = await makeItem(t, { warranty_expiry: plus(20) });

    await detectWarrantyEvents(t.database.db, asOf);
    await detectWarrantyEvents(t.database.db, asOf);
    expect((await warrantyEvents(item.id)).map((e) => e.payload.within_days)).toEqual([90]);
    // First seen 20 days out: only the 30-day reminder, not three at once.
    expect((await warrantyEvents(soon.id)).map((e) => e.payload.within_days)).toEqual([30]);

    await detectWarrantyEvents(t.database.db, plus(30));
    await detectWarrantyEvents(t.database.db, plus(31));
    await detectWarrantyEvents(t.database.db, plus(60));
    expect((await warrantyEvents(item.id)).map((e) => e.payload.within_days)).toEqual([90, 60, 30]);
    expect(await warrantyEvents(soon.id)).toHaveLength(1);

    // An extended warranty is announced again when its new end comes near.
    await t.request({
      method: 'PATCH',
      url: `/api/v1/items/${soon.id}`,
      payload: { warranty_expiry: plus(100) },
    });
    await detectWarrantyEvents(t.database.db, plus(20));
    expect((await warrantyEvents(soon.id)).map((e) => e.payload.warranty_expiry)).toEqual([
      plus(20),
      plus(100),
    ]);
  });
});

describe.runIf(onPostgres)('under real concurrency (PostgreSQL)', () => {
  it('records each event once when detection runs several times at once', async () => {
    const item = await makeItem(t, { warranty_expiry: plus(3) });
    await Promise.all(Array.from({ length: 5 }, () => detectWarrantyEvents(t.database.db, asOf)));
    expect(await warrantyEvents(item.id)).toHaveLength(1);
  });
});
