// Physical audits over HTTP: start for a location's subtree, scan by code or id, close with found, missing and
// unexpected (moving and marking on request), the rules around them, scope and permissions.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { queryRows } from '../../db/connection.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Id = { id: number };
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
const started = async (locationId: number): Promise<Id & { version: number }> => {
  const res = await start({ location_id: locationId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const resultsOf = async (id: number) => {
  const report = await get(`/api/v1/stocktakes/${id}/report`);
  return Object.fromEntries(report.data.map((l: { sku: string; result: string }) => [l.sku, l.result]));
};

/** A building with two rooms holding three items, a disposed one and a box counted by quantity; one item elsewhere. */
async function fixture(tag: string) {
  const building = await makeLocation(t, { name: `Building ${tag}`, type: 'building' });
  const roomA = await makeLocation(t, { name: `Room A ${tag}`, parent_location_id: building.id });
  const roomB = await makeLocation(t, { name: `Room B ${tag}`, parent_location_id: building.id });
  const elsewhere = await makeLocation(t, { name: `Elsewhere ${tag}` });
  const laptop = await makeItem(t, { sku: `LAP-${tag}`, name: 'Laptop', location_id: roomA.id });
  const monitor = await makeItem(t, { sku: `MON-${tag}`, name: 'Monitor', location_id: roomA.id });
  const drill = await makeItem(t, {
    sku: `DRL-${tag}`,
    name: 'Drill',
    serial_number: `SN-DRILL-${tag}`,
    location_id: roomB.id,
  });
  const stray = await makeItem(t, { sku: `STR-${tag}`, name: 'Stray projector', location_id: elsewhere.id });
  const gone = await makeItem(t, { sku: `OLD-${tag}`, location_id: roomA.id });
  await t.request({ method: 'PATCH', url: `/api/v1/items/${gone.id}`, payload: { status: 'retired' } });
  const disposed = await t.request({
    method: 'POST',
    url: `/api/v1/items/${gone.id}/dispose`,
    payload: { method: 'scrapped', disposed_on: '2024-01-01' },
  });
  expect(disposed.statusCode, disposed.body).toBe(201);
  const screws = await makeItem(t, {
    sku: `SCR-${tag}`,
    name: 'Screws',
    tracking: 'quantity',
    location_id: roomA.id,
  });
  return { building, roomA, roomB, elsewhere, laptop, monitor, drill, stray, screws };
}

describe('a physical audit', () => {
  it('finds, misses and comes across items, and closing settles them with history', async () => {
    const f = await fixture('main');
    const res = await start({ location_id: f.building.id, note: 'yearly count' });
    expect(res.statusCode, res.body).toBe(201);
    const audit = res.json();
    expect(audit).toMatchObject({
      state: 'open',
      location: { id: f.building.id, name: 'Building main' },
      note: 'yearly count',
      started_by: 'admin@example.com',
      closed_at: null,
      progress: { expected: 3, found: 0, missing: 3, unexpected: 0, scanned: 0 },
    });

    const bySku = await scan(audit.id, { code: 'lap-main', location_id: f.roomA.id });
    expect(bySku.statusCode, bySku.body).toBe(201);
    expect(bySku.json()).toMatchObject({
      repeated: false,
      line: {
        item_id: f.laptop.id,
        result: 'found',
        expected_location: { id: f.roomA.id, name: 'Room A main' },
        scanned_location: { id: f.roomA.id },
        scan_count: 1,
        scanned_by: 'admin@example.com',
      },
      progress: { expected: 3, found: 1, missing: 2, scanned: 1 },
    });
    const bySerial = await scan(audit.id, { code: 'sn-drill-main' });
    expect(bySerial.json().line).toMatchObject({
      item_id: f.drill.id,
      result: 'found',
      scanned_location: null,
    });
    const stray = await scan(audit.id, { item_id: f.stray.id, location_id: f.roomB.id });
    expect(stray.json().line).toMatchObject({
      result: 'unexpected',
      expected_location: { id: f.elsewhere.id },
      scanned_location: { id: f.roomB.id },
    });

    expect(await resultsOf(audit.id)).toEqual({
      'DRL-main': 'found',
      'LAP-main': 'found',
      'MON-main': 'missing',
      'STR-main': 'unexpected',
    });
    const laptop = await get(`/api/v1/items/${f.laptop.id}`);
    expect(Date.now() - Date.parse(laptop.last_audited_at)).toBeLessThan(60_000);
    expect(laptop.version).toBe(f.laptop.version);
    expect((await get(`/api/v1/items/${f.monitor.id}`)).last_audited_at).toBeNull();

    const closed = await close(audit.id, { move_unexpected: true, mark_missing_lost: true });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      state: 'closed',
      closed_by: 'admin@example.com',
      move_unexpected: true,
      mark_missing_lost: true,
      progress: { expected: 3, found: 2, missing: 1, unexpected: 1, scanned: 3, moved: 1, marked_lost: 1 },
    });
    expect(await get(`/api/v1/items/${f.stray.id}`)).toMatchObject({ location_id: f.roomB.id });
    expect(await get(`/api/v1/items/${f.monitor.id}`)).toMatchObject({ status: 'lost' });
    const strayHistory = (await get(`/api/v1/items/${f.stray.id}/history`)).data;
    expect(strayHistory[0]).toMatchObject({
      action: 'audit_moved',
      additional_data: {
        stocktake_id: audit.id,
        from_location_id: f.elsewhere.id,
        to_location_id: f.roomB.id,
      },
    });
    expect(strayHistory[1]).toMatchObject({ action: 'audit_scanned' });
    const monitorHistory = (await get(`/api/v1/items/${f.monitor.id}/history`)).data;
    expect(monitorHistory[0]).toMatchObject({
      action: 'audit_missing',
      additional_data: { changes: { status: { before: 'in_stock', after: 'lost' } } },
    });
    const report = await get(`/api/v1/stocktakes/${audit.id}/report?result=unexpected`);
    expect(report.data).toEqual([expect.objectContaining({ sku: 'STR-main', outcome: 'moved' })]);
  });

  it('counts a repeated scan once, by code or by id', async () => {
    const f = await fixture('twice');
    const audit = await started(f.roomA.id);
    expect((await scan(audit.id, { code: 'LAP-twice' })).statusCode).toBe(201);
    const again = await scan(audit.id, { item_id: f.laptop.id, location_id: f.roomA.id });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      repeated: true,
      line: { result: 'found', scan_count: 2, scanned_location: { id: f.roomA.id } },
      progress: { expected: 2, found: 1, unexpected: 0, scanned: 1 },
    });
    const history = (await get(`/api/v1/items/${f.laptop.id}/history`)).data;
    expect(history.filter((h: { action: string }) => h.action === 'audit_scanned')).toHaveLength(1);
  });

  it('leaves items alone on close unless asked', async () => {
    const f = await fixture('plain');
    const audit = await started(f.building.id);
    await scan(audit.id, { item_id: f.stray.id, location_id: f.roomA.id });
    const closed = (await close(audit.id)).json();
    expect(closed.progress).toMatchObject({ missing: 3, unexpected: 1, moved: 0, marked_lost: 0 });
    expect(await get(`/api/v1/items/${f.stray.id}`)).toMatchObject({ location_id: f.elsewhere.id });
    expect(await get(`/api/v1/items/${f.laptop.id}`)).toMatchObject({ status: 'in_stock' });
  });

  it('does not mark lost what is checked out, and refuses scans and a second close once closed', async () => {
    const f = await fixture('closed');
    const person = await makeUser(t, 'employee');
    const out = await t.request({
      method: 'POST',
      url: `/api/v1/items/${f.monitor.id}/checkout`,
      payload: { assignee_user_id: person.id },
    });
    expect(out.statusCode, out.body).toBe(201);
    const audit = await started(f.roomA.id);
    const closed = await close(audit.id, { mark_missing_lost: true });
    expect(closed.json().progress).toMatchObject({ missing: 2, marked_lost: 1 });
    expect(await get(`/api/v1/items/${f.monitor.id}`)).toMatchObject({ status: 'deployed' });
    expect(await get(`/api/v1/items/${f.laptop.id}`)).toMatchObject({ status: 'lost' });

    const late = await scan(audit.id, { code: 'LAP-closed' });
    expect(late.statusCode).toBe(409);
    expect(late.json().errors[0]).toMatchObject({ field: 'state' });
    expect((await close(audit.id)).statusCode).toBe(409);
  });

  it('logs its start once, not an entry per expected item, and logs each scan', async () => {
    const f = await fixture('log');
    const entries = async (table: string) =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from audit_log where entity_type = ${table}`,
        )
      )[0]!.n;
    const [lines, audits] = [await entries('stocktake_lines'), await entries('stocktakes')];
    const audit = await started(f.building.id);
    expect((await get(`/api/v1/stocktakes/${audit.id}`)).progress.expected).toBe(3);
    expect(await entries('stocktakes')).toBe(audits + 1);
    expect(await entries('stocktake_lines'), 'no entry per expected item').toBe(lines);
    expect((await scan(audit.id, { code: f.laptop.sku })).statusCode).toBe(201);
    expect(await entries('stocktake_lines'), 'the scan').toBe(lines + 1);
    expect((await close(audit.id)).statusCode).toBe(200);
  });

  it('allows one open audit per location: a second is 409 until the first is closed', async () => {
    const room = await makeLocation(t);
    const first = await started(room.id);
    const second = await start({ location_id: room.id });
    expect(second.statusCode).toBe(409);
    expect(second.json().errors[0]).toMatchObject({ field: 'location_id' });
    expect(second.json().detail).toContain(`stocktake ${first.id}`);
    const stale = await t.request({
      method: 'POST',
      url: `/api/v1/stocktakes/${first.id}/close`,
      headers: { 'if-match': `"${first.version + 1}"` },
      payload: {},
    });
    expect(stale.statusCode).toBe(412);
    await close(first.id);
    expect((await start({ location_id: room.id })).statusCode).toBe(201);
  });

  it('lists audits by location and state, with progress', async () => {
    const f = await fixture('list');
    const open = await started(f.roomA.id);
    const done = await started(f.roomB.id);
    await scan(done.id, { code: 'DRL-list' });
    await close(done.id);
    const inBuilding = await get(`/api/v1/stocktakes?location_id=${f.building.id}`);
    expect(inBuilding.data.map((s: Id) => s.id)).toEqual([done.id, open.id]);
    expect(inBuilding.data[0].progress).toMatchObject({ expected: 1, found: 1, scanned: 1 });
    const openOnes = await get(`/api/v1/stocktakes?location_id=${f.building.id}&state=open`);
    expect(openOnes.data.map((s: Id) => s.id)).toEqual([open.id]);
    const paged = await get(`/api/v1/stocktakes?location_id=${f.building.id}&limit=1`);
    const next = await get(
      `/api/v1/stocktakes?location_id=${f.building.id}&limit=1&cursor=${paged.next_cursor}`,
    );
    expect(next.data.map((s: Id) => s.id)).toEqual([open.id]);
  });
});

describe('bad input', () => {
  it('names the field: unknown location, unknown or ambiguous code, a room outside the audit', async () => {
    const f = await fixture('bad');
    const unknown = await start({ location_id: 99_999_999 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'location_id' });
    expect((await start({ location: f.roomA.id })).statusCode).toBe(400);
    const filter = await t.request({ method: 'GET', url: '/api/v1/stocktakes?location_id=99999999' });
    expect(filter.statusCode).toBe(422);
    expect(filter.json().errors[0]).toMatchObject({ field: 'location_id' });

    const audit = await started(f.roomA.id);
    const nobody = await scan(audit.id, { code: 'NO-SUCH-CODE' });
    expect(nobody.statusCode).toBe(404);
    expect(nobody.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(nobody.json().errors[0]).toMatchObject({ field: 'code' });
    expect(nobody.json().detail).toContain('NO-SUCH-CODE');
    expect((await scan(audit.id, { item_id: 99_999_999 })).json().errors[0]).toMatchObject({
      field: 'item_id',
    });
    expect((await scan(audit.id, {})).json().errors[0]).toMatchObject({ field: 'code' });
    expect((await scan(audit.id, { code: 'LAP-bad', item_id: f.laptop.id })).statusCode).toBe(422);
    expect((await scan(audit.id, { code: '   ' })).statusCode).toBe(400);
    const outside = await scan(audit.id, { code: 'LAP-bad', location_id: f.roomB.id });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0]).toMatchObject({ field: 'location_id' });
    const counted = await scan(audit.id, { code: 'SCR-bad' });
    expect(counted.statusCode).toBe(422);
    expect(counted.json().errors[0].message).toContain('quantity');

    await makeItem(t, { sku: 'TWIN-1-bad', serial_number: 'TWIN-bad', location_id: f.roomA.id });
    await makeItem(t, { sku: 'TWIN-2-bad', serial_number: 'twin-bad', location_id: f.roomA.id });
    const twins = await scan(audit.id, { code: 'TWIN-bad' });
    expect(twins.statusCode).toBe(422);
    expect(twins.json().errors[0]).toMatchObject({ field: 'code' });
    expect((await scan(99_999_999, { code: 'LAP-bad' })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/stocktakes?state=done' })).statusCode).toBe(400);
  });
});

describe('who may audit what', () => {
  it('lets a technician scan and an auditor read, and refuses an employee with 403', async () => {
    const room = await makeLocation(t);
    const item = await makeItem(t, { location_id: room.id });
    const technician = await makeUser(t, 'technician');
    const auditor = await makeUser(t, 'auditor');
    const employee = await makeUser(t, 'employee');
    const res = await technician.as({
      method: 'POST',
      url: '/api/v1/stocktakes',
      payload: { location_id: room.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const scanned = await technician.as({
      method: 'POST',
      url: `/api/v1/stocktakes/${id}/scans`,
      payload: { item_id: item.id },
    });
    expect(scanned.statusCode).toBe(201);
    expect((await auditor.as({ method: 'GET', url: `/api/v1/stocktakes/${id}` })).statusCode).toBe(200);
    const auditorScan = await auditor.as({
      method: 'POST',
      url: `/api/v1/stocktakes/${id}/scans`,
      payload: { item_id: item.id },
    });
    expect(auditorScan.statusCode).toBe(403);
    expect((await employee.as({ method: 'GET', url: '/api/v1/stocktakes' })).statusCode).toBe(403);
    expect((await employee.as({ method: 'GET', url: `/api/v1/stocktakes/${id}/report` })).statusCode).toBe(
      403,
    );
  });

  it('keeps a scoped technician to their subtree: other audits, locations and items are not found', async () => {
    const f = await fixture('scope');
    const theirs = await started(f.roomA.id);
    const others = await started(f.elsewhere.id);
    const technician = await makeUser(t, 'technician', { location_scope_id: f.building.id });
    const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
      technician.as({ method, url, ...(payload && { payload }) });

    const listed = (await as('GET', '/api/v1/stocktakes')).json();
    expect(listed.data.map((s: Id) => s.id)).toEqual([theirs.id]);
    expect((await as('GET', `/api/v1/stocktakes/${others.id}`)).statusCode).toBe(404);
    expect((await as('GET', `/api/v1/stocktakes/${others.id}/report?format=csv`)).statusCode).toBe(404);
    expect(
      (await as('POST', `/api/v1/stocktakes/${others.id}/scans`, { code: 'STR-scope' })).statusCode,
    ).toBe(404);
    expect((await as('POST', `/api/v1/stocktakes/${others.id}/close`, {})).statusCode).toBe(404);
    const outside = await as('POST', '/api/v1/stocktakes', { location_id: f.elsewhere.id });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0]).toMatchObject({ field: 'location_id' });
    // An item outside their scope is as unknown to them as a code no item has.
    const stray = await as('POST', `/api/v1/stocktakes/${theirs.id}/scans`, { code: 'STR-scope' });
    expect(stray.statusCode).toBe(404);
    expect(stray.json().errors[0]).toMatchObject({ field: 'code' });
    expect(
      (await as('POST', `/api/v1/stocktakes/${theirs.id}/scans`, { code: 'LAP-scope' })).statusCode,
    ).toBe(201);
  });
});
