// Maintenance schedules through the API: create, read, change with If-Match, cancel, delete; bad input named;
// a scoped caller sees only schedules of items in their locations.
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

const schedule = (itemId: number, payload: object) =>
  t.request({ method: 'POST', url: `/api/v1/items/${itemId}/maintenance`, payload });

describe('maintenance schedules', () => {
  it('schedules work on an item with a technician and a duration, and reads it back', async () => {
    const item = await makeItem(t);
    const tech = await makeUser(t, 'technician', { display_name: 'Tess Tech' });
    const res = await schedule(item.id, {
      maintenance_type: 'calibration',
      description: 'Against reference weights',
      scheduled_date: '2030-03-15',
      estimated_duration: 'PT2H30M',
      technician_user_id: tech.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      item_id: item.id,
      item: { id: item.id, sku: item.sku },
      maintenance_type: 'calibration',
      scheduled_date: '2030-03-15',
      next_due_date: '2030-03-15',
      estimated_duration: 'PT2H30M',
      technician_user_id: tech.id,
      technician: 'Tess Tech',
      recurrence: 'none',
      status: 'scheduled',
      overdue: false,
    });
    const id = res.json().id;
    const read = await t.request({ method: 'GET', url: `/api/v1/maintenance/${id}` });
    expect(read.json()).toEqual(res.json());
    const list = await t.request({ method: 'GET', url: `/api/v1/items/${item.id}/maintenance` });
    expect(list.json().data.map((s: { id: number }) => s.id)).toEqual([id]);

    const words = await schedule(item.id, {
      maintenance_type: 'service',
      estimated_duration: '1 hour 30 minutes',
    });
    expect(words.json()).toMatchObject({ estimated_duration: 'PT1H30M', technician: null });
  });

  it('keeps a free-text technician working, as the seed writes it', async () => {
    const item = await makeItem(t);
    const res = await schedule(item.id, {
      maintenance_type: 'service',
      scheduled_date: '2030-01-01',
      technician: 'ACME Lifts Ltd',
      recurrence: 'months',
      recurrence_interval: 6,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      technician: 'ACME Lifts Ltd',
      technician_user_id: null,
      recurrence: 'months',
    });
  });

  it('refuses bad input with a 4xx naming the field, writing nothing', async () => {
    const item = await makeItem(t);
    const cases: [object, number, string][] = [
      [{ maintenance_type: 'x', estimated_duration: 'a while' }, 422, 'estimated_duration'],
      [{ maintenance_type: 'x', estimated_duration: '-2 hours' }, 422, 'estimated_duration'],
      [{ maintenance_type: 'x', recurrence: 'days' }, 422, 'recurrence_interval'],
      [{ maintenance_type: 'x', recurrence_interval: 3 }, 422, 'recurrence_interval'],
      [{ maintenance_type: 'x', recurrence: 'usage', recurrence_interval: 250 }, 422, 'usage_unit'],
      [{ maintenance_type: 'x', usage_unit: 'km' }, 422, 'usage_unit'],
      [{ maintenance_type: 'x', technician_user_id: 99_999_999 }, 422, 'technician_user_id'],
      [{ maintenance_type: 'x', scheduled_date: '2030-02-30' }, 400, 'scheduled_date'],
      [{ maintenance_type: 'x', recurrence: 'weekly' }, 400, 'recurrence'],
      [{ maintenance_type: 'x', when: 'soon' }, 400, 'when'],
      [{}, 400, 'maintenance_type'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await schedule(item.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].field, JSON.stringify(payload)).toBe(field);
    }
    const list = await t.request({ method: 'GET', url: `/api/v1/items/${item.id}/maintenance` });
    expect(list.json().data).toEqual([]);
    expect((await schedule(99_999_999, { maintenance_type: 'x' })).statusCode).toBe(404);
  });

  it('changes a schedule only at the version the caller saw, and cancels it', async () => {
    const item = await makeItem(t);
    const created = (
      await schedule(item.id, { maintenance_type: 'inspection', scheduled_date: '2030-01-31' })
    ).json();
    const url = `/api/v1/maintenance/${created.id}`;
    const changed = await t.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { recurrence: 'months', recurrence_interval: 1, estimated_duration: '45 minutes' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ recurrence: 'months', estimated_duration: 'PT45M', version: 2 });
    expect(changed.headers.etag).toBe('"2"');

    const stale = await t.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { technician: 'Bo' },
    });
    expect(stale.statusCode).toBe(412);
    const badDuration = await t.request({ method: 'PATCH', url, payload: { estimated_duration: 'PT' } });
    expect(badDuration.statusCode).toBe(422);
    expect(badDuration.json().errors[0].field).toBe('estimated_duration');

    const oneOff = await t.request({ method: 'PATCH', url, payload: { recurrence: 'none' } });
    expect(oneOff.json()).toMatchObject({ recurrence: 'none', recurrence_interval: null });
    const cancelled = await t.request({ method: 'PATCH', url, payload: { status: 'cancelled' } });
    expect(cancelled.json().status).toBe('cancelled');
    const started = await t.request({ method: 'POST', url: `${url}/start` });
    expect(started.statusCode).toBe(409);
  });

  it('deletes a schedule at the version seen', async () => {
    const item = await makeItem(t);
    const created = (await schedule(item.id, { maintenance_type: 'inspection' })).json();
    const url = `/api/v1/maintenance/${created.id}`;
    expect((await t.request({ method: 'DELETE', url, headers: { 'if-match': '"7"' } })).statusCode).toBe(412);
    expect((await t.request({ method: 'DELETE', url, headers: { 'if-match': '"1"' } })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('shows a scoped caller only schedules of items in their locations: the rest are not found', async () => {
    const [site, elsewhere] = [
      await makeLocation(t, { type: 'site' }),
      await makeLocation(t, { type: 'site' }),
    ];
    const room = await makeLocation(t, { parent_location_id: site.id });
    const scoped = await makeUser(t, 'technician', { location_scope_id: site.id });
    const inside = await makeItem(t, { location_id: room.id });
    const outside = await makeItem(t, { location_id: elsewhere.id });
    const mine = (await schedule(inside.id, { maintenance_type: 'inspection' })).json();
    const theirs = (await schedule(outside.id, { maintenance_type: 'inspection' })).json();

    expect((await scoped.as({ method: 'GET', url: `/api/v1/maintenance/${mine.id}` })).statusCode).toBe(200);
    for (const [method, url, payload] of [
      ['GET', `/api/v1/maintenance/${theirs.id}`, undefined],
      ['PATCH', `/api/v1/maintenance/${theirs.id}`, { technician: 'me' }],
      ['DELETE', `/api/v1/maintenance/${theirs.id}`, undefined],
      ['POST', `/api/v1/maintenance/${theirs.id}/start`, undefined],
      ['GET', `/api/v1/items/${outside.id}/maintenance`, undefined],
      ['POST', `/api/v1/items/${outside.id}/maintenance`, { maintenance_type: 'x' }],
    ] as const) {
      const res = await scoped.as({ method, url, ...(payload && { payload }) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const auditor = await makeUser(t, 'auditor');
    expect((await auditor.as({ method: 'GET', url: `/api/v1/maintenance/${theirs.id}` })).statusCode).toBe(
      200,
    );
    const refused = await auditor.as({ method: 'POST', url: `/api/v1/maintenance/${theirs.id}/start` });
    expect(refused.statusCode).toBe(403);
  });
});
