// Items not seen in a physical audit since a date, over HTTP: which items count, filters, scope, bad input, and
// the CSV download.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
const ids = {} as Record<'site' | 'room' | 'other' | 'seen' | 'unseen' | 'far', number>;

beforeAll(async () => {
  t = await createTestApp();
  const site = await makeLocation(t, { name: 'Depot', type: 'site' });
  const room = await makeLocation(t, { name: 'Depot hall', parent_location_id: site.id });
  const other = await makeLocation(t, { name: 'Annex' });
  const seen = await makeItem(t, { sku: 'NA-SEEN', name: 'Seen pump', location_id: room.id });
  const unseen = await makeItem(t, {
    sku: 'NA-UNSEEN',
    name: 'Unseen pump',
    location_id: room.id,
    status: 'deployed',
  });
  const far = await makeItem(t, { sku: 'NA-FAR', name: 'Annex pump', location_id: other.id });
  await makeItem(t, { sku: 'NA-BOLTS', tracking: 'quantity', location_id: room.id });
  const retired = await makeItem(t, { sku: 'NA-GONE', location_id: room.id });
  await t.request({ method: 'PATCH', url: `/api/v1/items/${retired.id}`, payload: { status: 'retired' } });
  await t.request({
    method: 'POST',
    url: `/api/v1/items/${retired.id}/dispose`,
    payload: { method: 'scrapped', disposed_on: '2024-06-01' },
  });
  const audit = await t.request({
    method: 'POST',
    url: '/api/v1/stocktakes',
    payload: { location_id: room.id },
  });
  const scan = await t.request({
    method: 'POST',
    url: `/api/v1/stocktakes/${audit.json().id}/scans`,
    payload: { code: 'NA-SEEN' },
  });
  expect(scan.statusCode, scan.body).toBe(201);
  Object.assign(ids, { site: site.id, room: room.id, other: other.id });
  Object.assign(ids, { seen: seen.id, unseen: unseen.id, far: far.id });
});
afterAll(async () => {
  await t?.close();
});

const url = (query: string) => `/api/v1/reports/not-audited-since?${query}`;
const get = (query: string) => t.request({ method: 'GET', url: url(query) });
const skus = (body: { data: { sku: string }[] }) => body.data.map((l) => l.sku);

describe('items not audited since a date', () => {
  it('lists what no audit has scanned since then, never-audited ones included', async () => {
    const recent = await get(`since=2000-01-01&location_id=${ids.site}`);
    expect(recent.statusCode, recent.body).toBe(200);
    expect(recent.json()).toMatchObject({ since: '2000-01-01', totals: { items: 1 }, next_cursor: null });
    expect(recent.json().data).toEqual([
      expect.objectContaining({
        item_id: ids.unseen,
        sku: 'NA-UNSEEN',
        status: 'deployed',
        location: 'Depot hall',
        last_audited_at: null,
      }),
    ]);
    const later = (await get(`since=2999-01-01&location_id=${ids.site}`)).json();
    expect(skus(later)).toEqual(['NA-SEEN', 'NA-UNSEEN']);
    expect(later.data[0].last_audited_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('takes the usual report filters and pages', async () => {
    expect(skus((await get('since=2000-01-01&status=deployed')).json())).toEqual(['NA-UNSEEN']);
    const first = (await get('since=2999-01-01&limit=2')).json();
    expect(first.totals.items).toBe(3);
    const rest = (await get(`since=2999-01-01&limit=2&cursor=${first.next_cursor}`)).json();
    expect([...skus(first), ...skus(rest)]).toEqual(['NA-SEEN', 'NA-UNSEEN', 'NA-FAR']);
  });

  it('names the field of a bad or missing date', async () => {
    for (const query of ['since=2024-13-01', 'since=yesterday', '']) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors[0], query).toMatchObject({ field: 'since' });
    }
  });

  it('shows a scoped auditor only their subtree, and is not for technicians', async () => {
    const auditor = await makeUser(t, 'auditor', { location_scope_id: ids.site });
    const mine = await auditor.as({ method: 'GET', url: url('since=2999-01-01') });
    expect(skus(mine.json())).toEqual(['NA-SEEN', 'NA-UNSEEN']);
    const outside = await auditor.as({
      method: 'GET',
      url: url(`since=2999-01-01&location_id=${ids.other}`),
    });
    expect(outside.statusCode).toBe(404);
    const technician = await makeUser(t, 'technician');
    expect((await technician.as({ method: 'GET', url: url('since=2999-01-01') })).statusCode).toBe(403);
  });

  it('downloads every line as CSV, never-audited ones saying so', async () => {
    const res = await get(`since=2999-01-01&location_id=${ids.site}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="not-audited-since-2999-01-01.csv"',
    );
    const rows = res.body.trim().split('\n');
    expect(rows[0]).toBe('SKU,Name,Status,Category,Location,Last audited');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toBe('NA-UNSEEN,Unseen pump,deployed,,Depot hall,never');
    const pdf = await get(`since=2999-01-01&format=pdf`);
    expect(pdf.rawPayload.toString('latin1')).toContain(
      '(Items not seen in a physical audit since 2999-01-01)',
    );
  });
});
