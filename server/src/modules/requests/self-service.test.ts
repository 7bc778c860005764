// Employee self-service: what is assigned to me, acknowledging it, and asking for equipment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeItem, makeUser } from '../../../test/factories.ts';
import { createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let manager: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  t = await createTestApp();
  manager = await makeUser(t, 'asset_manager');
});
afterAll(async () => {
  await t?.close();
});

const checkout = (itemId: number, payload: object) =>
  t.request({ method: 'POST', url: `/api/v1/items/${itemId}/checkout`, payload });
const decide = (id: number, verb: 'approve' | 'decline', payload: object) =>
  manager.as({ method: 'POST', url: `/api/v1/requests/${id}/${verb}`, payload });

describe('what is assigned to me', () => {
  it('shows an employee their own assignments and nothing of the catalogue', async () => {
    const [me, colleague] = [await makeUser(t, 'employee'), await makeUser(t, 'employee')];
    const [mine, theirs] = [await makeItem(t, { name: 'My laptop' }), await makeItem(t)];
    await checkout(mine.id, { assignee_user_id: me.id });
    await checkout(theirs.id, { assignee_user_id: colleague.id });

    const listed = await me.as({ method: 'GET', url: '/api/v1/me/assignments' });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().data).toHaveLength(1);
    expect(listed.json().data[0]).toMatchObject({
      item: { id: mine.id, name: 'My laptop' },
      accepted_at: null,
    });

    for (const url of ['/api/v1/items', `/api/v1/items/${mine.id}`, `/api/v1/users/${me.id}/assignments`]) {
      expect((await me.as({ method: 'GET', url })).statusCode, url).toBe(403);
    }
  });

  it('lets the assignee acknowledge receipt, once, and nobody else', async () => {
    const [me, colleague] = [await makeUser(t, 'employee'), await makeUser(t, 'employee')];
    const item = await makeItem(t);
    const assignment = (await checkout(item.id, { assignee_user_id: me.id })).json();
    const accept = (who: typeof me) =>
      who.as({ method: 'POST', url: `/api/v1/me/assignments/${assignment.id}/accept` });

    expect((await accept(colleague)).statusCode).toBe(404);
    const accepted = await accept(me);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const at = accepted.json().accepted_at;
    expect(at).not.toBeNull();
    expect((await accept(me)).json().accepted_at).toBe(at);

    const history = (await t.request({ method: 'GET', url: `/api/v1/items/${item.id}/history` })).json();
    expect(history.data.filter((h: { action: string }) => h.action === 'assignment_accepted')).toHaveLength(
      1,
    );
  });

  it('keeps returned things out of the default list but shows them on request', async () => {
    const me = await makeUser(t, 'employee');
    const item = await makeItem(t);
    await checkout(item.id, { assignee_user_id: me.id });
    await t.request({
      method: 'POST',
      url: `/api/v1/items/${item.id}/checkin`,
      payload: { condition: 'good' },
    });
    expect((await me.as({ method: 'GET', url: '/api/v1/me/assignments' })).json().data).toEqual([]);
    const all = await me.as({ method: 'GET', url: '/api/v1/me/assignments?state=all' });
    expect(all.json().data.map((a: { item_id: number }) => a.item_id)).toEqual([item.id]);
  });
});

describe('requests', () => {
  it('approves a category request with an item of a subcategory, checking it out to the requester', async () => {
    const me = await makeUser(t, 'employee');
    const laptops = await makeCategory(t, { name: 'Laptops' });
    const ultrabooks = await makeCategory(t, { parent_category_id: laptops.id });
    const phones = await makeCategory(t);
    const [laptop, phone] = [
      await makeItem(t, { category_id: ultrabooks.id }),
      await makeItem(t, { category_id: phones.id }),
    ];

    const asked = await me.as({
      method: 'POST',
      url: '/api/v1/requests',
      payload: { category_id: laptops.id, note: 'New starter', needed_until: '2099-01-01T00:00:00Z' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json();
    expect(request).toMatchObject({ status: 'pending', requester: { id: me.id } });

    const wrong = await decide(request.id, 'approve', { item_id: phone.id });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('item_id');
    expect((await decide(request.id, 'approve', {})).statusCode).toBe(422);

    const approved = await decide(request.id, 'approve', { item_id: laptop.id });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approved_item_id: laptop.id });
    const again = await decide(request.id, 'approve', { item_id: laptop.id });
    expect(again.statusCode).toBe(409);
    expect((await decide(request.id, 'decline', { reason: 'changed my mind' })).statusCode).toBe(409);

    const mine = (await me.as({ method: 'GET', url: '/api/v1/me/assignments' })).json().data;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ item_id: laptop.id, expected_checkin: '2099-01-01T00:00:00.000Z' });
    const item = (await t.request({ method: 'GET', url: `/api/v1/items/${laptop.id}` })).json();
    expect(item).toMatchObject({ status: 'deployed', assigned_to: me.email });
  });

  it('declines with a reason the requester sees, and shows each requester only their own', async () => {
    const [me, colleague] = [await makeUser(t, 'employee'), await makeUser(t, 'employee')];
    const item = await makeItem(t);
    const mine = (
      await me.as({
        method: 'POST',
        url: '/api/v1/requests',
        payload: { item_id: item.id, note: 'Projector' },
      })
    ).json();
    await colleague.as({
      method: 'POST',
      url: '/api/v1/requests',
      payload: { item_id: item.id, note: 'Me too' },
    });

    const declined = await decide(mine.id, 'decline', { reason: 'Booked all month' });
    expect(declined.statusCode, declined.body).toBe(200);
    const listed = (await me.as({ method: 'GET', url: '/api/v1/me/requests' })).json().data;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: mine.id, status: 'declined', decline_reason: 'Booked all month' });

    const queue = (await manager.as({ method: 'GET', url: '/api/v1/requests?status=pending' })).json().data;
    expect(queue.map((r: { requester_user_id: number }) => r.requester_user_id)).toContain(colleague.id);
    expect(queue.map((r: { id: number }) => r.id)).not.toContain(mine.id);
    expect((await me.as({ method: 'GET', url: '/api/v1/requests' })).statusCode).toBe(403);
    expect(
      (await me.as({ method: 'POST', url: `/api/v1/requests/${mine.id}/approve`, payload: {} })).statusCode,
    ).toBe(403);
  });

  it('approves a request for a particular item only with that item, and only while it is free', async () => {
    const [me, other] = [await makeUser(t, 'employee'), await makeUser(t, 'employee')];
    const [wanted, substitute] = [await makeItem(t), await makeItem(t)];
    const request = (
      await me.as({
        method: 'POST',
        url: '/api/v1/requests',
        payload: { item_id: wanted.id, note: 'Camera' },
      })
    ).json();
    expect((await decide(request.id, 'approve', { item_id: substitute.id })).statusCode).toBe(422);
    await checkout(wanted.id, { assignee_user_id: other.id });
    const busy = await decide(request.id, 'approve', {});
    expect(busy.statusCode).toBe(409);
    expect(busy.json().detail).toContain(`user ${other.id}`);
    // The refused approval left the request pending.
    const still = (await me.as({ method: 'GET', url: '/api/v1/me/requests' })).json().data[0];
    expect(still).toMatchObject({ status: 'pending', checkout_id: null });
  });

  it('names what was asked for and what was handed out, to a requester who cannot read the catalogue', async () => {
    const me = await makeUser(t, 'employee');
    const cameras = await makeCategory(t, { name: 'Cameras for requests' });
    const camera = await makeItem(t, { sku: `CAM-${me.id}`, name: 'Field camera', category_id: cameras.id });
    const byCategory = (
      await me.as({
        method: 'POST',
        url: '/api/v1/requests',
        payload: { category_id: cameras.id, note: 'x' },
      })
    ).json();
    expect(byCategory).toMatchObject({
      item: null,
      category: { id: cameras.id, name: 'Cameras for requests' },
      approved_item: null,
    });
    await decide(byCategory.id, 'approve', { item_id: camera.id });
    const [listed] = (await me.as({ method: 'GET', url: '/api/v1/me/requests' })).json().data;
    expect(listed).toMatchObject({
      id: byCategory.id,
      approved_item: { id: camera.id, sku: `CAM-${me.id}`, name: 'Field camera' },
    });

    const bySku = await me.as({
      method: 'POST',
      url: '/api/v1/requests',
      payload: { sku: `  CAM-${me.id} `, note: 'the one on the shelf' },
    });
    expect(bySku.statusCode, bySku.body).toBe(201);
    expect(bySku.json()).toMatchObject({
      item_id: camera.id,
      item: { id: camera.id, name: 'Field camera' },
      category: null,
    });
    const unknown = await me.as({
      method: 'POST',
      url: '/api/v1/requests',
      payload: { sku: 'NO-SUCH-SKU', note: 'x' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([{ field: 'sku', message: 'no item has SKU NO-SUCH-SKU' }]);
    const both = await me.as({
      method: 'POST',
      url: '/api/v1/requests',
      payload: { sku: `CAM-${me.id}`, category_id: cameras.id, note: 'x' },
    });
    expect(both.statusCode).toBe(422);
  });

  it('lists the categories one may ask for, and nothing more of them', async () => {
    const me = await makeUser(t, 'employee');
    const parent = await makeCategory(t, { name: 'Requestable parent' });
    const child = await makeCategory(t, { name: 'Requestable child', parent_category_id: parent.id });
    const listed = await me.as({ method: 'GET', url: '/api/v1/requests/categories' });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().data).toContainEqual({
      id: child.id,
      name: 'Requestable child',
      parent_category_id: parent.id,
    });
    expect(Object.keys(listed.json().data[0]).sort()).toEqual(['id', 'name', 'parent_category_id']);
    expect((await me.as({ method: 'GET', url: '/api/v1/categories' })).statusCode).toBe(403);
  });

  it('refuses a request naming neither or both, unknown subjects, or a backwards range', async () => {
    const me = await makeUser(t, 'employee');
    const item = await makeItem(t);
    const category = await makeCategory(t);
    const ask = (payload: object) => me.as({ method: 'POST', url: '/api/v1/requests', payload });
    expect((await ask({ note: 'anything' })).statusCode).toBe(422);
    expect((await ask({ item_id: item.id, category_id: category.id, note: 'x' })).statusCode).toBe(422);
    const unknown = await ask({ category_id: 99_999_999, note: 'x' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe('category_id');
    const backwards = await ask({
      item_id: item.id,
      note: 'x',
      needed_from: '2099-02-01T00:00:00Z',
      needed_until: '2099-01-01T00:00:00Z',
    });
    expect(backwards.json().errors[0].field).toBe('needed_until');
    expect((await ask({ item_id: item.id })).statusCode).toBe(400);
  });
});

describe.runIf(onPostgres)('under real concurrency (PostgreSQL)', () => {
  it('approves a request once when two managers approve it together', async () => {
    const me = await makeUser(t, 'employee');
    const [a, b] = [await makeItem(t), await makeItem(t)];
    const category = await makeCategory(t);
    await t.request({ method: 'PATCH', url: `/api/v1/items/${a.id}`, payload: { category_id: category.id } });
    await t.request({ method: 'PATCH', url: `/api/v1/items/${b.id}`, payload: { category_id: category.id } });
    const request = (
      await me.as({
        method: 'POST',
        url: '/api/v1/requests',
        payload: { category_id: category.id, note: 'x' },
      })
    ).json();
    const results = await Promise.all([
      decide(request.id, 'approve', { item_id: a.id }),
      decide(request.id, 'approve', { item_id: b.id }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await me.as({ method: 'GET', url: '/api/v1/me/assignments' })).json().data).toHaveLength(1);
  });
});
