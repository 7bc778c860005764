// Tags over HTTP: usage counts, rename and delete rewriting every item with history, and ensureTags.
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminEmail, createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';
import { assetHistory, inventoryItems, tags } from '../../db/schema.ts';
import { ensureTags } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function create(body: Record<string, unknown>) {
  const res = await t.request({ method: 'POST', url: '/api/v1/tags', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; name: string; version: number }>();
}

let skuCounter = 0;
/** Items have no API in this module's reach; they go straight into the table, tags registered as items would. */
async function insertItem(itemTags: string[]) {
  await ensureTags(t.database.db, itemTags);
  const [row] = await t.database.db
    .insert(inventoryItems)
    .values({ sku: `TAG-SKU-${++skuCounter}`, name: 'Thing', tags: itemTags })
    .returning({ id: inventoryItems.id, version: inventoryItems.version });
  return row!;
}

async function itemTags(id: number) {
  const [row] = await t.database.db
    .select({ tags: inventoryItems.tags, version: inventoryItems.version })
    .from(inventoryItems)
    .where(eq(inventoryItems.id, id));
  return row!;
}

const historyOf = (ids: number[]) =>
  t.database.db
    .select()
    .from(assetHistory)
    .where(inArray(assetHistory.item_id, ids))
    .orderBy(asc(assetHistory.item_id));

const tagNamed = async (name: string) =>
  (await t.database.db.select().from(tags).where(eq(tags.name, name)))[0];

describe('tags', () => {
  it('creates a tag, normalising name and colour, and lists it with its usage', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/tags',
      payload: { name: '  Fragile ', color: '#FF00aa', description: 'Handle with care' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ name: 'fragile', color: '#ff00aa', item_count: 0, version: 1 });
    await insertItem(['fragile', 'heavy']);
    await insertItem(['fragile']);
    const list = (await t.request({ method: 'GET', url: '/api/v1/tags?q=fra' })).json();
    expect(list.data).toEqual([expect.objectContaining({ name: 'fragile', item_count: 2 })]);
    const one = await t.request({ method: 'GET', url: `/api/v1/tags/${res.json().id}` });
    expect(one.json()).toMatchObject({ name: 'fragile', item_count: 2, description: 'Handle with care' });
  });

  it('answers 409 naming name to a duplicate, whatever its case', async () => {
    await create({ name: 'unique-one' });
    const dup = await t.request({ method: 'POST', url: '/api/v1/tags', payload: { name: 'UNIQUE-ONE' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('name');
  });

  it.each([
    [{}, 'name'],
    [{ name: '' }, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 'x'.repeat(51) }, 'name'],
    [{ name: '-leading-dash' }, 'name'],
    [{ name: 'semi;colon' }, 'name'],
    [{ name: 12 }, 'name'],
    [{ name: 'ok', color: 'red' }, 'color'],
    [{ name: 'ok', color: '#abc' }, 'color'],
    [{ name: 'ok', color: '#gggggg' }, 'color'],
    [{ name: 'ok', description: 'd'.repeat(1001) }, 'description'],
    [{ name: 'ok', items: [1] }, 'items'],
  ])('refuses bad input %j naming %s', async (payload, field) => {
    const res = await t.request({ method: 'POST', url: '/api/v1/tags', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('renames a tag on every item carrying it, with one history row per item', async () => {
    const tag = await create({ name: 'loaner' });
    const a = await insertItem(['loaner', 'laptop']);
    const b = await insertItem(['spare', 'loaner']);
    const both = await insertItem(['loaner', 'pool']);
    const untouched = await insertItem(['laptop']);

    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/tags/${tag.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Pool', color: '#00ff00' },
    });
    // "pool" already exists (item `both` created it), so the rename is a clash.
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('name');
    expect((await itemTags(a.id)).tags).toEqual(['loaner', 'laptop']);
    expect(await historyOf([a.id, b.id, both.id])).toEqual([]);

    const renamed = await t.request({
      method: 'PATCH',
      url: `/api/v1/tags/${tag.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Shared Loaner' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.headers.etag).toBe('"2"');
    expect(renamed.json()).toMatchObject({ name: 'shared loaner', item_count: 3 });
    expect(await itemTags(a.id)).toEqual({ tags: ['shared loaner', 'laptop'], version: 2 });
    expect((await itemTags(b.id)).tags).toEqual(['spare', 'shared loaner']);
    expect(await itemTags(untouched.id)).toEqual({ tags: ['laptop'], version: 1 });
    expect(await tagNamed('loaner')).toBeUndefined();

    const history = await historyOf([a.id, b.id, both.id, untouched.id]);
    expect(history).toHaveLength(3);
    expect(history[0]).toMatchObject({
      item_id: a.id,
      action: 'tag_renamed',
      performed_by: adminEmail,
      additional_data: {
        changes: { tags: { before: ['loaner', 'laptop'], after: ['shared loaner', 'laptop'] } },
      },
    });
  });

  it('renames onto nothing when an item already carries both names: the old one just goes', async () => {
    const old = await create({ name: 'old-name' });
    const item = await insertItem(['old-name']);
    // An item carrying a name no tag row holds (data from before the tags table), so the rename is allowed.
    await t.database.db
      .update(inventoryItems)
      .set({ tags: ['old-name', 'new-name'] })
      .where(eq(inventoryItems.id, item.id));
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/tags/${old.id}`,
      payload: { name: 'new-name' },
    });
    expect(res.statusCode).toBe(200);
    expect((await itemTags(item.id)).tags).toEqual(['new-name']);
  });

  it('recolours without touching items, and answers 412 to a stale version', async () => {
    const tag = await create({ name: 'recolour-me', color: '#000000' });
    const item = await insertItem(['recolour-me']);
    const ok = await t.request({
      method: 'PATCH',
      url: `/api/v1/tags/${tag.id}`,
      headers: { 'if-match': '"1"' },
      payload: { color: '#123456', description: null },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'recolour-me', color: '#123456', version: 2 });
    expect(await itemTags(item.id)).toEqual({ tags: ['recolour-me'], version: 1 });
    expect(await historyOf([item.id])).toEqual([]);

    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/tags/${tag.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'too-late' },
    });
    expect(stale.statusCode).toBe(412);
    expect((await itemTags(item.id)).tags).toEqual(['recolour-me']);
    const bad = await t.request({
      method: 'PATCH',
      url: `/api/v1/tags/${tag.id}`,
      payload: { color: 'blue' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('color');
    expect((await t.request({ method: 'GET', url: `/api/v1/tags/${tag.id}` })).json().color).toBe('#123456');
  });

  it('deletes a tag from every item carrying it, with one history row per item', async () => {
    const tag = await create({ name: 'obsolete' });
    const a = await insertItem(['obsolete', 'keep']);
    const b = await insertItem(['obsolete']);
    const stale = await t.request({
      method: 'DELETE',
      url: `/api/v1/tags/${tag.id}`,
      headers: { 'if-match': '"3"' },
    });
    expect(stale.statusCode).toBe(412);
    expect((await itemTags(a.id)).tags).toEqual(['obsolete', 'keep']);

    expect((await t.request({ method: 'DELETE', url: `/api/v1/tags/${tag.id}` })).statusCode).toBe(204);
    expect(await itemTags(a.id)).toEqual({ tags: ['keep'], version: 2 });
    expect((await itemTags(b.id)).tags).toEqual([]);
    expect(await tagNamed('obsolete')).toBeUndefined();
    const history = await historyOf([a.id, b.id]);
    expect(history.map((h) => [h.item_id, h.action, h.additional_data])).toEqual([
      [a.id, 'tag_removed', { changes: { tags: { before: ['obsolete', 'keep'], after: ['keep'] } } }],
      [b.id, 'tag_removed', { changes: { tags: { before: ['obsolete'], after: [] } } }],
    ]);
    expect((await t.request({ method: 'GET', url: `/api/v1/tags/${tag.id}` })).statusCode).toBe(404);
  });

  it('answers 404 to unknown ids and 400 to malformed ones', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/tags/999999' })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: '/api/v1/tags/999999' })).statusCode).toBe(404);
    const patch = await t.request({ method: 'PATCH', url: '/api/v1/tags/999999', payload: { name: 'x' } });
    expect(patch.statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: '/api/v1/tags/x', payload: {} })).statusCode).toBe(400);
  });

  it('lists by name with a prefix filter, paging with a cursor', async () => {
    for (const name of ['zz-c', 'zz-a', 'zz-e', 'zz-b', 'zz-d']) await create({ name });
    await create({ name: 'zzz-other' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/tags?q=ZZ-&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { data: { name: string }[]; next_cursor: string | null } = (
        await t.request({ method: 'GET', url })
      ).json();
      seen.push(...page.data.map((tag) => tag.name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['zz-a', 'zz-b', 'zz-c', 'zz-d', 'zz-e']);
    // The prefix is literal text: `_` and `%` match only themselves.
    expect((await t.request({ method: 'GET', url: '/api/v1/tags?q=zz_' })).json().data).toEqual([]);
    for (const query of ['cursor=garbage', 'limit=501', 'sort=name']) {
      expect((await t.request({ method: 'GET', url: `/api/v1/tags?${query}` })).statusCode, query).toBe(400);
    }
  });

  it('ensureTags adds only the missing names and tolerates repeats', async () => {
    await create({ name: 'existing', color: '#111111' });
    await t.database.db.transaction(async (tx) => {
      await ensureTags(tx, ['existing', 'brand-new', 'brand-new']);
      await ensureTags(tx, []);
    });
    expect(await tagNamed('existing')).toMatchObject({ color: '#111111', version: 1 });
    expect(await tagNamed('brand-new')).toMatchObject({ color: null });
  });

  it.runIf(onPostgres)(
    'lets only one of two renames onto the same name released together succeed',
    async () => {
      const a = await create({ name: 'race-a' });
      const b = await create({ name: 'race-b' });
      const results = await Promise.all(
        [a, b].map((tag) =>
          t.request({ method: 'PATCH', url: `/api/v1/tags/${tag.id}`, payload: { name: 'race-winner' } }),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)!.json().errors[0].field).toBe('name');
    },
  );

  it.runIf(onPostgres)('never leaves an item carrying a tag deleted while it was being tagged', async () => {
    const tag = await create({ name: 'contested' });
    let tagsLocked!: () => void;
    const locked = new Promise<void>((resolve) => (tagsLocked = resolve));
    const tagging = t.database.db.transaction(async (tx) => {
      await ensureTags(tx, ['contested']);
      tagsLocked();
      // Time for the delete below to start and queue behind this transaction.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [row] = await tx
        .insert(inventoryItems)
        .values({ sku: `TAG-SKU-${++skuCounter}`, name: 'Thing', tags: ['contested'] })
        .returning({ id: inventoryItems.id });
      return row!.id;
    });
    await locked;
    const deleting = t.request({ method: 'DELETE', url: `/api/v1/tags/${tag.id}` });
    const [itemId, deleted] = await Promise.all([tagging, deleting]);
    expect(deleted.statusCode).toBe(204);
    expect((await itemTags(itemId)).tags).toEqual([]);
    expect(await historyOf([itemId])).toEqual([expect.objectContaining({ action: 'tag_removed' })]);
  });
});
