// The category hierarchy over HTTP: paths, counts, subtrees, moves, cycles and missing parents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';
import { inventoryItems } from '../../db/schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function create(body: Record<string, unknown>) {
  const res = await t.request({ method: 'POST', url: '/api/v1/categories', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; version: number }>();
}

const get = async (id: number) =>
  (await t.request({ method: 'GET', url: `/api/v1/categories/${id}` })).json();

let skuCounter = 0;
/** Items have no API yet in this module's reach; they go straight into the table. */
async function insertItem(categoryId: number) {
  await t.database.db
    .insert(inventoryItems)
    .values({ sku: `HIER-SKU-${++skuCounter}`, name: 'Thing', category_id: categoryId });
}

describe('category hierarchy', () => {
  it('gives the ancestors path, the counts and the whole subtree', async () => {
    const itDept = await create({ name: 'IT' });
    const hardware = await create({ name: 'Hardware', parent_category_id: itDept.id });
    const laptops = await create({ name: 'Notebooks', parent_category_id: hardware.id });
    const phones = await create({ name: 'Phones', parent_category_id: hardware.id });
    await insertItem(laptops.id);
    await insertItem(laptops.id);
    await insertItem(hardware.id);

    const detail = await get(laptops.id);
    expect(detail.path).toEqual([
      { id: itDept.id, name: 'IT' },
      { id: hardware.id, name: 'Hardware' },
    ]);
    expect(detail.item_count).toBe(2);
    expect(await get(hardware.id)).toMatchObject({ item_count: 1, children_count: 2 });

    const subtree = (
      await t.request({ method: 'GET', url: `/api/v1/categories/${itDept.id}/subtree` })
    ).json();
    expect(
      subtree.data.map((n: { name: string; depth: number; item_count: number }) => [
        n.name,
        n.depth,
        n.item_count,
      ]),
    ).toEqual([
      ['IT', 0, 0],
      ['Hardware', 1, 1],
      ['Notebooks', 2, 2],
      ['Phones', 2, 0],
    ]);

    const children = (
      await t.request({ method: 'GET', url: `/api/v1/categories?parent_category_id=${hardware.id}` })
    ).json();
    expect(children.data.map((n: { id: number }) => n.id)).toEqual([laptops.id, phones.id]);
    const roots = (
      await t.request({ method: 'GET', url: '/api/v1/categories?parent_category_id=root&q=it' })
    ).json();
    expect(roots.data.map((n: { name: string }) => n.name)).toContain('IT');
    expect(
      roots.data.every((n: { parent_category_id: number | null }) => n.parent_category_id === null),
    ).toBe(true);
  });

  it('refuses a move that would make a cycle, naming the field, and changes nothing', async () => {
    const a = await create({ name: 'Cycle A' });
    const b = await create({ name: 'Cycle B', parent_category_id: a.id });
    const c = await create({ name: 'Cycle C', parent_category_id: b.id });
    for (const parent of [c.id, b.id, a.id]) {
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/categories/${a.id}`,
        payload: { parent_category_id: parent, name: 'Renamed' },
      });
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].field).toBe('parent_category_id');
    }
    expect(await get(a.id)).toMatchObject({ name: 'Cycle A', parent_category_id: null, version: 1 });
  });

  it('moves a category under another and back to the root', async () => {
    const a = await create({ name: 'Move A' });
    const b = await create({ name: 'Move B' });
    const moved = await t.request({
      method: 'PATCH',
      url: `/api/v1/categories/${b.id}`,
      payload: { parent_category_id: a.id },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path).toEqual([{ id: a.id, name: 'Move A' }]);
    const back = await t.request({
      method: 'PATCH',
      url: `/api/v1/categories/${b.id}`,
      payload: { parent_category_id: null },
    });
    expect(back.json()).toMatchObject({ parent_category_id: null, path: [], version: 3 });
  });

  it.runIf(onPostgres)('lets only one of two crossing moves released together succeed', async () => {
    const a = await create({ name: 'Race A' });
    const b = await create({ name: 'Race B' });
    const [one, two] = await Promise.all([
      t.request({
        method: 'PATCH',
        url: `/api/v1/categories/${a.id}`,
        payload: { parent_category_id: b.id },
      }),
      t.request({
        method: 'PATCH',
        url: `/api/v1/categories/${b.id}`,
        payload: { parent_category_id: a.id },
      }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 422]);
  });

  it('refuses a parent that does not exist, on create and on move', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/categories',
      payload: { name: 'Orphan', parent_category_id: 999999 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('parent_category_id');
    const cat = await create({ name: 'Stays' });
    const move = await t.request({
      method: 'PATCH',
      url: `/api/v1/categories/${cat.id}`,
      payload: { parent_category_id: 999999 },
    });
    expect(move.statusCode).toBe(422);
    expect(move.json().errors[0].field).toBe('parent_category_id');
  });
});
