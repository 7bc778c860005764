// A user limited to a location subtree: outside it, items and locations do not exist for them (404), in lists,
// search, facets, history and by direct id, and nothing can be placed or moved there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem, makeLocation } from './factories.ts';
import { createTestApp, signInAs, type TestApp } from './harness.ts';

let t: TestApp;
let as: (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) => ReturnType<TestApp['anonymous']>;
let asManager: typeof as;
const ids = {} as Record<'siteA' | 'roomA' | 'siteB' | 'roomB' | 'itemA' | 'itemB' | 'itemNowhere', number>;

beforeAll(async () => {
  t = await createTestApp();
  const siteA = await makeLocation(t, { name: 'Oslo', type: 'site' });
  const roomA = await makeLocation(t, { name: 'Oslo lab', parent_location_id: siteA.id });
  const siteB = await makeLocation(t, { name: 'Lima', type: 'site' });
  const roomB = await makeLocation(t, { name: 'Lima lab', parent_location_id: siteB.id });
  const itemA = await makeItem(t, { name: 'Oscilloscope Oslo', location_id: roomA.id });
  const itemB = await makeItem(t, { name: 'Oscilloscope Lima', location_id: roomB.id });
  const itemNowhere = await makeItem(t, { name: 'Oscilloscope unplaced' });
  Object.assign(ids, { siteA: siteA.id, roomA: roomA.id, siteB: siteB.id, roomB: roomB.id });
  Object.assign(ids, { itemA: itemA.id, itemB: itemB.id, itemNowhere: itemNowhere.id });

  const userAs = async (email: string, role: string) => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email,
        display_name: email,
        password: 'scoped passphrase 9',
        role,
        location_scope_id: siteA.id,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const token = await signInAs(t, email, 'scoped passphrase 9');
    return ((method, url, payload) =>
      t.anonymous({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload && { payload }),
      })) as typeof as;
  };
  as = await userAs('oslo-tech@example.com', 'technician');
  asManager = await userAs('oslo-manager@example.com', 'asset_manager');
});
afterAll(async () => {
  await t?.close();
});

describe('a user limited to a location subtree', () => {
  it('lists, searches and counts only the items there', async () => {
    const listed = (await as('GET', '/api/v1/items?facets=true')).json();
    expect(listed.data.map((i: { id: number }) => i.id)).toEqual([ids.itemA]);
    expect(listed.facets.location).toEqual([{ value: String(ids.roomA), label: 'Oslo lab', count: 1 }]);
    const searched = (await as('GET', '/api/v1/items?q=oscilloscope')).json();
    expect(searched.data.map((i: { id: number }) => i.id)).toEqual([ids.itemA]);
  });

  it('gets 404 for items elsewhere, by id, history, update and delete, and they stay unchanged', async () => {
    for (const id of [ids.itemB, ids.itemNowhere]) {
      expect((await as('GET', `/api/v1/items/${id}`)).statusCode).toBe(404);
      expect((await as('GET', `/api/v1/items/${id}/history`)).statusCode).toBe(404);
      expect((await as('PATCH', `/api/v1/items/${id}`, { name: 'Mine now' })).statusCode).toBe(404);
      expect((await as('DELETE', `/api/v1/items/${id}`)).statusCode).toBe(404);
    }
    expect((await t.request({ method: 'GET', url: `/api/v1/items/${ids.itemB}` })).json().name).toBe(
      'Oscilloscope Lima',
    );
    expect((await as('GET', `/api/v1/items/${ids.itemA}/history`)).statusCode).toBe(200);
  });

  it('cannot place or move an item outside, and must place new items inside', async () => {
    const outside = await as('POST', '/api/v1/items', { sku: 'SC-1', name: 'x', location_id: ids.roomB });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0]).toEqual({
      field: 'location_id',
      message: `location ${ids.roomB} does not exist`,
    });
    expect((await as('POST', '/api/v1/items', { sku: 'SC-2', name: 'x' })).json().errors[0].field).toBe(
      'location_id',
    );
    expect(
      (await as('POST', '/api/v1/items', { sku: 'SC-3', name: 'x', location_id: ids.roomA })).statusCode,
    ).toBe(201);

    const moved = await as('PATCH', `/api/v1/items/${ids.itemA}`, { location_id: ids.roomB });
    expect(moved.statusCode).toBe(422);
    expect((await t.request({ method: 'GET', url: `/api/v1/items/${ids.itemA}` })).json().location_id).toBe(
      ids.roomA,
    );
  });

  it('sees only its own locations, with paths starting at its root', async () => {
    const listed = (await as('GET', '/api/v1/locations')).json();
    expect(listed.data.map((l: { name: string }) => l.name).sort()).toEqual(['Oslo', 'Oslo lab']);
    expect((await as('GET', `/api/v1/locations/${ids.siteB}`)).statusCode).toBe(404);
    expect((await as('GET', `/api/v1/locations/${ids.roomB}/subtree`)).statusCode).toBe(404);
    const lab = (await as('GET', `/api/v1/locations/${ids.roomA}`)).json();
    expect(lab.path.map((p: { name: string }) => p.name)).toEqual(['Oslo']);
  });

  it('builds locations only inside, and cannot move or delete its own root', async () => {
    expect(
      (await asManager('POST', '/api/v1/locations', { name: 'Annex', parent_location_id: ids.siteB }))
        .statusCode,
    ).toBe(422);
    expect((await asManager('POST', '/api/v1/locations', { name: 'Annex' })).statusCode).toBe(422);
    expect(
      (await asManager('POST', '/api/v1/locations', { name: 'Annex', parent_location_id: ids.siteA }))
        .statusCode,
    ).toBe(201);
    expect(
      (await asManager('PATCH', `/api/v1/locations/${ids.roomA}`, { parent_location_id: ids.siteB }))
        .statusCode,
    ).toBe(422);
    expect(
      (await asManager('PATCH', `/api/v1/locations/${ids.siteA}`, { parent_location_id: ids.siteB }))
        .statusCode,
    ).toBe(403);
    expect((await asManager('DELETE', `/api/v1/locations/${ids.siteA}`)).statusCode).toBe(403);
    expect((await asManager('DELETE', `/api/v1/locations/${ids.siteB}`)).statusCode).toBe(404);
  });
});
