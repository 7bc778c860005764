// Physical audits under real concurrency (PostgreSQL only: PGlite runs one statement at a time): technicians
// scanning side by side, a close racing scans, scans and closes racing edits of the same items, two starts at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  if (onPostgres) t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const start = (payload: object) => t.request({ method: 'POST', url: '/api/v1/stocktakes', payload });
const scan = (id: number, payload: object) =>
  t.request({ method: 'POST', url: `/api/v1/stocktakes/${id}/scans`, payload });
const close = (id: number, payload: object = {}) =>
  t.request({ method: 'POST', url: `/api/v1/stocktakes/${id}/close`, payload });
const get = async (url: string) => {
  const res = await t.request({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const started = async (locationId: number): Promise<{ id: number }> => {
  const res = await start({ location_id: locationId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe.runIf(onPostgres)('under real concurrency (PostgreSQL)', () => {
  it('records every scan of two technicians scanning at once, the same item counted twice', async () => {
    const room = await makeLocation(t);
    const items = await Promise.all(Array.from({ length: 8 }, () => makeItem(t, { location_id: room.id })));
    const [one, two] = await Promise.all([makeUser(t, 'technician'), makeUser(t, 'technician')]);
    const audit = await started(room.id);
    const scanAs = (who: typeof one, itemId: number) =>
      who.as({ method: 'POST', url: `/api/v1/stocktakes/${audit.id}/scans`, payload: { item_id: itemId } });
    const results = await Promise.all([
      ...items.slice(0, 4).map((i) => scanAs(one, i.id)),
      ...items.slice(4).map((i) => scanAs(two, i.id)),
      scanAs(one, items[0]!.id),
      scanAs(two, items[0]!.id),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([
      200, 200, 201, 201, 201, 201, 201, 201, 201, 201,
    ]);
    const report = await get(`/api/v1/stocktakes/${audit.id}/report`);
    expect(report.stocktake.progress).toMatchObject({ expected: 8, found: 8, missing: 0 });
    const first = report.data.find((l: { item_id: number }) => l.item_id === items[0]!.id);
    expect(first.scan_count).toBe(3);
  });

  it('lets no scan slip past a close racing it: each counts, or is refused as closed', async () => {
    const room = await makeLocation(t);
    const items = await Promise.all(Array.from({ length: 12 }, () => makeItem(t, { location_id: room.id })));
    const audit = await started(room.id);
    const [closing, ...scans] = await Promise.all([
      close(audit.id, { mark_missing_lost: true }),
      ...items.map((i) => scan(audit.id, { item_id: i.id })),
    ]);
    expect(closing.statusCode, closing.body).toBe(200);
    const counted = scans.filter((r) => r.statusCode === 201).length;
    expect(scans.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    const final = await get(`/api/v1/stocktakes/${audit.id}`);
    expect(final.progress).toMatchObject({
      found: counted,
      missing: 12 - counted,
      marked_lost: 12 - counted,
    });
    for (const [index, res] of scans.entries()) {
      const status = (await get(`/api/v1/items/${items[index]!.id}`)).status;
      expect(status).toBe(res.statusCode === 201 ? 'in_stock' : 'lost');
    }
  });

  it('scans items while others edit them, without either failing', async () => {
    const room = await makeLocation(t);
    const items = await Promise.all(Array.from({ length: 8 }, () => makeItem(t, { location_id: room.id })));
    const audit = await started(room.id);
    const results = await Promise.all(
      items.flatMap((item, n) => [
        scan(audit.id, { item_id: item.id }),
        t.request({ method: 'PATCH', url: `/api/v1/items/${item.id}`, payload: { name: `Edited ${n}` } }),
      ]),
    );
    expect(results.map((r) => r.statusCode).filter((code) => code >= 300)).toEqual([]);
    expect((await get(`/api/v1/stocktakes/${audit.id}`)).progress).toMatchObject({ found: 8 });
  });

  it('closes, marking items lost, while others edit those items, without either failing', async () => {
    const room = await makeLocation(t);
    const items = await Promise.all(Array.from({ length: 8 }, () => makeItem(t, { location_id: room.id })));
    const audit = await started(room.id);
    const [closing, ...edits] = await Promise.all([
      close(audit.id, { mark_missing_lost: true }),
      ...items.map((item, n) =>
        t.request({ method: 'PATCH', url: `/api/v1/items/${item.id}`, payload: { name: `Renamed ${n}` } }),
      ),
    ]);
    expect(closing.statusCode, closing.body).toBe(200);
    expect(edits.map((r) => r.statusCode)).toEqual(items.map(() => 200));
    expect(closing.json().progress).toMatchObject({ missing: 8, marked_lost: 8 });
  });

  it('starts one audit of two released together for a location', async () => {
    const room = await makeLocation(t);
    const results = await Promise.all([start({ location_id: room.id }), start({ location_id: room.id })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const conflict = results.find((r) => r.statusCode === 409)!;
    expect(conflict.json().errors[0]).toMatchObject({ field: 'location_id' });
  });
});
