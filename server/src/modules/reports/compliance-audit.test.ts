// Compliance from the audit log over HTTP: an item's full trail (its rows, its check-outs and maintenance, even
// deleted ones, and its history), changes by user with drill-down, permissions, scope, and downloads including
// a PDF of several pages. Also: every catalogue report is served at its key with the permission it declares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { csvRecords, pdfPages } from '../../../test/report-files.ts';
import { reportCatalog } from './report-catalog.ts';

let t: TestApp;
let siteA: { id: number };
let siteB: { id: number };
let watched: { id: number };
let other: { id: number };
let manager: Awaited<ReturnType<typeof makeUser>>;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
// Around now, so a run across midnight still covers what the fixtures did.
const period = `from=${day(-1)}&to=${day(1)}`;

async function call(method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  const res = await t.request({ method, url: `/api/v1${url}`, ...(payload && { payload }) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.body ? res.json() : undefined;
}

beforeAll(async () => {
  t = await createTestApp();
  siteA = await makeLocation(t, { name: 'Site A', type: 'site' });
  siteB = await makeLocation(t, { name: 'Site B', type: 'site' });
  const person = await makeUser(t, 'employee');
  watched = await makeItem(t, { name: 'Watched', location_id: siteA.id });
  await call('PATCH', `/items/${watched.id}`, { name: 'Watched laptop' });
  await call('POST', `/items/${watched.id}/checkout`, { assignee_user_id: person.id });
  await call('POST', `/items/${watched.id}/checkin`, { condition: 'good' });
  const schedule = await call('POST', `/items/${watched.id}/maintenance`, { maintenance_type: 'inspection' });
  await call('DELETE', `/maintenance/${schedule.id}`);
  other = await makeItem(t, { name: 'Other', location_id: siteB.id });
  manager = await makeUser(t, 'asset_manager');
  const created = await manager.as({
    method: 'POST',
    url: '/api/v1/items',
    payload: { sku: 'MGR-1', name: 'Manager item', location_id: siteB.id },
  });
  await manager.as({
    method: 'PATCH',
    url: `/api/v1/items/${created.json().id}`,
    payload: { name: 'Renamed' },
  });
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.request({ method: 'GET', url: `/api/v1/reports/${url}` });

interface TrailLine {
  occurred_at: string;
  source: string;
  item_id: number;
  entity_type: string;
  action: string;
  actor: string;
  details: { before?: Record<string, unknown>; after?: Record<string, unknown>; changes?: object };
}

describe('GET /reports/audit-trail', () => {
  it("gives an item's rows, its check-outs and maintenance (deleted too) and its history, oldest first", async () => {
    const res = await get(`audit-trail?${period}&item_ids=${watched.id}&limit=500`);
    expect(res.statusCode, res.body).toBe(200);
    const lines: TrailLine[] = res.json().data;
    expect(new Set(lines.map((l) => l.item_id))).toEqual(new Set([watched.id]));
    const times = lines.map((l) => l.occurred_at);
    expect(times).toEqual([...times].sort());
    const kinds = lines.map((l) => `${l.entity_type} ${l.action}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'inventory_items create',
        'inventory_items update',
        'checkouts create',
        'checkouts update', // the check-in: its row change names no item; the check-out row does
        'maintenance_schedules create',
        'maintenance_schedules delete', // gone now; its deleted row carried the item
        'asset_history created',
        'asset_history updated',
        'asset_history checked_out',
        'asset_history checked_in',
      ]),
    );
    const rename = lines.find((l) => l.entity_type === 'inventory_items' && l.details.before?.name);
    expect(rename?.details).toEqual({ before: { name: 'Watched' }, after: { name: 'Watched laptop' } });
    expect(rename?.actor).toBe('admin@example.com');
    // The first entries are the item's creation: the row change, then the history entry of the same moment.
    expect(kinds.slice(0, 2)).toEqual(['inventory_items create', 'asset_history created']);
  });

  it('pages through the same lines with a cursor', async () => {
    const all: TrailLine[] = (await get(`audit-trail?${period}&item_ids=${watched.id}&limit=500`)).json()
      .data;
    const paged: TrailLine[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(
        `audit-trail?${period}&item_ids=${watched.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...res.json().data);
      cursor = res.json().next_cursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect((await get(`audit-trail?${period}&cursor=WzEsMiwzXQ`)).json().errors[0].field).toBe('cursor');
  });

  it('takes the usual filters, keeps a scoped auditor to their items, and needs audit:read', async () => {
    const inB = (await get(`audit-trail?${period}&location_id=${siteB.id}&limit=500`)).json()
      .data as TrailLine[];
    expect(new Set(inB.map((l) => l.item_id)).has(watched.id)).toBe(false);
    expect(new Set(inB.map((l) => l.item_id)).has(other.id)).toBe(true);

    const auditor = await makeUser(t, 'auditor', { location_scope_id: siteB.id });
    const mine = await auditor.as({
      method: 'GET',
      url: `/api/v1/reports/audit-trail?${period}&item_ids=${watched.id}`,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().data).toEqual([]);
    const outside = await auditor.as({
      method: 'GET',
      url: `/api/v1/reports/audit-trail?location_id=${siteA.id}`,
    });
    expect(outside.statusCode).toBe(404);
    // Reports, but not the audit log: an asset manager may not read it through a report either.
    expect((await manager.as({ method: 'GET', url: '/api/v1/reports/audit-trail' })).statusCode).toBe(403);
    expect((await manager.as({ method: 'GET', url: '/api/v1/reports/changes-by-user' })).statusCode).toBe(
      403,
    );
    const bad = await get('audit-trail?item_ids=1,two');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('item_ids');
  });

  it('downloads CSV with the changes as JSON, and a PDF of several pages when the lines run over one', async () => {
    const download = await get(`audit-trail?${period}&item_ids=${watched.id},${watched.id}&format=csv`);
    expect(download.statusCode, download.body).toBe(200);
    const csv = csvRecords(download);
    const rename = csv.find((r) => r.Table === 'inventory_items' && r.Details?.includes('"before":{"name"'));
    expect(JSON.parse(rename?.Details ?? '')).toEqual({
      before: { name: 'Watched' },
      after: { name: 'Watched laptop' },
    });
    expect(rename).toMatchObject({
      SKU: expect.stringMatching(/^SKU-/),
      Item: 'Watched laptop',
      By: 'admin@example.com',
    });

    for (let n = 0; n < 25; n++) await makeItem(t, { location_id: siteB.id });
    const res = await get(`audit-trail?${period}&format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // 25 items × (row change + history entry) and the fixtures' lines: more than one A4 page holds.
    expect(pdfPages(res)).toBeGreaterThan(1);
  });
});

describe('GET /reports/changes-by-user', () => {
  it('counts changes per user, table and action, and drills down to the changes', async () => {
    const res = await get(`changes-by-user?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const mine = body.counts.filter((c: { actor_user_id: number }) => c.actor_user_id === manager.id);
    expect(mine).toEqual([
      {
        actor_user_id: manager.id,
        actor_label: manager.email,
        entity_type: 'inventory_items',
        action: 'create',
        changes: 1,
      },
      {
        actor_user_id: manager.id,
        actor_label: manager.email,
        entity_type: 'inventory_items',
        action: 'update',
        changes: 1,
      },
    ]);
    const sum = body.counts.reduce((s: number, c: { changes: number }) => s + c.changes, 0);
    expect(body.totals.changes).toBe(sum);
    expect(body.totals.users).toBe(
      new Set(body.counts.map((c: { actor_label: string }) => c.actor_label)).size,
    );

    const lines = (await get(`changes-by-user/lines?${period}&actor_user_id=${manager.id}`)).json();
    expect(
      lines.data.map((l: { action: string; after: { name?: string } }) => [l.action, l.after.name]),
    ).toEqual([
      ['create', 'Manager item'],
      ['update', 'Renamed'],
    ]);
    const updates = (
      await get(`changes-by-user/lines?${period}&actor_user_id=${manager.id}&action=update`)
    ).json();
    expect(updates.data).toHaveLength(1);
  });

  it('with a location filter counts only changes about the items there', async () => {
    const inA = (await get(`changes-by-user?${period}&location_id=${siteA.id}`)).json();
    expect(new Set(inA.counts.map((c: { entity_type: string }) => c.entity_type))).toEqual(
      new Set(['inventory_items', 'checkouts', 'maintenance_schedules']),
    );
    expect(inA.counts.some((c: { actor_user_id: number }) => c.actor_user_id === manager.id)).toBe(false);
  });

  it('downloads the counts as CSV, and the lines as CSV', async () => {
    const counts = csvRecords(await get(`changes-by-user?${period}&actor_user_id=${manager.id}&format=csv`));
    expect(counts).toEqual([
      {
        User: manager.email,
        'User id': String(manager.id),
        Table: 'inventory_items',
        Action: 'create',
        Changes: '1',
      },
      {
        User: manager.email,
        'User id': String(manager.id),
        Table: 'inventory_items',
        Action: 'update',
        Changes: '1',
      },
    ]);
    const lines = csvRecords(
      await get(`changes-by-user/lines?${period}&actor_user_id=${manager.id}&format=csv`),
    );
    expect(lines.map((l) => [l.Action, JSON.parse(l.After ?? '').name])).toEqual([
      ['create', 'Manager item'],
      ['update', 'Renamed'],
    ]);
  });
});

describe('the report catalogue', () => {
  it('serves every report at /reports/<key> with the permission the catalogue declares', () => {
    // A physical audit's report belongs to the audit it reports on.
    const routeOf = (key: string) => (key === 'stocktake' ? '/stocktakes/:id/report' : `/reports/${key}`);
    for (const report of reportCatalog) {
      const route = t.app.apiRoutes.find(
        (r) => r.method === 'GET' && r.url === `/api/v1${routeOf(report.key)}`,
      );
      expect(route?.permission, report.key).toBe(report.permission);
    }
  });
});
