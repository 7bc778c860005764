import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.ts';
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

const move = (itemId: number, kind: string, payload: object) =>
  t.request({ method: 'POST', url: `/api/v1/items/${itemId}/stock/${kind}`, payload });
const get = async (url: string) => {
  const res = await t.request({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const makeConsumable = (overrides: object = {}) =>
  makeItem(t, { tracking: 'quantity', unit: 'box', ...overrides });
const levelAt = async (itemId: number, locationId: number) =>
  (await get(`/api/v1/items/${itemId}/stock`)).levels.find(
    (l: { location_id: number }) => l.location_id === locationId,
  );

async function eventsFor(type: string, itemId: number) {
  return t.database.db
    .select()
    .from(events)
    .where(and(eq(events.type, type), eq(events.aggregate_id, itemId)));
}

describe('quantity-tracked items', () => {
  it('are created with a unit ("pcs" unless told), and serial items refuse one', async () => {
    expect(await makeConsumable()).toMatchObject({ tracking: 'quantity', unit: 'box' });
    expect(await makeItem(t, { tracking: 'quantity' })).toMatchObject({ unit: 'pcs' });
    expect(await makeItem(t)).toMatchObject({ tracking: 'serial', unit: null });
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/items',
      payload: { sku: 'SERIAL-WITH-UNIT', name: 'Laptop', unit: 'pcs' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('unit');
  });

  it('receive, issue, adjust and transfer, keeping levels per location and the ledger', async () => {
    const [store, workshop] = [await makeLocation(t), await makeLocation(t)];
    const toner = await makeConsumable();

    const received = await move(toner.id, 'receive', {
      location_id: store.id,
      quantity: '20',
      unit_cost: '12.5',
      reference: 'PO-1001',
    });
    expect(received.statusCode, received.body).toBe(201);
    expect(received.json().movements[0]).toMatchObject({
      kind: 'receive',
      quantity: '20',
      to_location_id: store.id,
      from_location_id: null,
      unit_cost: '12.50',
      reference: 'PO-1001',
      balance_after: '20',
      performed_by: 'admin@example.com',
    });
    expect(received.json().levels[0]).toMatchObject({ location_id: store.id, quantity: '20', unit: 'box' });

    const person = await makeUser(t, 'employee');
    const issued = await move(toner.id, 'issue', {
      location_id: store.id,
      quantity: 2.5,
      reason: 'printer on floor 2',
      issued_to_user_id: person.id,
    });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json().movements[0]).toMatchObject({
      kind: 'issue',
      quantity: '2.5',
      issued_to_user_id: person.id,
      balance_after: '17.5',
    });

    const moved = await move(toner.id, 'transfer', {
      from_location_id: store.id,
      to_location_id: workshop.id,
      quantity: '7.5',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(moved.json().movements.map((m: { kind: string }) => m.kind)).toEqual([
      'transfer_out',
      'transfer_in',
    ]);

    const counted = await move(toner.id, 'adjust', {
      location_id: workshop.id,
      counted_quantity: '6',
      reason: 'stocktake',
    });
    expect(counted.statusCode, counted.body).toBe(201);
    expect(counted.json().movements[0]).toMatchObject({
      kind: 'adjust',
      quantity: '1.5',
      from_location_id: workshop.id,
    });
    const found = await move(toner.id, 'adjust', { location_id: store.id, delta: '+1', reason: 'found one' });
    expect(found.statusCode, found.body).toBe(201);
    const unchanged = await move(toner.id, 'adjust', {
      location_id: store.id,
      counted_quantity: '11',
      reason: 'recount',
    });
    expect(unchanged.statusCode, unchanged.body).toBe(200);
    expect(unchanged.json().movements).toEqual([]);

    const stock = await get(`/api/v1/items/${toner.id}/stock`);
    expect(stock).toMatchObject({ unit: 'box', total_quantity: '17' });
    expect(await levelAt(toner.id, store.id)).toMatchObject({ quantity: '11' });
    expect(await levelAt(toner.id, workshop.id)).toMatchObject({ quantity: '6' });

    const ledger = await get(`/api/v1/items/${toner.id}/stock/movements?limit=4`);
    expect(ledger.data.map((m: { kind: string }) => m.kind)).toEqual([
      'adjust',
      'adjust',
      'transfer_in',
      'transfer_out',
    ]);
    const rest = await get(`/api/v1/items/${toner.id}/stock/movements?limit=4&cursor=${ledger.next_cursor}`);
    expect(rest.data.map((m: { kind: string }) => m.kind)).toEqual(['issue', 'receive']);
    expect(rest.next_cursor).toBeNull();

    const history = await get(`/api/v1/items/${toner.id}/history`);
    expect(history.data.map((h: { action: string }) => h.action)).toEqual([
      'stock_adjusted',
      'stock_adjusted',
      'stock_transferred',
      'stock_issued',
      'stock_received',
      'created',
    ]);
    expect(await eventsFor('stock.issued', toner.id)).toHaveLength(1);
  });

  it('never lets a level go negative: 422 naming the field, and nothing written', async () => {
    const [store, elsewhere] = [await makeLocation(t), await makeLocation(t)];
    const gloves = await makeConsumable();
    await move(gloves.id, 'receive', { location_id: store.id, quantity: '3' });

    const over = await move(gloves.id, 'issue', { location_id: store.id, quantity: '4', reason: 'x' });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors[0]).toMatchObject({ field: 'quantity' });
    expect(over.json().errors[0].message).toContain('only 3 box');
    const nowhere = await move(gloves.id, 'issue', { location_id: elsewhere.id, quantity: '1', reason: 'x' });
    expect(nowhere.statusCode).toBe(422);
    const transfer = await move(gloves.id, 'transfer', {
      from_location_id: store.id,
      to_location_id: elsewhere.id,
      quantity: '5',
    });
    expect(transfer.statusCode).toBe(422);
    expect(transfer.json().errors[0].field).toBe('quantity');
    const delta = await move(gloves.id, 'adjust', { location_id: store.id, delta: '-4', reason: 'x' });
    expect(delta.statusCode).toBe(422);
    expect(delta.json().errors[0].field).toBe('delta');

    expect(await levelAt(gloves.id, store.id)).toMatchObject({ quantity: '3' });
    expect(await levelAt(gloves.id, elsewhere.id)).toBeUndefined();
    expect((await get(`/api/v1/items/${gloves.id}/stock/movements`)).data).toHaveLength(1);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const store = await makeLocation(t);
    const cable = await makeConsumable({ unit: 'm' });
    const cases: [string, object, number, string][] = [
      ['receive', { location_id: store.id, quantity: '0' }, 400, 'quantity'],
      ['receive', { location_id: store.id, quantity: '-1' }, 400, 'quantity'],
      ['receive', { location_id: store.id, quantity: '1.2345' }, 400, 'quantity'],
      ['receive', { location_id: store.id, quantity: '1', unit_cost: 3.5 }, 400, 'unit_cost'],
      ['receive', { location_id: 99_999_999, quantity: '1' }, 422, 'location_id'],
      ['issue', { location_id: store.id, quantity: '1' }, 400, 'reason'],
      [
        'issue',
        { location_id: store.id, quantity: '1', reason: 'x', issued_to_user_id: 99_999_999 },
        422,
        'issued_to_user_id',
      ],
      ['adjust', { location_id: store.id, reason: 'x' }, 422, 'counted_quantity'],
      ['adjust', { location_id: store.id, reason: 'x', counted_quantity: '1', delta: '1' }, 422, 'delta'],
      [
        'transfer',
        { from_location_id: store.id, to_location_id: store.id, quantity: '1' },
        422,
        'to_location_id',
      ],
    ];
    for (const [kind, payload, status, field] of cases) {
      const res = await move(cable.id, kind, payload);
      expect(res.statusCode, `${kind} ${JSON.stringify(payload)}: ${res.body}`).toBe(status);
      expect(res.json().errors[0].field).toBe(field);
    }
  });

  it('refuses stock operations on serial items with 422', async () => {
    const store = await makeLocation(t);
    const laptop = await makeItem(t);
    const res = await move(laptop.id, 'receive', { location_id: store.id, quantity: '1' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('tracking');
    expect((await t.request({ method: 'GET', url: `/api/v1/items/${laptop.id}/stock` })).statusCode).toBe(
      422,
    );
    expect((await move(99_999_999, 'receive', { location_id: store.id, quantity: '1' })).statusCode).toBe(
      404,
    );
  });
});

describe('retries and deletion', () => {
  it('receives once when a delivery is retried with the same Idempotency-Key', async () => {
    const store = await makeLocation(t);
    const paper = await makeConsumable();
    const send = () =>
      t.request({
        method: 'POST',
        url: `/api/v1/items/${paper.id}/stock/receive`,
        headers: { 'idempotency-key': `delivery-${paper.id}` },
        payload: { location_id: store.id, quantity: '5' },
      });
    const [first, retry] = [await send(), await send()];
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.json().movements[0].id).toBe(first.json().movements[0].id);
    expect(await levelAt(paper.id, store.id)).toMatchObject({ quantity: '5' });
  });

  it('keeps an item with stock history from being deleted, so its ledger stays whole', async () => {
    const store = await makeLocation(t);
    const paper = await makeConsumable();
    await move(paper.id, 'receive', { location_id: store.id, quantity: '1' });
    expect((await t.request({ method: 'DELETE', url: `/api/v1/items/${paper.id}` })).statusCode).toBe(409);
  });
});

describe('the ledger', () => {
  it('adds up to every level, and cannot be rewritten', async () => {
    const [a, b] = [await makeLocation(t), await makeLocation(t)];
    const screws = await makeConsumable({ unit: 'pcs' });
    await move(screws.id, 'receive', { location_id: a.id, quantity: '100.125' });
    await move(screws.id, 'transfer', { from_location_id: a.id, to_location_id: b.id, quantity: '40' });
    await move(screws.id, 'issue', { location_id: b.id, quantity: '3.1', reason: 'shelving' });
    await move(screws.id, 'adjust', { location_id: a.id, counted_quantity: '58', reason: 'stocktake' });
    await move(screws.id, 'adjust', { location_id: b.id, delta: '2', reason: 'found' });

    const rows = await queryRows<{ location_id: number; level: string; ledger: string }>(
      t.database.db,
      sql`select l.location_id::int as location_id, l.quantity::text as level,
                 coalesce(sum(case
                   when m.kind in ('receive', 'transfer_in') or (m.kind = 'adjust' and m.to_location_id = l.location_id)
                     then m.quantity
                   else -m.quantity end), 0)::text as ledger
            from stock_levels l
            left join stock_movements m on m.item_id = l.item_id
              and l.location_id = case when m.kind in ('issue', 'transfer_out') then m.from_location_id
                                       when m.kind in ('receive', 'transfer_in') then m.to_location_id
                                       else coalesce(m.from_location_id, m.to_location_id) end
           where l.item_id = ${screws.id}
           group by l.location_id, l.quantity`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.ledger, `location ${row.location_id}`).toBe(row.level);
    expect(rows.find((r) => r.location_id === a.id)?.level).toBe('58.000');
    expect(rows.find((r) => r.location_id === b.id)?.level).toBe('38.900');

    await expect(
      t.database.db.execute(sql`update stock_movements set quantity = 1 where item_id = ${screws.id}`),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`delete from stock_movements where item_id = ${screws.id}`),
    ).rejects.toThrow();
  });

  it('has a CHECK constraint behind the rule that levels never go negative', async () => {
    const store = await makeLocation(t);
    const tape = await makeConsumable();
    await move(tape.id, 'receive', { location_id: store.id, quantity: '1' });
    await expect(
      t.database.db.execute(sql`update stock_levels set quantity = -1 where item_id = ${tape.id}`),
    ).rejects.toThrow();
  });
});

describe.runIf(onPostgres)('under real concurrency (PostgreSQL)', () => {
  it('lets exactly 10 of 50 simultaneous issues of 1 from a level of 10 succeed', async () => {
    const store = await makeLocation(t);
    const masks = await makeConsumable();
    await move(masks.id, 'receive', { location_id: store.id, quantity: '10' });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        move(masks.id, 'issue', { location_id: store.id, quantity: '1', reason: 'rush' }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 422)).toHaveLength(40);
    expect(await levelAt(masks.id, store.id)).toMatchObject({ quantity: '0' });
    const ledger = await get(`/api/v1/items/${masks.id}/stock/movements?limit=100`);
    expect(ledger.data.filter((m: { kind: string }) => m.kind === 'issue')).toHaveLength(10);
  });

  it('keeps every unit when transfers cross in both directions at once', async () => {
    const [a, b] = [await makeLocation(t), await makeLocation(t)];
    const fuses = await makeConsumable();
    await move(fuses.id, 'receive', { location_id: a.id, quantity: '30' });
    await move(fuses.id, 'receive', { location_id: b.id, quantity: '30' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        move(fuses.id, 'transfer', {
          from_location_id: i % 2 ? a.id : b.id,
          to_location_id: i % 2 ? b.id : a.id,
          quantity: '1',
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).filter((c) => c !== 201)).toEqual([]);
    expect((await get(`/api/v1/items/${fuses.id}/stock`)).total_quantity).toBe('60');
  });
});
