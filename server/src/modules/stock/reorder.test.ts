import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../db/schema.ts';
import { makeItem, makeLocation, makeSupplier, makeUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const move = (itemId: number, kind: string, payload: object) =>
  t.request({ method: 'POST', url: `/api/v1/items/${itemId}/stock/${kind}`, payload });
const setLevel = (itemId: number, locationId: number, payload: object, headers: object = {}) =>
  t.request({
    method: 'PUT',
    url: `/api/v1/items/${itemId}/stock/levels/${locationId}`,
    payload,
    headers: headers as Record<string, string>,
  });
const suggestions = async (query = '') => {
  const res = await t.request({ method: 'GET', url: `/api/v1/stock/reorder-suggestions${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as { item: { id: number }; location: { id: number }; [k: string]: unknown }[];
};
const makeConsumable = (overrides: object = {}) => makeItem(t, { tracking: 'quantity', ...overrides });
const settings = (min: string | null, point: string | null, lot: string | null) => ({
  min_level: min,
  reorder_point: point,
  reorder_quantity: lot,
});

describe('reorder settings per location', () => {
  it('sets minimum, reorder point and lot, guarded by If-Match', async () => {
    const store = await makeLocation(t);
    const filters = await makeConsumable();
    const first = await setLevel(filters.id, store.id, settings('2', '5', '12'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      quantity: '0',
      min_level: '2',
      reorder_point: '5',
      reorder_quantity: '12',
      below_min_level: true,
      at_or_below_reorder_point: true,
    });
    const etag = first.headers.etag as string;
    expect(etag).toBe(`"${first.json().version}"`);

    const second = await setLevel(filters.id, store.id, settings('3', '6', '12'), { 'if-match': etag });
    expect(second.statusCode, second.body).toBe(200);
    const stale = await setLevel(filters.id, store.id, settings('4', '8', '12'), { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    const levels = (await t.request({ method: 'GET', url: `/api/v1/items/${filters.id}/stock` })).json();
    expect(levels.levels[0]).toMatchObject({ min_level: '3', reorder_point: '6' });
  });

  it('refuses a reorder point below the minimum, and unknown places', async () => {
    const store = await makeLocation(t);
    const filters = await makeConsumable();
    const inverted = await setLevel(filters.id, store.id, settings('10', '5', null));
    expect(inverted.statusCode).toBe(422);
    expect(inverted.json().errors[0].field).toBe('reorder_point');
    const lotZero = await setLevel(filters.id, store.id, settings(null, '5', '0'));
    expect(lotZero.statusCode).toBe(400);
    expect(lotZero.json().errors[0].field).toBe('reorder_quantity');
    expect((await setLevel(filters.id, 99_999_999, settings(null, null, null))).statusCode).toBe(404);
  });
});

describe('falling to the reorder point', () => {
  it('records stock.below_reorder_point once, when an issue crosses it', async () => {
    const store = await makeLocation(t);
    const batteries = await makeConsumable();
    await setLevel(batteries.id, store.id, settings('2', '5', '20'));
    await move(batteries.id, 'receive', { location_id: store.id, quantity: '10' });
    const issue = (quantity: string) =>
      move(batteries.id, 'issue', { location_id: store.id, quantity, reason: 'remotes' });
    const crossings = () =>
      t.database.db
        .select()
        .from(events)
        .where(and(eq(events.type, 'stock.below_reorder_point'), eq(events.aggregate_id, batteries.id)));

    expect((await issue('4')).statusCode).toBe(201);
    expect(await crossings()).toHaveLength(0);
    expect((await issue('1')).statusCode).toBe(201);
    const [crossed] = await crossings();
    expect(crossed?.payload).toMatchObject({ location_id: store.id, quantity: '5', reorder_point: '5' });
    expect((await issue('1')).statusCode).toBe(201);
    expect(await crossings()).toHaveLength(1);
  });
});

describe('reorder suggestions', () => {
  it('lists levels at or below their point with how much to order, from whom, at what cost', async () => {
    const site = await makeLocation(t, { type: 'site' });
    const [shelf, bin] = [
      await makeLocation(t, { parent_location_id: site.id }),
      await makeLocation(t, { parent_location_id: site.id }),
    ];
    const supplier = await makeSupplier(t, { name: `Paper & Co ${Date.now()}` });
    const paper = await makeConsumable({ unit: 'ream', supplier_id: supplier.id });
    const toner = await makeConsumable();

    await move(paper.id, 'receive', { location_id: shelf.id, quantity: '10', unit_cost: '4.10' });
    await move(paper.id, 'receive', { location_id: shelf.id, quantity: '5', unit_cost: '4.25' });
    await move(paper.id, 'issue', { location_id: shelf.id, quantity: '12', reason: 'printing' });
    await setLevel(paper.id, shelf.id, settings('2', '8', '10')); // 3 on hand: one lot of 10 lifts it past 8
    await move(toner.id, 'receive', { location_id: bin.id, quantity: '1' });
    await setLevel(toner.id, bin.id, settings('2', '4', null)); // up to 4 + 2
    await setLevel(toner.id, shelf.id, settings(null, '0', '5')); // none here yet: one lot
    await move(paper.id, 'receive', { location_id: bin.id, quantity: '50' });
    await setLevel(paper.id, bin.id, settings('5', '10', '10')); // plenty: not listed

    const listed = await suggestions(`?location_id=${site.id}`);
    expect(listed.map((s) => [s.item.id, s.location.id, s.suggested_quantity])).toEqual([
      [paper.id, shelf.id, '10'],
      [toner.id, bin.id, '5'],
      [toner.id, shelf.id, '5'],
    ]);
    expect(listed[0]).toMatchObject({
      item: { unit: 'ream', sku: paper.sku },
      quantity: '3',
      reorder_point: '8',
      supplier: { id: supplier.id, name: supplier.name },
      last_unit_cost: '4.25',
    });
    expect(listed[1]).toMatchObject({ supplier: null, last_unit_cost: null });

    const deepLot = await makeConsumable();
    await setLevel(deepLot.id, bin.id, settings(null, '20', '10')); // 0 on hand: three lots to pass 20
    expect((await suggestions(`?location_id=${bin.id}`)).find((s) => s.item.id === deepLot.id)).toMatchObject(
      {
        suggested_quantity: '30',
      },
    );

    const page = (
      await t.request({
        method: 'GET',
        url: `/api/v1/stock/reorder-suggestions?location_id=${site.id}&limit=2`,
      })
    ).json();
    expect(page.data).toHaveLength(2);
    const next = await suggestions(`?location_id=${site.id}&limit=2&cursor=${page.next_cursor}`);
    expect(next.length).toBeGreaterThan(0);
  });
});

describe('scopes', () => {
  it('hides locations outside a scoped caller’s subtree: not listed, and 404 or 422 when named', async () => {
    const [mine, theirs] = [await makeLocation(t, { type: 'site' }), await makeLocation(t, { type: 'site' })];
    const tech = await makeUser(t, 'technician', { location_scope_id: mine.id });
    const gloves = await makeConsumable({ location_id: mine.id });
    const outsideItem = await makeConsumable({ location_id: theirs.id });
    await move(gloves.id, 'receive', { location_id: mine.id, quantity: '4' });
    await move(gloves.id, 'receive', { location_id: theirs.id, quantity: '6' });
    await setLevel(gloves.id, mine.id, settings(null, '5', '10'));
    await setLevel(gloves.id, theirs.id, settings(null, '10', '10'));
    const as = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      tech.as({ method, url: `/api/v1${url}`, ...(payload && { payload }) });

    const stock = (await as('GET', `/items/${gloves.id}/stock`)).json();
    expect(stock.levels.map((l: { location_id: number }) => l.location_id)).toEqual([mine.id]);
    expect(stock.total_quantity).toBe('4');
    const ledger = (await as('GET', `/items/${gloves.id}/stock/movements`)).json();
    expect(ledger.data.map((m: { to_location_id: number }) => m.to_location_id)).toEqual([mine.id]);
    const listed = (await as('GET', '/stock/reorder-suggestions')).json();
    expect(listed.data.map((s: { location: { id: number } }) => s.location.id)).toEqual([mine.id]);

    const issue = await as('POST', `/items/${gloves.id}/stock/issue`, {
      location_id: theirs.id,
      quantity: '1',
      reason: 'x',
    });
    expect(issue.statusCode).toBe(422);
    expect(issue.json().errors[0].field).toBe('location_id');
    const transfer = await as('POST', `/items/${gloves.id}/stock/transfer`, {
      from_location_id: mine.id,
      to_location_id: theirs.id,
      quantity: '1',
    });
    expect(transfer.json().errors[0].field).toBe('to_location_id');
    expect(
      (await as('PUT', `/items/${gloves.id}/stock/levels/${theirs.id}`, settings(null, null, null)))
        .statusCode,
    ).toBe(404);
    expect((await as('GET', `/stock/reorder-suggestions?location_id=${theirs.id}`)).statusCode).toBe(422);
    expect((await as('GET', `/items/${outsideItem.id}/stock`)).statusCode).toBe(404);
    expect(
      (
        await as('POST', `/items/${gloves.id}/stock/issue`, {
          location_id: mine.id,
          quantity: '1',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('lets an auditor read stock but not move it', async () => {
    const store = await makeLocation(t);
    const auditor = await makeUser(t, 'auditor');
    const tape = await makeConsumable();
    await move(tape.id, 'receive', { location_id: store.id, quantity: '1' });
    expect((await auditor.as({ method: 'GET', url: `/api/v1/items/${tape.id}/stock` })).statusCode).toBe(200);
    const res = await auditor.as({
      method: 'POST',
      url: `/api/v1/items/${tape.id}/stock/issue`,
      payload: { location_id: store.id, quantity: '1', reason: 'x' },
    });
    expect(res.statusCode).toBe(403);
  });
});
