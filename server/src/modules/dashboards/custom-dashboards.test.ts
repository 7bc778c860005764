// Custom dashboards: each person saves, reopens, rearranges and deletes their own (If-Match guarded, audited);
// widgets are checked field by field; every widget source answers its data for the caller's scope and filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeItem, makeLocation, makeUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { sourceNames, sources } from './sources.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const widget = (overrides: object = {}) => ({
  title: 'Assets',
  source: 'assets_by_status',
  filters: {},
  visualisation: 'bar',
  position: { x: 0, y: 0 },
  size: { w: 6, h: 4 },
  ...overrides,
});

describe('custom dashboards', () => {
  it('saves, reopens, rearranges and deletes a dashboard, guarded by If-Match', async () => {
    const me = await makeUser(t, 'auditor');
    const widgets = [
      widget(),
      widget({ title: 'Value', source: 'value_over_time', visualisation: 'line', position: { x: 6, y: 0 } }),
      widget({
        title: 'Total',
        source: 'assets_total',
        visualisation: 'kpi',
        filters: { status: 'deployed' },
      }),
    ];
    const created = await me.as({
      method: 'POST',
      url: '/api/v1/dashboards',
      payload: { name: 'Mine', widgets },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: number }>();
    expect(created.headers.location).toBe(`/api/v1/dashboards/${id}`);

    const reopened = await me.as({ method: 'GET', url: `/api/v1/dashboards/${id}` });
    expect(reopened.json()).toMatchObject({ id, name: 'Mine', widgets, version: 1 });
    expect(reopened.headers.etag).toBe('"1"');
    expect((await me.as({ method: 'GET', url: '/api/v1/dashboards' })).json().data).toHaveLength(1);

    const moved = [widgets[1], widgets[0], widgets[2]];
    const patch = (ifMatch: string, payload: object) =>
      me.as({ method: 'PATCH', url: `/api/v1/dashboards/${id}`, headers: { 'if-match': ifMatch }, payload });
    const updated = await patch('"1"', { widgets: moved });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ widgets: moved, version: 2 });
    const stale = await patch('"1"', { name: 'Overwritten' });
    expect(stale.statusCode).toBe(412);
    expect((await me.as({ method: 'GET', url: `/api/v1/dashboards/${id}` })).json().name).toBe('Mine');

    const history = await t.request({
      method: 'GET',
      url: `/api/v1/audit?entity_type=dashboards&entity_id=${id}`,
    });
    expect(
      history
        .json()
        .data.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['create', 'update']);

    expect(
      (await me.as({ method: 'DELETE', url: `/api/v1/dashboards/${id}`, headers: { 'if-match': '"1"' } }))
        .statusCode,
    ).toBe(412);
    expect(
      (await me.as({ method: 'DELETE', url: `/api/v1/dashboards/${id}`, headers: { 'if-match': '"2"' } }))
        .statusCode,
    ).toBe(204);
    expect((await me.as({ method: 'GET', url: `/api/v1/dashboards/${id}` })).statusCode).toBe(404);
  });

  it("keeps each person's dashboards their own", async () => {
    const owner = await makeUser(t, 'asset_manager');
    const other = await makeUser(t, 'asset_manager');
    const { id } = (
      await owner.as({ method: 'POST', url: '/api/v1/dashboards', payload: { name: 'Private' } })
    ).json<{ id: number }>();
    expect((await other.as({ method: 'GET', url: `/api/v1/dashboards/${id}` })).statusCode).toBe(404);
    expect((await other.as({ method: 'GET', url: '/api/v1/dashboards' })).json().data).toEqual([]);
    const takeOver = await other.as({
      method: 'PATCH',
      url: `/api/v1/dashboards/${id}`,
      payload: { name: 'Mine now' },
    });
    expect(takeOver.statusCode).toBe(404);
    expect((await other.as({ method: 'DELETE', url: `/api/v1/dashboards/${id}` })).statusCode).toBe(404);
  });

  it('names the widget field that is wrong', async () => {
    const save = (widgets: object[]) =>
      t.request({ method: 'POST', url: '/api/v1/dashboards', payload: { name: 'Broken', widgets } });
    for (const [widgets, field] of [
      [[widget(), widget(), widget({ source: 'weather' })], 'widgets.2.source'],
      [[widget({ source: 'assets_total', visualisation: 'line' })], 'widgets.0.visualisation'],
      [[widget({ source: 'value_over_time', visualisation: 'kpi' })], 'widgets.0.visualisation'],
      [[widget({ filters: { status: 'misplaced' } })], 'widgets.0.filters.status'],
      [[widget({ filters: { colour: 'red' } })], 'widgets.0.filters.colour'],
      [[widget({ position: { x: 12, y: 0 } })], 'widgets.0.position.x'],
      [[widget({ size: { w: 0, h: 1 } })], 'widgets.0.size.w'],
      [[widget({ title: '' })], 'widgets.0.title'],
      [Array.from({ length: 25 }, () => widget()), 'widgets'],
    ] as const) {
      const res = await save(widgets as unknown as object[]);
      expect(res.statusCode, field).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        res.body,
      ).toContain(field);
    }
    const unnamed = await t.request({ method: 'POST', url: '/api/v1/dashboards', payload: { name: ' ' } });
    expect(unnamed.json().errors[0].field).toBe('name');
  });

  it('lets roles with reports:read save dashboards, and no one else read or save them', async () => {
    for (const role of ['asset_manager', 'auditor']) {
      const user = await makeUser(t, role);
      const res = await user.as({ method: 'POST', url: '/api/v1/dashboards', payload: { name: role } });
      expect(res.statusCode, role).toBe(201);
    }
    for (const role of ['technician', 'employee']) {
      const user = await makeUser(t, role);
      expect((await user.as({ method: 'GET', url: '/api/v1/dashboards' })).statusCode, role).toBe(403);
      const res = await user.as({ method: 'POST', url: '/api/v1/dashboards', payload: { name: role } });
      expect(res.statusCode, role).toBe(403);
      expect(
        (await user.as({ method: 'GET', url: '/api/v1/dashboards/widget-data?source=cost' })).statusCode,
      ).toBe(403);
    }
  });
});

describe('widget data', () => {
  const data = (query: string, as: TestApp['request'] = (o) => t.request(o)) =>
    as({ method: 'GET', url: `/api/v1/dashboards/widget-data?${query}` });

  it('answers every source as its kind says, with filters applied', async () => {
    const site = await makeLocation(t, { type: 'site', name: 'Widget site' });
    const category = await makeCategory(t, { name: 'Widget things' });
    await makeItem(t, {
      location_id: site.id,
      category_id: category.id,
      status: 'deployed',
      purchase_price: '40.00',
      purchase_date: '2020-01-10',
    });
    await makeItem(t, {
      location_id: site.id,
      category_id: category.id,
      status: 'in_stock',
      purchase_price: '2.50',
      purchase_date: '2020-01-10',
    });
    const filtered = `location_id=${site.id}&category_id=${category.id}`;
    for (const source of sourceNames) {
      const res = await data(`source=${source}&${filtered}`);
      expect(res.statusCode, `${source}: ${res.body}`).toBe(200);
      expect(res.json()).toMatchObject({ source, kind: sources[source].kind, unit: sources[source].unit });
    }
    expect((await data(`source=assets_total&${filtered}`)).json().value).toBe('2');
    expect((await data(`source=assets_total&${filtered}&status=deployed`)).json().value).toBe('1');
    expect((await data(`source=cost&${filtered}`)).json().value).toBe('42.50');
    expect((await data(`source=utilisation&${filtered}`)).json().value).toBe('0.5000');
    // Checked out into a kit, an item keeps its status (in stock) and is in use all the same.
    const kit = await makeItem(t);
    const [inStock] = (
      await t.request({ method: 'GET', url: `/api/v1/items?status=in_stock&${filtered}` })
    ).json().data;
    const packed = await t.request({
      method: 'POST',
      url: `/api/v1/items/${inStock.id}/checkout`,
      payload: { parent_item_id: kit.id },
    });
    expect(packed.statusCode, packed.body).toBe(201);
    expect((await data(`source=utilisation&${filtered}`)).json().value).toBe('1.0000');
    expect((await data(`source=assets_by_status&${filtered}`)).json().points).toEqual([
      { label: 'deployed', value: '1' },
      { label: 'in_stock', value: '1' },
    ]);
    expect((await data(`source=assets_by_location&${filtered}`)).json().points).toEqual([
      { label: 'Widget site', value: '2' },
    ]);
    const months = (await data(`source=depreciation_by_month&${filtered}`)).json().points;
    expect(months).toHaveLength(12);
    // Valued at cost (the category has no useful life): nothing depreciates.
    expect(months.every((p: { value: string }) => p.value === '0.00')).toBe(true);
    const values = (await data(`source=value_over_time&${filtered}`)).json().points;
    expect(values.map((p: { value: string }) => p.value)).toEqual(Array(12).fill('42.50'));
  });

  it('refuses bad sources and filters with the field named, and places out of scope as not found', async () => {
    for (const [query, field] of [
      ['source=weather', 'source'],
      ['', 'source'],
      ['source=cost&status=misplaced', 'status'],
      ['source=cost&location_id=-1', 'location_id'],
      ['source=cost&top=3', 'top'],
    ] as const) {
      const res = await data(query);
      expect(res.statusCode, query).toBe(400);
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        res.body,
      ).toContain(field);
    }
    const inside = await makeLocation(t, { type: 'site' });
    const outside = await makeLocation(t, { type: 'site' });
    const scoped = await makeUser(t, 'auditor', { location_scope_id: inside.id });
    expect((await data(`source=cost&location_id=${outside.id}`, scoped.as)).statusCode).toBe(404);
    expect((await data(`source=cost&location_id=${inside.id}`, scoped.as)).statusCode).toBe(200);
  });

  it('lists the sources with the visualisations each allows', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/dashboards/sources' });
    expect(res.statusCode).toBe(200);
    const listed = res.json().data as { name: string; visualisations: string[] }[];
    expect(listed.map((s) => s.name)).toEqual(sourceNames);
    expect(listed.find((s) => s.name === 'assets_total')?.visualisations).toEqual(['kpi']);
    expect(listed.find((s) => s.name === 'value_over_time')?.visualisations).toEqual([
      'bar',
      'line',
      'table',
    ]);
  });
});
