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

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.request({ method: 'POST', url, payload, headers });
const get = async (url: string) => {
  const res = await t.request({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const requestTransfer = async (payload: object) => {
  const res = await post('/api/v1/transfers', payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const actions = async (itemId: number) =>
  (await get(`/api/v1/items/${itemId}/history`)).data.map((h: { action: string }) => h.action);
const eventsOf = (type: string, transferId: number) =>
  t.database.db
    .select()
    .from(events)
    .where(and(eq(events.type, type), eq(events.aggregate_id, transferId)));

describe('a transfer from request to receipt', () => {
  it('moves the items on receipt, with who and when at each step, history and events', async () => {
    const [from, to] = [await makeLocation(t), await makeLocation(t)];
    const [a, b] = [await makeItem(t, { location_id: from.id }), await makeItem(t, { location_id: from.id })];

    const requested = await requestTransfer({ item_ids: [a.id, b.id], to_location_id: to.id, note: 'refit' });
    expect(requested).toMatchObject({
      state: 'requested',
      to_location: { id: to.id, name: to.name },
      item_ids: [a.id, b.id],
      items: [
        { item_id: a.id, from_location_id: from.id, from_location: { id: from.id } },
        { item_id: b.id },
      ],
      requested_by: 'admin@example.com',
      dispatched_at: null,
    });

    const dispatched = await post(`/api/v1/transfers/${requested.id}/dispatch`, {}, { 'if-match': '"1"' });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(dispatched.json()).toMatchObject({ state: 'in_transit', dispatched_by: 'admin@example.com' });
    expect(dispatched.headers.etag).toBe('"2"');
    // In transit, an item is still counted at its source.
    expect((await get(`/api/v1/items/${a.id}`)).location_id).toBe(from.id);

    const received = await post(`/api/v1/transfers/${requested.id}/receive`, { note: 'all there' });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({ state: 'received', received_by: 'admin@example.com' });
    expect(received.json().received_at).not.toBeNull();
    expect((await get(`/api/v1/items/${a.id}`)).location_id).toBe(to.id);
    expect((await get(`/api/v1/items/${b.id}`)).location_id).toBe(to.id);

    expect(await actions(a.id)).toEqual([
      'transfer_received',
      'transfer_dispatched',
      'transfer_requested',
      'created',
    ]);
    const arrival = (await get(`/api/v1/items/${a.id}/history`)).data[0];
    expect(arrival.additional_data).toMatchObject({
      transfer_id: requested.id,
      changes: { location_id: { before: from.id, after: to.id } },
    });
    for (const type of ['transfer.requested', 'transfer.dispatched', 'transfer.received']) {
      expect(await eventsOf(type, requested.id), type).toHaveLength(1);
    }

    // Free again: the same items can go back.
    await requestTransfer({ item_ids: [a.id, b.id], to_location_id: from.id });
  });

  it('refuses illegal steps with 409 naming the state, and a stale version with 412', async () => {
    const [from, to] = [await makeLocation(t), await makeLocation(t)];
    const item = await makeItem(t, { location_id: from.id });
    const transfer = await requestTransfer({ item_ids: [item.id], to_location_id: to.id });
    const early = await post(`/api/v1/transfers/${transfer.id}/receive`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().errors[0]).toMatchObject({ field: 'state' });
    expect(early.json().errors[0].message).toContain('is requested');
    const stale = await post(`/api/v1/transfers/${transfer.id}/dispatch`, {}, { 'if-match': '"9"' });
    expect(stale.statusCode).toBe(412);

    const cancelled = await post(`/api/v1/transfers/${transfer.id}/cancel`, { reason: 'not needed' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', cancel_reason: 'not needed' });
    for (const [step, body] of [
      ['dispatch', {}],
      ['receive', {}],
      ['cancel', { reason: 'again' }],
    ] as const) {
      const res = await post(`/api/v1/transfers/${transfer.id}/${step}`, body);
      expect(res.statusCode, step).toBe(409);
      expect(res.json().errors[0].message).toContain('is cancelled');
    }
    expect((await post(`/api/v1/transfers/${transfer.id}/cancel`, {})).statusCode).toBe(400);
    expect((await get(`/api/v1/items/${item.id}`)).location_id).toBe(from.id);
    expect(await actions(item.id)).toEqual(['transfer_cancelled', 'transfer_requested', 'created']);
    expect(await eventsOf('transfer.cancelled', transfer.id)).toHaveLength(1);
    expect((await post('/api/v1/transfers/99999999/dispatch', {})).statusCode).toBe(404);
  });

  it('cancels a transfer in transit, leaving the items at their source', async () => {
    const [from, to] = [await makeLocation(t), await makeLocation(t)];
    const item = await makeItem(t, { location_id: from.id });
    const transfer = await requestTransfer({ item_ids: [item.id], to_location_id: to.id });
    await post(`/api/v1/transfers/${transfer.id}/dispatch`, {});
    const res = await post(`/api/v1/transfers/${transfer.id}/cancel`, { reason: 'lorry broke down' });
    expect(res.json()).toMatchObject({ state: 'cancelled', cancelled_by: 'admin@example.com' });
    expect((await get(`/api/v1/items/${item.id}`)).location_id).toBe(from.id);
  });
});

describe('bulk requests, all or nothing', () => {
  it('refuses the whole request naming each bad item, and changes nothing', async () => {
    const [from, to] = [await makeLocation(t), await makeLocation(t)];
    const good = await makeItem(t, { location_id: from.id });
    const there = await makeItem(t, { location_id: to.id });
    const res = await post('/api/v1/transfers', {
      item_ids: [good.id, 99_999_999, there.id, good.id],
      to_location_id: to.id,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'item_ids.1', message: 'item 99999999 does not exist' },
      { field: 'item_ids.2', message: `item ${there.id} is already at location ${to.id}` },
      { field: 'item_ids.3', message: `item ${good.id} is listed twice` },
    ]);
    expect(await actions(good.id)).toEqual(['created']);
    expect((await get(`/api/v1/transfers?item_id=${good.id}`)).data).toEqual([]);

    const unknownPlace = await post('/api/v1/transfers', { item_ids: [good.id], to_location_id: 99_999_999 });
    expect(unknownPlace.statusCode).toBe(422);
    expect(unknownPlace.json().errors[0].field).toBe('to_location_id');
  });

  it('refuses checked-out items and items already on their way with 409 naming them', async () => {
    const [from, to] = [await makeLocation(t), await makeLocation(t)];
    const person = await makeUser(t, 'employee');
    const [free, out, moving] = [
      await makeItem(t, { location_id: from.id }),
      await makeItem(t, { location_id: from.id }),
      await makeItem(t, { location_id: from.id }),
    ];
    expect((await post(`/api/v1/items/${out.id}/checkout`, { assignee_user_id: person.id })).statusCode).toBe(
      201,
    );
    const first = await requestTransfer({ item_ids: [moving.id], to_location_id: to.id });
    const res = await post('/api/v1/transfers', {
      item_ids: [free.id, out.id, moving.id],
      to_location_id: to.id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['item_ids.1', 'item_ids.2']);
    expect(res.json().errors[1].message).toContain(`transfer ${first.id}`);
    expect(await actions(free.id)).toEqual(['created']);

    // Nor can an item on its way be handed to someone until the transfer is received or cancelled.
    const handOut = await post(`/api/v1/items/${moving.id}/checkout`, { assignee_user_id: person.id });
    expect(handOut.statusCode).toBe(409);
    expect(handOut.json().errors).toEqual([
      { field: 'item_id', message: `is being transferred (transfer ${first.id})` },
    ]);
  });

  it('lets the database refuse a second open transfer of an item written past the code', async () => {
    const [from, to] = [await makeLocation(t), await makeLocation(t)];
    const item = await makeItem(t, { location_id: from.id });
    const transfer = await requestTransfer({ item_ids: [item.id], to_location_id: to.id });
    await expect(
      t.database.db.execute(
        sql`insert into transfer_items (transfer_id, item_id) values (${transfer.id}, ${item.id}), (${transfer.id}, ${item.id})`,
      ),
    ).rejects.toThrow();
  });
});

describe('destination capacity', () => {
  it('counts items on their way, refuses with 409 naming to_location_id, and records an override', async () => {
    const from = await makeLocation(t);
    const to = await makeLocation(t, { capacity: 2 });
    await makeItem(t, { location_id: to.id });
    const [a, b] = [await makeItem(t, { location_id: from.id }), await makeItem(t, { location_id: from.id })];
    await requestTransfer({ item_ids: [a.id], to_location_id: to.id });

    const full = await post('/api/v1/transfers', { item_ids: [b.id], to_location_id: to.id });
    expect(full.statusCode).toBe(409);
    expect(full.json().errors[0].field).toBe('to_location_id');
    expect(full.json().errors[0].message).toContain('1 more are on their way');

    const forced = await requestTransfer({
      item_ids: [b.id],
      to_location_id: to.id,
      capacity_override: { reason: 'temporary overflow for the audit' },
    });
    expect(forced.capacity_override_reason).toBe('temporary overflow for the audit');
    const entry = (await get(`/api/v1/items/${b.id}/history`)).data[0];
    expect(entry.additional_data.capacity_override).toEqual({ reason: 'temporary overflow for the audit' });
    await post(`/api/v1/transfers/${forced.id}/dispatch`, {});
    expect((await post(`/api/v1/transfers/${forced.id}/receive`, {})).statusCode).toBe(200);
    expect((await get(`/api/v1/locations/${to.id}`)).occupancy).toBe(2);
  });

  it('checks again on receipt: refused when the place filled up meanwhile, unless overridden then', async () => {
    const from = await makeLocation(t);
    const to = await makeLocation(t, { capacity: 1 });
    const item = await makeItem(t, { location_id: from.id });
    const transfer = await requestTransfer({ item_ids: [item.id], to_location_id: to.id });
    await post(`/api/v1/transfers/${transfer.id}/dispatch`, {});
    await t.database.db.execute(
      sql`update inventory_items set location_id = ${to.id} where id = ${(await makeItem(t)).id}`,
    );

    const refused = await post(`/api/v1/transfers/${transfer.id}/receive`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0].field).toBe('to_location_id');
    expect((await get(`/api/v1/transfers/${transfer.id}`)).state).toBe('in_transit');

    const forced = await post(`/api/v1/transfers/${transfer.id}/receive`, {
      capacity_override: { reason: 'stacked in the corner' },
    });
    expect(forced.statusCode, forced.body).toBe(200);
    expect(forced.json().capacity_override_reason).toBe('stacked in the corner');
  });
});

describe.runIf(onPostgres)('under real concurrency (PostgreSQL)', () => {
  it('lets exactly one of 20 simultaneous transfers of one item through, 409 for the rest', async () => {
    const from = await makeLocation(t);
    const places = await Promise.all(Array.from({ length: 4 }, () => makeLocation(t)));
    const item = await makeItem(t, { location_id: from.id });
    const other = await makeItem(t, { location_id: from.id });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post('/api/v1/transfers', {
          // Overlapping sets in both orders: the requests must queue, not deadlock.
          item_ids: i % 2 ? [item.id, other.id] : [other.id, item.id],
          to_location_id: places[i % 4]!.id,
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect((await get(`/api/v1/transfers?item_id=${item.id}`)).data).toHaveLength(1);
    expect((await actions(item.id)).filter((a: string) => a === 'transfer_requested')).toHaveLength(1);
  });

  it('never fills a location past its capacity with simultaneous requests', async () => {
    const from = await makeLocation(t);
    const to = await makeLocation(t, { capacity: 3 });
    const items = await Promise.all(Array.from({ length: 10 }, () => makeItem(t, { location_id: from.id })));
    const results = await Promise.all(
      items.map((item) => post('/api/v1/transfers', { item_ids: [item.id], to_location_id: to.id })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 409)).toHaveLength(7);
  });
});
