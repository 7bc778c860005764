import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function create(body: Record<string, unknown>) {
  const res = await t.request({ method: 'POST', url: '/api/v1/locations', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; version: number }>();
}

describe('locations', () => {
  it('creates a location and reads it back with its ETag', async () => {
    const site = await create({ name: 'HQ', type: 'site', code: 'HQ', latitude: 51.5, longitude: -0.12 });
    const res = await t.request({ method: 'GET', url: `/api/v1/locations/${site.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ name: 'HQ', type: 'site', latitude: 51.5, occupancy: 0, path: [] });
  });

  it('gives the ancestors path and the whole subtree', async () => {
    const site = await create({ name: 'Campus', type: 'site' });
    const building = await create({ name: 'B1', type: 'building', parent_location_id: site.id });
    const floor = await create({ name: 'F2', type: 'floor', parent_location_id: building.id });
    const room = await create({ name: 'R201', type: 'room', parent_location_id: floor.id, capacity: 10 });

    const detail = (await t.request({ method: 'GET', url: `/api/v1/locations/${room.id}` })).json();
    expect(detail.path.map((p: { name: string }) => p.name)).toEqual(['Campus', 'B1', 'F2']);

    const subtree = (await t.request({ method: 'GET', url: `/api/v1/locations/${site.id}/subtree` })).json();
    expect(subtree.data.map((n: { name: string; depth: number }) => [n.name, n.depth])).toEqual([
      ['Campus', 0],
      ['B1', 1],
      ['F2', 2],
      ['R201', 3],
    ]);

    const children = (
      await t.request({ method: 'GET', url: `/api/v1/locations?parent_location_id=${building.id}` })
    ).json();
    expect(children.data.map((n: { name: string }) => n.name)).toEqual(['F2']);
  });

  it('refuses a move that would make a cycle, naming the field', async () => {
    const a = await create({ name: 'A', type: 'building' });
    const b = await create({ name: 'B', type: 'floor', parent_location_id: a.id });
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/locations/${a.id}`,
      payload: { parent_location_id: b.id },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0].field).toBe('parent_location_id');

    const self = await t.request({
      method: 'PATCH',
      url: `/api/v1/locations/${a.id}`,
      payload: { parent_location_id: a.id },
    });
    expect(self.statusCode).toBe(422);
    const unchanged = (await t.request({ method: 'GET', url: `/api/v1/locations/${a.id}` })).json();
    expect(unchanged.parent_location_id).toBeNull();
    expect(unchanged.version).toBe(1);
  });

  it('answers 412 to an update based on a stale version', async () => {
    const loc = await create({ name: 'Store', type: 'storage' });
    const first = await t.request({
      method: 'PATCH',
      url: `/api/v1/locations/${loc.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Store A' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/locations/${loc.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Store B' },
    });
    expect(stale.statusCode).toBe(412);
    expect((await t.request({ method: 'GET', url: `/api/v1/locations/${loc.id}` })).json().name).toBe(
      'Store A',
    );
  });

  it.each([
    [{ type: 'room' }, 'name'],
    [{ name: 'x', type: 'castle' }, 'type'],
    [{ name: 'x', capacity: -1 }, 'capacity'],
    [{ name: 'x', capacity: 1.5 }, 'capacity'],
    [{ name: 'x', latitude: 91, longitude: 0 }, 'latitude'],
    [{ name: 'x', latitude: 10 }, 'longitude'],
    [{ name: 'x'.repeat(201) }, 'name'],
    [{ name: 'x', colour: 'red' }, 'colour'],
    [{ name: 'x', parent_location_id: 'abc' }, 'parent_location_id'],
  ])('refuses bad input %j naming %s', async (payload, field) => {
    const res = await t.request({ method: 'POST', url: '/api/v1/locations', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a parent that does not exist', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/locations',
      payload: { name: 'x', parent_location_id: 999999 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('parent_location_id');
  });

  it('answers 409 to a duplicate code and 404 to an unknown id', async () => {
    await create({ name: 'Dock', code: 'DOCK-1' });
    const dup = await t.request({
      method: 'POST',
      url: '/api/v1/locations',
      payload: { name: 'Dock 2', code: 'DOCK-1' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('code');
    expect((await t.request({ method: 'GET', url: '/api/v1/locations/424242' })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/locations/abc' })).statusCode).toBe(400);
  });

  it('refuses to delete a location with sub-locations, then deletes it once empty', async () => {
    const parent = await create({ name: 'Wing', type: 'building' });
    const child = await create({ name: 'Closet', type: 'room', parent_location_id: parent.id });
    const refused = await t.request({ method: 'DELETE', url: `/api/v1/locations/${parent.id}` });
    expect(refused.statusCode).toBe(409);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/locations/${child.id}` })).statusCode).toBe(
      204,
    );
    expect((await t.request({ method: 'DELETE', url: `/api/v1/locations/${parent.id}` })).statusCode).toBe(
      204,
    );
    expect((await t.request({ method: 'GET', url: `/api/v1/locations/${parent.id}` })).statusCode).toBe(404);
  });

  it('pages through a listing with a cursor, without repeats or gaps', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `Page-${String(i).padStart(2, '0')}`);
    for (const name of names) await create({ name, type: 'area' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/locations?type=area&sort=-name&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { data: { name: string }[]; next_cursor: string | null } = (
        await t.request({ method: 'GET', url })
      ).json();
      seen.push(...page.data.map((l) => l.name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...names].reverse());
    const bad = await t.request({ method: 'GET', url: '/api/v1/locations?cursor=garbage' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('cursor');
  });
});

describe.runIf(onPostgres)('under real concurrency (PostgreSQL)', () => {
  it('lets only one of two crossing moves through, so no cycle forms', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await create({ name: `Cross A${round}`, type: 'area' });
      const b = await create({ name: `Cross B${round}`, type: 'area' });
      const results = await Promise.all([
        t.request({
          method: 'PATCH',
          url: `/api/v1/locations/${a.id}`,
          payload: { parent_location_id: b.id },
        }),
        t.request({
          method: 'PATCH',
          url: `/api/v1/locations/${b.id}`,
          payload: { parent_location_id: a.id },
        }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    }
  });
});
