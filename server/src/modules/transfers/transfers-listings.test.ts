// Following transfers: per location (both ends), filtered listings, and what a scoped caller may see and do.
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

const get = async (url: string) => {
  const res = await t.request({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const requestTransfer = async (payload: object) => {
  const res = await t.request({ method: 'POST', url: '/api/v1/transfers', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>();
};
const ids = (page: { data: { id: number }[] }) => page.data.map((r) => r.id);

describe('transfer listings', () => {
  it('shows a transfer to both its source and its destination, with the direction and state filters', async () => {
    const [a, b, c] = [await makeLocation(t), await makeLocation(t), await makeLocation(t)];
    const [x, y] = [await makeItem(t, { location_id: a.id }), await makeItem(t, { location_id: b.id })];
    const aToB = await requestTransfer({ item_ids: [x.id], to_location_id: b.id });
    const bToC = await requestTransfer({ item_ids: [y.id], to_location_id: c.id });
    await t.request({ method: 'POST', url: `/api/v1/transfers/${bToC.id}/dispatch`, payload: {} });

    expect(ids(await get(`/api/v1/locations/${a.id}/transfers`))).toEqual([aToB.id]);
    const atB = await get(`/api/v1/locations/${b.id}/transfers`);
    expect(atB.data.map((r: { id: number; direction: string }) => [r.id, r.direction])).toEqual([
      [bToC.id, 'outgoing'],
      [aToB.id, 'incoming'],
    ]);
    expect(ids(await get(`/api/v1/locations/${b.id}/transfers?direction=incoming`))).toEqual([aToB.id]);
    expect(ids(await get(`/api/v1/locations/${b.id}/transfers?state=in_transit`))).toEqual([bToC.id]);
    expect(ids(await get(`/api/v1/transfers?location_id=${c.id}`))).toEqual([bToC.id]);
    expect(ids(await get(`/api/v1/transfers?item_id=${x.id}`))).toEqual([aToB.id]);

    const first = await get(`/api/v1/locations/${b.id}/transfers?limit=1`);
    expect(ids(first)).toEqual([bToC.id]);
    expect(ids(await get(`/api/v1/locations/${b.id}/transfers?limit=1&cursor=${first.next_cursor}`))).toEqual(
      [aToB.id],
    );
    expect((await t.request({ method: 'GET', url: '/api/v1/locations/99999999/transfers' })).statusCode).toBe(
      404,
    );
  });
});

describe('scopes', () => {
  it('lets a scoped caller follow transfers touching their site, and hides the rest (404)', async () => {
    const site = await makeLocation(t, { type: 'site' });
    const room = await makeLocation(t, { parent_location_id: site.id });
    const elsewhere = await makeLocation(t, { type: 'site' });
    const farAway = await makeLocation(t, { type: 'site' });
    const tech = await makeUser(t, 'technician', { location_scope_id: site.id });
    const mine = await makeItem(t, { location_id: site.id });
    const theirs = await makeItem(t, { location_id: elsewhere.id });
    const unrelated = await makeItem(t, { location_id: elsewhere.id });

    const incoming = await requestTransfer({ item_ids: [theirs.id], to_location_id: room.id });
    const hidden = await requestTransfer({ item_ids: [unrelated.id], to_location_id: farAway.id });
    const as = (method: 'GET' | 'POST', url: string, payload?: object) => tech.as({ method, url, payload });

    expect((await as('GET', `/api/v1/transfers/${incoming.id}`)).statusCode).toBe(200);
    expect((await as('GET', `/api/v1/transfers/${hidden.id}`)).statusCode).toBe(404);
    expect((await as('POST', `/api/v1/transfers/${hidden.id}/cancel`, { reason: 'x' })).statusCode).toBe(404);
    expect(ids((await as('GET', '/api/v1/transfers')).json())).toEqual([incoming.id]);
    expect((await as('GET', `/api/v1/locations/${elsewhere.id}/transfers`)).statusCode).toBe(404);

    const outOfScopeItem = await as('POST', '/api/v1/transfers', {
      item_ids: [theirs.id],
      to_location_id: room.id,
    });
    expect(outOfScopeItem.statusCode).toBe(422);
    expect(outOfScopeItem.json().errors[0]).toEqual({
      field: 'item_ids.0',
      message: `item ${theirs.id} does not exist`,
    });
    const outOfScopePlace = await as('POST', '/api/v1/transfers', {
      item_ids: [mine.id],
      to_location_id: elsewhere.id,
    });
    expect(outOfScopePlace.statusCode).toBe(422);
    expect(outOfScopePlace.json().errors[0].field).toBe('to_location_id');
    expect(
      (await as('POST', '/api/v1/transfers', { item_ids: [mine.id], to_location_id: room.id })).statusCode,
    ).toBe(201);

    // The receiving site takes delivery of what was sent to it.
    await t.request({ method: 'POST', url: `/api/v1/transfers/${incoming.id}/dispatch`, payload: {} });
    const received = await as('POST', `/api/v1/transfers/${incoming.id}/receive`, {});
    expect(received.statusCode, received.body).toBe(200);
    expect((await as('GET', `/api/v1/items/${theirs.id}`)).json().location_id).toBe(room.id);
  });

  it('keeps transfers from auditors’ hands but not from their eyes', async () => {
    const auditor = await makeUser(t, 'auditor');
    const employee = await makeUser(t, 'employee');
    expect((await auditor.as({ method: 'GET', url: '/api/v1/transfers' })).statusCode).toBe(200);
    const refused = await auditor.as({ method: 'POST', url: '/api/v1/transfers', payload: {} });
    expect(refused.statusCode).toBe(403);
    expect((await employee.as({ method: 'GET', url: '/api/v1/transfers' })).statusCode).toBe(403);
  });
});
