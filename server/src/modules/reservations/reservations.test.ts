import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();
const reserve = (itemId: number, payload: object) =>
  t.request({ method: 'POST', url: `/api/v1/items/${itemId}/reservations`, payload });
const checkout = (itemId: number, payload: object) =>
  t.request({ method: 'POST', url: `/api/v1/items/${itemId}/checkout`, payload });

describe('reservations', () => {
  it('holds an item for one person at a time; overlaps are refused naming the reservation in the way', async () => {
    const [ana, ben] = [await makeUser(t, 'employee'), await makeUser(t, 'employee')];
    const item = await makeItem(t);
    const first = await reserve(item.id, {
      user_id: ana.id,
      starts_at: hours(24),
      ends_at: hours(48),
      note: 'demo',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'active', user: { id: ana.id }, item: { id: item.id } });

    const clash = await reserve(item.id, { user_id: ben.id, starts_at: hours(47), ends_at: hours(72) });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().detail).toContain(`Reservation ${first.json().id}`);
    expect(clash.json().errors[0].field).toBe('starts_at');

    // Back to back is fine: ranges are half-open.
    const next = await reserve(item.id, { user_id: ben.id, starts_at: hours(48), ends_at: hours(72) });
    expect(next.statusCode, next.body).toBe(201);

    const listed = await t.request({ method: 'GET', url: `/api/v1/items/${item.id}/reservations` });
    expect(listed.json().data.map((r: { user_id: number }) => r.user_id)).toEqual([ana.id, ben.id]);
  });

  it('frees the range once cancelled, and refuses to cancel twice', async () => {
    const person = await makeUser(t, 'employee');
    const item = await makeItem(t);
    const booked = (
      await reserve(item.id, { user_id: person.id, starts_at: hours(1), ends_at: hours(5) })
    ).json();
    const cancel = () => t.request({ method: 'POST', url: `/api/v1/reservations/${booked.id}/cancel` });
    const cancelled = await cancel();
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelled_by: 'admin@example.com' });
    expect((await cancel()).statusCode).toBe(409);
    expect(
      (await reserve(item.id, { user_id: person.id, starts_at: hours(2), ends_at: hours(3) })).statusCode,
    ).toBe(201);
  });

  it('is enforced by the database, not only by the code', async () => {
    const person = await makeUser(t, 'employee');
    const item = await makeItem(t);
    await reserve(item.id, { user_id: person.id, starts_at: hours(10), ends_at: hours(20) });
    const insert = (from: string, to: string) =>
      t.database.db.execute(
        sql`insert into reservations (item_id, user_id, starts_at, ends_at) values (${item.id}, ${person.id}, ${from}, ${to})`,
      );
    await expect(insert(hours(15), hours(25))).rejects.toThrow();
    await expect(insert(hours(20), hours(25))).resolves.toBeDefined();
  });

  it('refuses bad ranges, unknown or inactive people, and items that cannot be used', async () => {
    const person = await makeUser(t, 'employee');
    const item = await makeItem(t);
    const backwards = await reserve(item.id, { user_id: person.id, starts_at: hours(5), ends_at: hours(4) });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].field).toBe('ends_at');
    const past = await reserve(item.id, { user_id: person.id, starts_at: hours(-5), ends_at: hours(-4) });
    expect(past.json().errors[0].field).toBe('ends_at');
    const notADate = await reserve(item.id, { user_id: person.id, starts_at: 'tomorrow', ends_at: hours(4) });
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().errors[0].field).toBe('starts_at');
    const nobody = await reserve(item.id, { user_id: 99_999_999, starts_at: hours(1), ends_at: hours(2) });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json().errors[0].field).toBe('user_id');
    const retired = await makeItem(t, { status: 'in_stock' });
    await t.request({ method: 'PATCH', url: `/api/v1/items/${retired.id}`, payload: { status: 'retired' } });
    const unusable = await reserve(retired.id, {
      user_id: person.id,
      starts_at: hours(1),
      ends_at: hours(2),
    });
    expect(unusable.statusCode).toBe(422);
    expect(unusable.json().errors[0].field).toBe('status');
    expect(
      (await reserve(99_999_999, { user_id: person.id, starts_at: hours(1), ends_at: hours(2) })).statusCode,
    ).toBe(404);
  });

  it('keeps a check-out to someone else out of another person’s reservation, but lets the reserver have it', async () => {
    const [reserver, other] = [await makeUser(t, 'employee'), await makeUser(t, 'employee')];
    const item = await makeItem(t);
    const booked = (
      await reserve(item.id, { user_id: reserver.id, starts_at: hours(-0.01), ends_at: hours(3) })
    ).json();

    const toOther = await checkout(item.id, { assignee_user_id: other.id });
    expect(toOther.statusCode).toBe(409);
    expect(toOther.json().detail).toContain(`Reservation ${booked.id}`);
    const room = await makeLocation(t);
    expect((await checkout(item.id, { location_id: room.id })).statusCode).toBe(409);
    expect((await checkout(item.id, { assignee_user_id: reserver.id })).statusCode).toBe(201);

    // Holding an item until after a future reservation begins is refused too; returning it before is fine.
    const later = await makeItem(t);
    await reserve(later.id, { user_id: reserver.id, starts_at: hours(24), ends_at: hours(48) });
    const tooLong = await checkout(later.id, { assignee_user_id: other.id, expected_checkin: hours(30) });
    expect(tooLong.statusCode).toBe(409);
    const inTime = await checkout(later.id, { assignee_user_id: other.id, expected_checkin: hours(20) });
    expect(inTime.statusCode, inTime.body).toBe(201);
    // …and a reservation starting before that item is expected back is refused in turn.
    const early = await reserve(later.id, { user_id: reserver.id, starts_at: hours(10), ends_at: hours(12) });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain(`assignment ${inTime.json().id}`);
  });

  it('lists what starts within the next days, soonest first', async () => {
    const person = await makeUser(t, 'employee');
    const [soon, later, far] = [await makeItem(t), await makeItem(t), await makeItem(t)];
    await reserve(later.id, { user_id: person.id, starts_at: hours(50), ends_at: hours(60) });
    await reserve(soon.id, { user_id: person.id, starts_at: hours(2), ends_at: hours(3) });
    await reserve(far.id, { user_id: person.id, starts_at: hours(24 * 20), ends_at: hours(24 * 21) });
    const ids = async (url: string) =>
      (await t.request({ method: 'GET', url }))
        .json()
        .data.map((r: { item_id: number }) => r.item_id) as number[];
    const week = await ids('/api/v1/reservations/upcoming?days=7');
    expect(week.filter((id) => [soon.id, later.id, far.id].includes(id))).toEqual([soon.id, later.id]);
    const day = await ids('/api/v1/reservations/upcoming?days=1');
    expect(day).toContain(soon.id);
    expect(day).not.toContain(later.id);

    const first = await t.request({ method: 'GET', url: '/api/v1/reservations/upcoming?days=30&limit=1' });
    const rest = await t.request({
      method: 'GET',
      url: `/api/v1/reservations/upcoming?days=30&limit=500&cursor=${first.json().next_cursor}`,
    });
    expect(rest.json().data.map((r: { id: number }) => r.id)).not.toContain(first.json().data[0].id);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/reservations/upcoming?cursor=bogus' })).statusCode,
    ).toBe(400);
  });
});

describe.runIf(onPostgres)('under real concurrency (PostgreSQL)', () => {
  it('lets exactly one of 20 simultaneous overlapping reservations through', async () => {
    const person = await makeUser(t, 'employee');
    const item = await makeItem(t);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        reserve(item.id, { user_id: person.id, starts_at: hours(10 + i * 0.1), ends_at: hours(20) }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
  });

  it('does not let a reservation and a check-out to someone else both win', async () => {
    const [reserver, other] = [await makeUser(t, 'employee'), await makeUser(t, 'employee')];
    const item = await makeItem(t);
    const [booked, out] = await Promise.all([
      reserve(item.id, { user_id: reserver.id, starts_at: hours(1), ends_at: hours(5) }),
      checkout(item.id, { assignee_user_id: other.id, expected_checkin: hours(4) }),
    ]);
    expect([booked.statusCode, out.statusCode].sort()).toEqual([201, 409]);
  });
});
