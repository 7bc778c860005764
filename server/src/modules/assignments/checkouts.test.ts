import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../db/schema.ts';
import { makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const checkout = (itemId: number, payload: object) =>
  t.request({ method: 'POST', url: `/api/v1/items/${itemId}/checkout`, payload });
const checkin = (itemId: number, payload: object) =>
  t.request({ method: 'POST', url: `/api/v1/items/${itemId}/checkin`, payload });
const get = async (url: string) => {
  const res = await t.request({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function eventsFor(type: string, itemId: number) {
  return t.database.db
    .select()
    .from(events)
    .where(and(eq(events.type, type), eq(events.aggregate_id, itemId)));
}

describe('checking items out and in', () => {
  it('hands an item to a person and takes it back, keeping the whole story', async () => {
    const person = await makeUser(t, 'employee');
    const item = await makeItem(t, { status: 'in_stock' });

    const out = await checkout(item.id, {
      assignee_user_id: person.id,
      expected_checkin: inDays(14),
      note: 'for the Lisbon trip',
    });
    expect(out.statusCode, out.body).toBe(201);
    expect(out.json()).toMatchObject({
      item_id: item.id,
      target_type: 'user',
      assignee: { id: person.id, email: person.email },
      note: 'for the Lisbon trip',
      checked_out_by: 'admin@example.com',
      checked_in_at: null,
      overdue: false,
    });
    const deployed = await get(`/api/v1/items/${item.id}`);
    expect(deployed).toMatchObject({ status: 'deployed', assigned_to: person.email });

    const back = await checkin(item.id, { condition: 'good', note: 'all fine' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({
      id: out.json().id,
      checkin_condition: 'good',
      checkin_note: 'all fine',
    });
    expect(back.json().checked_in_at).not.toBeNull();
    expect(await get(`/api/v1/items/${item.id}`)).toMatchObject({ status: 'in_stock', assigned_to: null });

    const history = await get(`/api/v1/items/${item.id}/history`);
    expect(history.data.map((h: { action: string }) => h.action)).toEqual([
      'checked_in',
      'checked_out',
      'created',
    ]);
    expect(history.data[1].additional_data.changes.status).toEqual({ before: 'in_stock', after: 'deployed' });

    const perItem = await get(`/api/v1/items/${item.id}/assignments`);
    expect(perItem.data).toHaveLength(1);
    const perPerson = await get(`/api/v1/users/${person.id}/assignments`);
    expect(perPerson.data.map((a: { item_id: number }) => a.item_id)).toEqual([item.id]);
    expect(await eventsFor('item.checked_out', item.id)).toHaveLength(1);
    expect(await eventsFor('item.checked_in', item.id)).toHaveLength(1);
  });

  it('refuses an item already out with 409 naming who has it', async () => {
    const first = await makeUser(t, 'employee', { display_name: 'Ada Holder' });
    const second = await makeUser(t, 'employee');
    const item = await makeItem(t);
    expect((await checkout(item.id, { assignee_user_id: first.id })).statusCode).toBe(201);
    const res = await checkout(item.id, { assignee_user_id: second.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('Ada Holder');
    expect(res.json().errors[0].field).toBe('item_id');
  });

  it('refuses an unknown or inactive person, naming the field', async () => {
    const item = await makeItem(t);
    const unknown = await checkout(item.id, { assignee_user_id: 99_999_999 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'assignee_user_id' });

    const leaver = await makeUser(t, 'employee');
    await t.request({ method: 'PATCH', url: `/api/v1/users/${leaver.id}`, payload: { is_active: false } });
    const inactive = await checkout(item.id, { assignee_user_id: leaver.id });
    expect(inactive.statusCode).toBe(422);
    expect(inactive.json().errors[0].message).toContain('not active');
    expect((await get(`/api/v1/items/${item.id}`)).status).toBe('in_stock');
  });

  it('wants exactly one target and an expected return in the future', async () => {
    const item = await makeItem(t);
    const location = await makeLocation(t);
    const person = await makeUser(t, 'employee');
    expect((await checkout(item.id, {})).statusCode).toBe(422);
    const two = await checkout(item.id, { assignee_user_id: person.id, location_id: location.id });
    expect(two.statusCode).toBe(422);
    expect(two.json().errors[0].field).toBe('location_id');
    const past = await checkout(item.id, { assignee_user_id: person.id, expected_checkin: inDays(-1) });
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0].field).toBe('expected_checkin');
    const unknownField = await checkout(item.id, { assignee_user_id: person.id, due: 'soon' });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().errors[0].field).toBe('due');
  });

  it('refuses an item whose status does not allow it, naming the status', async () => {
    const person = await makeUser(t, 'employee');
    for (const status of ['ordered', 'in_repair']) {
      const item = await makeItem(t, { status });
      const res = await checkout(item.id, { assignee_user_id: person.id });
      expect(res.statusCode, status).toBe(422);
      expect(res.json().errors[0]).toMatchObject({ field: 'status' });
      expect(res.json().errors[0].message).toContain(status);
    }
  });

  it('places an item at a location, within its capacity', async () => {
    const room = await makeLocation(t, { capacity: 1 });
    const item = await makeItem(t);
    const res = await checkout(item.id, { location_id: room.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ target_type: 'location', location: { id: room.id } });
    expect(await get(`/api/v1/items/${item.id}`)).toMatchObject({ status: 'deployed', location_id: room.id });

    const another = await makeItem(t);
    const full = await checkout(another.id, { location_id: room.id });
    expect(full.statusCode).toBe(409);
    expect(full.json().errors[0].field).toBe('location_id');
    expect((await get(`/api/v1/items/${another.id}`)).status).toBe('in_stock');
    expect(await get(`/api/v1/items/${another.id}/assignments`)).toMatchObject({ data: [] });
  });

  it('puts items into kits but never into a kit inside themselves', async () => {
    const [bag, charger, cable] = [await makeItem(t), await makeItem(t), await makeItem(t)];
    expect((await checkout(charger.id, { parent_item_id: bag.id })).statusCode).toBe(201);
    expect((await checkout(cable.id, { parent_item_id: charger.id })).statusCode).toBe(201);
    // A kit member keeps its status until the kit itself goes out.
    expect((await get(`/api/v1/items/${charger.id}`)).status).toBe('in_stock');

    const loop = await checkout(bag.id, { parent_item_id: cable.id });
    expect(loop.statusCode).toBe(422);
    expect(loop.json().errors[0]).toMatchObject({ field: 'parent_item_id' });
    expect(loop.json().errors[0].message).toContain('cycle');
    expect((await checkout(bag.id, { parent_item_id: bag.id })).statusCode).toBe(422);
    const missing = await checkout(bag.id, { parent_item_id: 99_999_999 });
    expect(missing.json().errors[0]).toMatchObject({ field: 'parent_item_id' });
  });

  it('sends a damaged item to repair, and refuses to check in what is not out', async () => {
    const person = await makeUser(t, 'employee');
    const shelf = await makeLocation(t);
    const item = await makeItem(t);
    expect((await checkin(item.id, { condition: 'good' })).statusCode).toBe(409);
    await checkout(item.id, { assignee_user_id: person.id });
    const back = await checkin(item.id, { condition: 'damaged', location_id: shelf.id });
    expect(back.statusCode, back.body).toBe(200);
    expect(await get(`/api/v1/items/${item.id}`)).toMatchObject({
      status: 'in_repair',
      location_id: shelf.id,
    });
    expect((await checkin(item.id, { condition: 'excellent' })).statusCode).toBe(400);
  });

  it('changes a checked-out item’s status or holder only through check-in', async () => {
    const person = await makeUser(t, 'employee');
    const item = await makeItem(t);
    const assignment = (await checkout(item.id, { assignee_user_id: person.id })).json();
    for (const payload of [{ status: 'in_repair' }, { assigned_to: 'someone else' }]) {
      const res = await t.request({ method: 'PATCH', url: `/api/v1/items/${item.id}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(409);
      expect(res.json().detail).toContain(`assignment ${assignment.id}`);
    }
    const renamed = await t.request({
      method: 'PATCH',
      url: `/api/v1/items/${item.id}`,
      payload: { name: 'Renamed' },
    });
    expect(renamed.statusCode).toBe(200);
    await checkin(item.id, { condition: 'good' });
    const retired = await t.request({
      method: 'PATCH',
      url: `/api/v1/items/${item.id}`,
      payload: { status: 'retired' },
    });
    expect(retired.statusCode).toBe(200);
  });

  it('keeps an item that was ever checked out from being deleted, so its assignment history stays', async () => {
    const person = await makeUser(t, 'employee');
    const item = await makeItem(t);
    await checkout(item.id, { assignee_user_id: person.id });
    await checkin(item.id, { condition: 'good' });
    expect((await t.request({ method: 'DELETE', url: `/api/v1/items/${item.id}` })).statusCode).toBe(409);
  });

  it('answers a retried check-out with the first answer, not a 409 (Idempotency-Key)', async () => {
    const person = await makeUser(t, 'employee');
    const item = await makeItem(t);
    const send = () =>
      t.request({
        method: 'POST',
        url: `/api/v1/items/${item.id}/checkout`,
        headers: { 'idempotency-key': `checkout-${item.id}` },
        payload: { assignee_user_id: person.id },
      });
    const [first, retry] = [await send(), await send()];
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.json().id).toBe(first.json().id);
  });

  it('answers 412 when the item changed since the caller read it', async () => {
    const person = await makeUser(t, 'employee');
    const item = await makeItem(t);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/items/${item.id}/checkout`,
      headers: { 'if-match': '"7"' },
      payload: { assignee_user_id: person.id },
    });
    expect(res.statusCode).toBe(412);
  });

  it('hides items outside a scoped caller’s locations (404)', async () => {
    const site = await makeLocation(t, { type: 'site' });
    const elsewhere = await makeLocation(t, { type: 'site' });
    const tech = await makeUser(t, 'technician', { location_scope_id: site.id });
    const person = await makeUser(t, 'employee');
    const outside = await makeItem(t, { location_id: elsewhere.id });
    const inside = await makeItem(t, { location_id: site.id });
    const post = (url: string, payload: object) => tech.as({ method: 'POST', url, payload });

    expect(
      (await post(`/api/v1/items/${outside.id}/checkout`, { assignee_user_id: person.id })).statusCode,
    ).toBe(404);
    expect(
      (await tech.as({ method: 'GET', url: `/api/v1/items/${outside.id}/assignments` })).statusCode,
    ).toBe(404);
    const toElsewhere = await post(`/api/v1/items/${inside.id}/checkout`, { location_id: elsewhere.id });
    expect(toElsewhere.statusCode).toBe(422);
    expect(toElsewhere.json().errors[0].field).toBe('location_id');
    expect(
      (await post(`/api/v1/items/${inside.id}/checkout`, { assignee_user_id: person.id })).statusCode,
    ).toBe(201);

    await checkout(outside.id, { assignee_user_id: person.id });
    const theirs = await tech.as({ method: 'GET', url: `/api/v1/users/${person.id}/assignments` });
    expect(theirs.json().data.map((a: { item_id: number }) => a.item_id)).toEqual([inside.id]);
  });
});

describe('the database itself', () => {
  it('refuses a second open check-out written past the code', async () => {
    const person = await makeUser(t, 'employee');
    const item = await makeItem(t);
    await checkout(item.id, { assignee_user_id: person.id });
    await expect(
      t.database.db.execute(
        sql`insert into checkouts (item_id, assignee_user_id) values (${item.id}, ${person.id})`,
      ),
    ).rejects.toThrow();
  });
});

describe.runIf(onPostgres)('under real concurrency (PostgreSQL)', () => {
  it('gives exactly one of 50 simultaneous check-outs of one item, and 409 to the rest', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => makeUser(t, 'employee')));
    const item = await makeItem(t);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => checkout(item.id, { assignee_user_id: people[i % 5]!.id })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    const assignments = await get(`/api/v1/items/${item.id}/assignments`);
    expect(assignments.data).toHaveLength(1);
    const history = await get(`/api/v1/items/${item.id}/history`);
    expect(history.data.filter((h: { action: string }) => h.action === 'checked_out')).toHaveLength(1);
    expect(await eventsFor('item.checked_out', item.id)).toHaveLength(1);
  });
});
