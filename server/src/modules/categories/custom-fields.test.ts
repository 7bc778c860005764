// Custom field definitions over HTTP, and the effective definitions the items module reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';
import { inventoryItems } from '../../db/schema.ts';
import { categoryExists, effectiveFieldDefinitions } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function makeCategory(name: string, parentId?: number) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/categories',
    payload: { name, parent_category_id: parentId ?? null },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

async function makeField(categoryId: number, body: Record<string, unknown>) {
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/categories/${categoryId}/fields`,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; version: number }>();
}

const fieldsOf = async (categoryId: number, query = '') =>
  (await t.request({ method: 'GET', url: `/api/v1/categories/${categoryId}/fields${query}` })).json().data;

let skuCounter = 0;
/** Items have no API in this module's reach; they go straight into the table. */
async function insertItem(categoryId: number, customFields: Record<string, unknown>) {
  await t.database.db.insert(inventoryItems).values({
    sku: `CF-SKU-${++skuCounter}`,
    name: 'Thing',
    category_id: categoryId,
    custom_fields: customFields,
  });
}

describe('custom field definitions', () => {
  it('defines fields on a category and lists them by name', async () => {
    const cat = await makeCategory('Servers');
    const created = await t.request({
      method: 'POST',
      url: `/api/v1/categories/${cat}/fields`,
      payload: { name: 'ram_gb', label: 'RAM (GB)', field_type: 'integer', required: true },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/v1/categories/${cat}/fields/${created.json().id}`);
    expect(created.json()).toMatchObject({
      category_id: cat,
      name: 'ram_gb',
      label: 'RAM (GB)',
      field_type: 'integer',
      required: true,
      options: null,
      sensitive: false,
    });
    await makeField(cat, {
      name: 'form_factor',
      label: 'Form factor',
      field_type: 'select',
      options: ['1U', '2U'],
    });
    expect((await fieldsOf(cat)).map((f: { name: string }) => f.name)).toEqual(['form_factor', 'ram_gb']);
    const one = await t.request({
      method: 'GET',
      url: `/api/v1/categories/${cat}/fields/${created.json().id}`,
    });
    expect(one.statusCode).toBe(200);
    expect(one.headers.etag).toBe('"1"');
  });

  it('inherits definitions from ancestors, the nearest winning on a name', async () => {
    const root = await makeCategory('Equipment');
    const mid = await makeField(root, { name: 'asset_owner', label: 'Owner', field_type: 'text' });
    await makeField(root, { name: 'colour', label: 'Colour', field_type: 'text' });
    const child = await makeCategory('Monitors', root);
    await makeField(child, {
      name: 'colour',
      label: 'Colour',
      field_type: 'select',
      options: ['black', 'white'],
    });
    const grandchild = await makeCategory('Curved monitors', child);

    const effective = await effectiveFieldDefinitions(t.database.db, grandchild);
    expect(effective).toEqual([
      {
        name: 'asset_owner',
        label: 'Owner',
        field_type: 'text',
        required: false,
        options: null,
        sensitive: false,
      },
      {
        name: 'colour',
        label: 'Colour',
        field_type: 'select',
        required: false,
        options: ['black', 'white'],
        sensitive: false,
      },
    ]);
    expect(await fieldsOf(grandchild)).toEqual([]);
    const inherited = await fieldsOf(grandchild, '?include_inherited=true');
    expect(inherited.map((f: { name: string; category_id: number }) => [f.name, f.category_id])).toEqual([
      ['asset_owner', root],
      ['colour', child],
    ]);
    expect(inherited[0].id).toBe(mid.id);
    expect(await effectiveFieldDefinitions(t.database.db, root)).toHaveLength(2);
    expect(await categoryExists(t.database.db, root)).toBe(true);
    expect(await categoryExists(t.database.db, 987654)).toBe(false);
  });

  it('answers 409 naming name to a duplicate in the same category, but allows it in another', async () => {
    const a = await makeCategory('Dup A');
    const b = await makeCategory('Dup B');
    await makeField(a, { name: 'serial', label: 'Serial', field_type: 'text' });
    const dup = await t.request({
      method: 'POST',
      url: `/api/v1/categories/${a}/fields`,
      payload: { name: 'serial', label: 'Serial again', field_type: 'text' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('name');
    await makeField(b, { name: 'serial', label: 'Serial', field_type: 'text' });
    expect(await fieldsOf(a)).toHaveLength(1);
  });

  it.runIf(onPostgres)('lets only one of two identical definitions released together in', async () => {
    const cat = await makeCategory('Race fields');
    const payload = { name: 'racer', label: 'Racer', field_type: 'text' };
    const results = await Promise.all(
      [1, 2].map(() => t.request({ method: 'POST', url: `/api/v1/categories/${cat}/fields`, payload })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().errors[0].field).toBe('name');
  });

  it.each([
    [{ label: 'x', field_type: 'text' }, 'name'],
    [{ name: 'Bad Name', label: 'x', field_type: 'text' }, 'name'],
    [{ name: '1abc', label: 'x', field_type: 'text' }, 'name'],
    [{ name: 'a'.repeat(65), label: 'x', field_type: 'text' }, 'name'],
    [{ name: 'ok', field_type: 'text' }, 'label'],
    [{ name: 'ok', label: 'x'.repeat(201), field_type: 'text' }, 'label'],
    [{ name: 'ok', label: 'x' }, 'field_type'],
    [{ name: 'ok', label: 'x', field_type: 'json' }, 'field_type'],
    [{ name: 'ok', label: 'x', field_type: 'text', required: 'yes' }, 'required'],
    [{ name: 'ok', label: 'x', field_type: 'select', options: [] }, 'options'],
    [{ name: 'ok', label: 'x', field_type: 'select', options: ['a', 'a'] }, 'options'],
    [{ name: 'ok', label: 'x', field_type: 'select', options: 'a,b' }, 'options'],
    [{ name: 'ok', label: 'x', field_type: 'select', options: ['a', 7] }, 'options.1'],
    [{ name: 'ok', label: 'x', field_type: 'text', sensitive: 1 }, 'sensitive'],
    [{ name: 'ok', label: 'x', field_type: 'text', default: 'y' }, 'default'],
  ])('refuses bad input %j naming %s', async (payload, field) => {
    const cat = await makeCategory('Bad input');
    const res = await t.request({ method: 'POST', url: `/api/v1/categories/${cat}/fields`, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await fieldsOf(cat)).toEqual([]);
  });

  it('requires options for a select field and refuses them on any other type', async () => {
    const cat = await makeCategory('Options');
    for (const payload of [
      { name: 'pick', label: 'Pick', field_type: 'select' },
      { name: 'pick', label: 'Pick', field_type: 'text', options: ['a'] },
    ]) {
      const res = await t.request({ method: 'POST', url: `/api/v1/categories/${cat}/fields`, payload });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].field).toBe('options');
    }
    const field = await makeField(cat, {
      name: 'pick',
      label: 'Pick',
      field_type: 'select',
      options: ['a', 'b'],
    });
    const toText = await t.request({
      method: 'PATCH',
      url: `/api/v1/categories/${cat}/fields/${field.id}`,
      payload: { field_type: 'text' },
    });
    expect(toText.statusCode).toBe(422);
    expect(toText.json().errors[0].field).toBe('options');
    const cleared = await t.request({
      method: 'PATCH',
      url: `/api/v1/categories/${cat}/fields/${field.id}`,
      payload: { field_type: 'text', options: null },
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ field_type: 'text', options: null, version: 2 });
  });

  it('updates a definition with If-Match, answers 412 when stale, and never renames it', async () => {
    const cat = await makeCategory('Updates');
    const field = await makeField(cat, { name: 'warranty_code', label: 'Warranty', field_type: 'text' });
    const url = `/api/v1/categories/${cat}/fields/${field.id}`;
    const ok = await t.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { label: 'Warranty code', required: true, sensitive: true },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ label: 'Warranty code', required: true, sensitive: true });

    const stale = await t.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { label: 'Old' },
    });
    expect(stale.statusCode).toBe(412);
    const rename = await t.request({ method: 'PATCH', url, payload: { name: 'other_name' } });
    expect(rename.statusCode).toBe(422);
    expect(rename.json().errors[0].field).toBe('name');
    const bad = await t.request({ method: 'PATCH', url, payload: { required: 'always' } });
    expect(bad.statusCode).toBe(400);
    expect((await t.request({ method: 'GET', url })).json()).toMatchObject({
      name: 'warranty_code',
      label: 'Warranty code',
      required: true,
      version: 2,
    });
  });

  it('refuses changes that would strand values items already hold', async () => {
    const parent = await makeCategory('Phones');
    const child = await makeCategory('Smartphones', parent);
    const os = await makeField(parent, {
      name: 'os',
      label: 'OS',
      field_type: 'select',
      options: ['android', 'ios', 'other'],
    });
    const url = `/api/v1/categories/${parent}/fields/${os.id}`;
    await insertItem(child, { os: 'ios' });

    const retype = await t.request({ method: 'PATCH', url, payload: { field_type: 'text', options: null } });
    expect(retype.statusCode).toBe(409);
    expect(retype.json().errors[0].field).toBe('field_type');
    const dropUsed = await t.request({ method: 'PATCH', url, payload: { options: ['android', 'other'] } });
    expect(dropUsed.statusCode).toBe(409);
    expect(dropUsed.json().errors[0].field).toBe('options');
    const dropUnused = await t.request({ method: 'PATCH', url, payload: { options: ['ios', 'android'] } });
    expect(dropUnused.statusCode).toBe(200);
    const remove = await t.request({ method: 'DELETE', url });
    expect(remove.statusCode).toBe(409);
    expect((await t.request({ method: 'GET', url })).json()).toMatchObject({ options: ['ios', 'android'] });
  });

  it('deletes a definition no item uses, with If-Match, and 404s afterwards', async () => {
    const cat = await makeCategory('Deletes');
    const field = await makeField(cat, { name: 'notes_extra', label: 'Notes', field_type: 'text' });
    const url = `/api/v1/categories/${cat}/fields/${field.id}`;
    await insertItem(cat, {});
    expect((await t.request({ method: 'DELETE', url, headers: { 'if-match': '"7"' } })).statusCode).toBe(412);
    expect((await t.request({ method: 'DELETE', url, headers: { 'if-match': '"1"' } })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url })).statusCode).toBe(404);
  });

  it('answers 404 for unknown categories and for a field asked for under another category', async () => {
    const a = await makeCategory('Scope A');
    const b = await makeCategory('Scope B');
    const field = await makeField(a, { name: 'scoped', label: 'Scoped', field_type: 'boolean' });
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/categories/${b}/fields/${field.id}` })).statusCode,
    ).toBe(404);
    const crossPatch = await t.request({
      method: 'PATCH',
      url: `/api/v1/categories/${b}/fields/${field.id}`,
      payload: { label: 'Hijacked' },
    });
    expect(crossPatch.statusCode).toBe(404);
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/categories/${b}/fields/${field.id}` })).statusCode,
    ).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/categories/999999/fields' })).statusCode).toBe(
      404,
    );
    const orphan = await t.request({
      method: 'POST',
      url: '/api/v1/categories/999999/fields',
      payload: { name: 'x', label: 'X', field_type: 'text' },
    });
    expect(orphan.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/categories/${a}/fields/abc` })).statusCode).toBe(
      400,
    );
    expect((await fieldsOf(a))[0].label).toBe('Scoped');
  });

  it('deletes the definitions along with their category', async () => {
    const cat = await makeCategory('Short-lived');
    await makeField(cat, { name: 'temp', label: 'Temp', field_type: 'date' });
    expect((await t.request({ method: 'DELETE', url: `/api/v1/categories/${cat}` })).statusCode).toBe(204);
    expect(await effectiveFieldDefinitions(t.database.db, cat)).toEqual([]);
  });
});
