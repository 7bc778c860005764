// Categories over HTTP: create, read, update with If-Match, delete, depreciation rules, bad input, paging.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { categories, inventoryItems } from '../../db/schema.ts';

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
    .values({ sku: `CAT-SKU-${++skuCounter}`, name: 'Thing', category_id: categoryId });
}

describe('categories', () => {
  it('creates a category with depreciation settings as decimal strings and reads it back with its ETag', async () => {
    const laptops = await create({
      name: 'Laptops',
      description: 'Portable computers',
      depreciation_rate: '0.3333',
      depreciation_method: 'declining_balance',
      useful_life_months: 36,
      salvage_value: '150.5',
    });
    const res = await t.request({ method: 'GET', url: `/api/v1/categories/${laptops.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      name: 'Laptops',
      depreciation_rate: '0.3333',
      depreciation_method: 'declining_balance',
      useful_life_months: 36,
      salvage_value: '150.50',
      recovery_period: null,
      item_count: 0,
      children_count: 0,
      path: [],
      version: 1,
    });
  });

  it('defaults to straight line and keeps the exact rate given', async () => {
    const cat = await create({ name: 'Desks', depreciation_rate: '1' });
    expect(await get(cat.id)).toMatchObject({
      depreciation_method: 'straight_line',
      depreciation_rate: '1.0000',
    });
  });

  it('requires a recovery period with MACRS and refuses one without it', async () => {
    const missing = await t.request({
      method: 'POST',
      url: '/api/v1/categories',
      payload: { name: 'Vehicles', depreciation_method: 'macrs' },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].field).toBe('recovery_period');

    const stray = await t.request({
      method: 'POST',
      url: '/api/v1/categories',
      payload: { name: 'Vehicles', recovery_period: 5 },
    });
    expect(stray.statusCode).toBe(422);
    expect(stray.json().errors[0].field).toBe('recovery_period');

    const vehicles = await create({ name: 'Vehicles', depreciation_method: 'macrs', recovery_period: 5 });
    // Leaving MACRS while the period stays set is refused; clearing it in the same change is accepted.
    const leave = await t.request({
      method: 'PATCH',
      url: `/api/v1/categories/${vehicles.id}`,
      payload: { depreciation_method: 'straight_line' },
    });
    expect(leave.statusCode).toBe(422);
    expect(leave.json().errors[0].field).toBe('recovery_period');
    const clear = await t.request({
      method: 'PATCH',
      url: `/api/v1/categories/${vehicles.id}`,
      payload: { recovery_period: null },
    });
    expect(clear.statusCode).toBe(422);
    const switched = await t.request({
      method: 'PATCH',
      url: `/api/v1/categories/${vehicles.id}`,
      payload: { depreciation_method: 'straight_line', recovery_period: null, useful_life_months: 60 },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({
      depreciation_method: 'straight_line',
      recovery_period: null,
      version: 2,
    });
  });

  it('answers 412 to an update based on a stale version and keeps the newer data', async () => {
    const cat = await create({ name: 'Chairs' });
    const first = await t.request({
      method: 'PATCH',
      url: `/api/v1/categories/${cat.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Office chairs' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/categories/${cat.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Stools' },
    });
    expect(stale.statusCode).toBe(412);
    const staleDelete = await t.request({
      method: 'DELETE',
      url: `/api/v1/categories/${cat.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(staleDelete.statusCode).toBe(412);
    expect(await get(cat.id)).toMatchObject({ name: 'Office chairs', version: 2 });
    const garbled = await t.request({
      method: 'PATCH',
      url: `/api/v1/categories/${cat.id}`,
      headers: { 'if-match': 'two' },
      payload: { name: 'Stools' },
    });
    expect(garbled.statusCode).toBe(400);
  });

  it.each([
    [{}, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 'x'.repeat(201) }, 'name'],
    [{ name: 42 }, 'name'],
    [{ name: 'x', description: 'd'.repeat(5001) }, 'description'],
    [{ name: 'x', depreciation_rate: 0.2 }, 'depreciation_rate'],
    [{ name: 'x', depreciation_rate: '1.5' }, 'depreciation_rate'],
    [{ name: 'x', depreciation_rate: '-0.1' }, 'depreciation_rate'],
    [{ name: 'x', depreciation_rate: '0.12345' }, 'depreciation_rate'],
    [{ name: 'x', depreciation_method: 'linear' }, 'depreciation_method'],
    [{ name: 'x', useful_life_months: 0 }, 'useful_life_months'],
    [{ name: 'x', useful_life_months: 12.5 }, 'useful_life_months'],
    [{ name: 'x', useful_life_months: '12' }, 'useful_life_months'],
    [{ name: 'x', salvage_value: 100 }, 'salvage_value'],
    [{ name: 'x', salvage_value: '-1' }, 'salvage_value'],
    [{ name: 'x', salvage_value: '1.999' }, 'salvage_value'],
    [{ name: 'x', depreciation_method: 'macrs', recovery_period: 4 }, 'recovery_period'],
    [{ name: 'x', parent_category_id: 'abc' }, 'parent_category_id'],
    [{ name: 'x', parent_category_id: -3 }, 'parent_category_id'],
    [{ name: 'x', colour: 'red' }, 'colour'],
  ])('refuses bad input %j naming %s', async (payload, field) => {
    const res = await t.request({ method: 'POST', url: '/api/v1/categories', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses bad updates with 400 and leaves the row alone', async () => {
    const cat = await create({ name: 'Printers' });
    for (const payload of [{ name: '' }, { depreciation_rate: 2 }, { version: 7 }]) {
      const res = await t.request({ method: 'PATCH', url: `/api/v1/categories/${cat.id}`, payload });
      expect(res.statusCode).toBe(400);
    }
    expect(await get(cat.id)).toMatchObject({ name: 'Printers', version: 1 });
  });

  it('answers 404 to unknown ids and 400 to malformed ones', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/categories/424242'],
      ['GET', '/api/v1/categories/424242/subtree'],
      ['DELETE', '/api/v1/categories/424242'],
    ] as const) {
      expect((await t.request({ method, url })).statusCode).toBe(404);
    }
    const patch = await t.request({
      method: 'PATCH',
      url: '/api/v1/categories/424242',
      payload: { name: 'x' },
    });
    expect(patch.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/categories/abc' })).statusCode).toBe(400);
  });

  it('refuses to delete a category with items or sub-categories, then deletes it once empty', async () => {
    const parent = await create({ name: 'Furniture' });
    const child = await create({ name: 'Tables', parent_category_id: parent.id });
    const refused = await t.request({ method: 'DELETE', url: `/api/v1/categories/${parent.id}` });
    expect(refused.statusCode).toBe(409);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/categories/${child.id}` })).statusCode).toBe(
      204,
    );

    await insertItem(parent.id);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/categories/${parent.id}` })).statusCode).toBe(
      409,
    );
    expect(await get(parent.id)).toMatchObject({ name: 'Furniture', item_count: 1 });

    await t.database.db.delete(inventoryItems).where(eq(inventoryItems.category_id, parent.id));
    expect((await t.request({ method: 'DELETE', url: `/api/v1/categories/${parent.id}` })).statusCode).toBe(
      204,
    );
    expect((await t.request({ method: 'GET', url: `/api/v1/categories/${parent.id}` })).statusCode).toBe(404);
    expect(await t.database.db.select().from(categories).where(eq(categories.id, parent.id))).toEqual([]);
  });

  it('pages through a listing with a cursor, without repeats or gaps', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `Paged-${String(i).padStart(2, '0')}`);
    for (const name of names) await create({ name, useful_life_months: 12 + (suffix(name) % 3) });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/categories?q=paged-&sort=-useful_life_months,name&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { data: { name: string }[]; next_cursor: string | null } = (
        await t.request({ method: 'GET', url })
      ).json();
      seen.push(...page.data.map((c) => c.name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([
      'Paged-02',
      'Paged-05',
      'Paged-01',
      'Paged-04',
      'Paged-00',
      'Paged-03',
      'Paged-06',
    ]);

    const bad = await t.request({ method: 'GET', url: '/api/v1/categories?cursor=garbage' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('cursor');
    const badSort = await t.request({ method: 'GET', url: '/api/v1/categories?sort=colour' });
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().errors[0].field).toBe('sort');
    const badParent = await t.request({ method: 'GET', url: '/api/v1/categories?parent_category_id=top' });
    expect(badParent.statusCode).toBe(400);
  });
});

/** The number at the end of a paged name, so each gets a useful life that makes the sort interesting. */
function suffix(name: string): number {
  return Number(name.slice(-2));
}
