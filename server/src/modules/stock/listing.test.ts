import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface Entry {
  item: { id: number; sku: string; name: string };
  location_id: number;
  location_name: string;
  quantity: string;
  unit: string;
  below_min_level: boolean;
  at_or_below_reorder_point: boolean;
}

const receive = (itemId: number, locationId: number, quantity: string) =>
  t.request({
    method: 'POST',
    url: `/api/v1/items/${itemId}/stock/receive`,
    payload: { location_id: locationId, quantity },
  });
const setPoint = (itemId: number, locationId: number, min: string | null, point: string | null) =>
  t.request({
    method: 'PUT',
    url: `/api/v1/items/${itemId}/stock/levels/${locationId}`,
    payload: { min_level: min, reorder_point: point, reorder_quantity: null },
  });
const list = async (query: string) => {
  const res = await t.request({ method: 'GET', url: `/api/v1/stock/levels?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ data: Entry[]; next_cursor: string | null }>();
};
const consumable = (name: string, overrides: object = {}) =>
  makeItem(t, { tracking: 'quantity', unit: 'box', name, ...overrides });

describe('stock levels across items', () => {
  it('lists each level with its item, by item name then location, with the low flags', async () => {
    const [bay, annex] = [
      await makeLocation(t, { name: 'Listing Bay' }),
      await makeLocation(t, { name: 'Listing Annex' }),
    ];
    const gloves = await consumable('Listing gloves', { sku: 'LST-GLV' });
    const tape = await consumable('Listing duct tape', { sku: 'LST-TAPE' });
    await receive(gloves.id, bay.id, '12');
    await receive(gloves.id, annex.id, '2');
    await receive(tape.id, bay.id, '3.5');
    await setPoint(gloves.id, annex.id, '3', '5');

    const { data } = await list('q=Listing');
    expect(data.map((e) => [e.item.name, e.location_name, e.quantity])).toEqual([
      ['Listing duct tape', 'Listing Bay', '3.5'],
      ['Listing gloves', 'Listing Annex', '2'],
      ['Listing gloves', 'Listing Bay', '12'],
    ]);
    expect(data[1]).toMatchObject({
      item: { id: gloves.id, sku: 'LST-GLV' },
      unit: 'box',
      below_min_level: true,
      at_or_below_reorder_point: true,
    });
    expect(data[2]).toMatchObject({ below_min_level: false, at_or_below_reorder_point: false });
  });

  it('filters by name or SKU (wildcards taken literally), location subtree and low levels', async () => {
    const site = await makeLocation(t, { name: 'Filter Site', type: 'site' });
    const room = await makeLocation(t, { name: 'Filter Room', parent_location_id: site.id });
    const elsewhere = await makeLocation(t, { name: 'Filter Elsewhere' });
    const fuses = await consumable('Filter fuses 10%', { sku: 'FLT-FUSE' });
    const bulbs = await consumable('Filter bulbs', { sku: 'FLT-BULB' });
    await receive(fuses.id, room.id, '1');
    await receive(fuses.id, elsewhere.id, '9');
    await receive(bulbs.id, room.id, '8');
    await setPoint(fuses.id, room.id, null, '2');

    expect((await list('q=flt-bulb')).data.map((e) => e.item.id)).toEqual([bulbs.id]);
    expect((await list('q=10%25')).data.map((e) => e.item.id)).toEqual([fuses.id, fuses.id]);
    expect((await list('q=Filter%25fuses')).data).toEqual([]);
    const inSite = await list(`q=Filter&location_id=${site.id}`);
    expect(inSite.data.map((e) => [e.item.id, e.location_id])).toEqual([
      [bulbs.id, room.id],
      [fuses.id, room.id],
    ]);
    const low = await list('q=Filter&low=true');
    expect(low.data.map((e) => [e.item.id, e.location_id])).toEqual([[fuses.id, room.id]]);
  });

  it('pages with a cursor without skipping or repeating, and refuses a foreign cursor', async () => {
    const store = await makeLocation(t, { name: 'Paging Store' });
    for (const name of ['Paging a', 'Paging b', 'Paging c']) {
      await receive((await consumable(name)).id, store.id, '1');
    }
    const first = await list('q=Paging&limit=2');
    expect(first.data.map((e) => e.item.name)).toEqual(['Paging a', 'Paging b']);
    const second = await list(`q=Paging&limit=2&cursor=${first.next_cursor}`);
    expect(second.data.map((e) => e.item.name)).toEqual(['Paging c']);
    expect(second.next_cursor).toBeNull();

    const foreign = Buffer.from(JSON.stringify([5])).toString('base64url');
    const bad = await t.request({ method: 'GET', url: `/api/v1/stock/levels?cursor=${foreign}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('cursor');
    const unknown = await t.request({ method: 'GET', url: '/api/v1/stock/levels?low=maybe' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('low');
  });

  it('shows a scoped caller only their locations, and refuses a filter outside them', async () => {
    const [mine, theirs] = [
      await makeLocation(t, { name: 'Scope Mine', type: 'site' }),
      await makeLocation(t, { name: 'Scope Theirs', type: 'site' }),
    ];
    const oil = await consumable('Scope oil');
    await receive(oil.id, mine.id, '4');
    await receive(oil.id, theirs.id, '6');
    const tech = await makeUser(t, 'technician', { location_scope_id: mine.id });
    const seen = await tech.as({ method: 'GET', url: '/api/v1/stock/levels?q=Scope' });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().data.map((e: Entry) => e.location_id)).toEqual([mine.id]);
    const outside = await tech.as({ method: 'GET', url: `/api/v1/stock/levels?location_id=${theirs.id}` });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0].field).toBe('location_id');

    const employee = await makeUser(t, 'employee');
    expect((await employee.as({ method: 'GET', url: '/api/v1/stock/levels' })).statusCode).toBe(403);
    const auditor = await makeUser(t, 'auditor');
    expect((await auditor.as({ method: 'GET', url: '/api/v1/stock/levels' })).statusCode).toBe(200);
  });
});
