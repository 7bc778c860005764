// Suppliers over HTTP: CRUD, case-insensitive unique names, validation of contact details, filters and paging.
import { eq } from 'drizzle-orm';
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
  const res = await t.request({ method: 'POST', url: '/api/v1/suppliers', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; version: number }>();
}

const get = async (id: number) => (await t.request({ method: 'GET', url: `/api/v1/suppliers/${id}` })).json();

let skuCounter = 0;
/** Items have no API in this module's reach; they go straight into the table. */
async function insertItem(supplierId: number) {
  await t.database.db
    .insert(inventoryItems)
    .values({ sku: `SUP-SKU-${++skuCounter}`, name: 'Thing', supplier_id: supplierId });
}

describe('suppliers', () => {
  it('creates a supplier, normalising the email, and reads it back with its ETag', async () => {
    const acme = await create({
      name: 'Acme Corp',
      contact_name: 'Wile E.',
      email: '  Sales@ACME.example ',
      phone: '+44 (20) 7946-0958',
      website: 'https://acme.example/shop',
      address: '1 Desert Road',
      notes: 'Net 30',
      is_preferred: true,
    });
    const res = await t.request({ method: 'GET', url: `/api/v1/suppliers/${acme.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      name: 'Acme Corp',
      email: 'sales@acme.example',
      phone: '+44 (20) 7946-0958',
      website: 'https://acme.example/shop',
      is_preferred: true,
      item_count: 0,
      version: 1,
    });
  });

  it('counts the items bought from a supplier', async () => {
    const supplier = await create({ name: 'Counted Ltd' });
    await insertItem(supplier.id);
    await insertItem(supplier.id);
    expect((await get(supplier.id)).item_count).toBe(2);
    const listed = (await t.request({ method: 'GET', url: '/api/v1/suppliers?q=counted' })).json();
    expect(listed.data).toEqual([expect.objectContaining({ name: 'Counted Ltd', item_count: 2 })]);
  });

  it('answers 409 naming name to a duplicate name in any case, on create and on rename', async () => {
    const first = await create({ name: 'Globex' });
    const dup = await t.request({ method: 'POST', url: '/api/v1/suppliers', payload: { name: ' GLOBEX ' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('name');

    const other = await create({ name: 'Initech' });
    const rename = await t.request({
      method: 'PATCH',
      url: `/api/v1/suppliers/${other.id}`,
      payload: { name: 'globex' },
    });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().errors[0].field).toBe('name');
    expect(await get(other.id)).toMatchObject({ name: 'Initech', version: 1 });

    // Changing only the case of one's own name is not a clash.
    const recase = await t.request({
      method: 'PATCH',
      url: `/api/v1/suppliers/${first.id}`,
      payload: { name: 'GLOBEX' },
    });
    expect(recase.statusCode).toBe(200);
    expect(recase.json().name).toBe('GLOBEX');
  });

  it.runIf(onPostgres)('lets only one of two same-name creates released together in', async () => {
    const results = await Promise.all(
      ['Racing Supplies', 'racing supplies'].map((name) =>
        t.request({ method: 'POST', url: '/api/v1/suppliers', payload: { name } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().errors[0].field).toBe('name');
  });

  it('answers 412 to an update based on a stale version and keeps the newer data', async () => {
    const supplier = await create({ name: 'Umbrella' });
    const first = await t.request({
      method: 'PATCH',
      url: `/api/v1/suppliers/${supplier.id}`,
      headers: { 'if-match': '"1"' },
      payload: { is_preferred: true, email: 'Orders@Umbrella.example' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    expect(first.json()).toMatchObject({ is_preferred: true, email: 'orders@umbrella.example' });
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/suppliers/${supplier.id}`,
      headers: { 'if-match': '"1"' },
      payload: { is_preferred: false },
    });
    expect(stale.statusCode).toBe(412);
    expect(await get(supplier.id)).toMatchObject({ is_preferred: true, version: 2 });
  });

  it('clears optional fields with null', async () => {
    const supplier = await create({ name: 'Clearable', phone: '555 0100 22', website: 'http://c.example' });
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/suppliers/${supplier.id}`,
      payload: { phone: null, website: null },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: null, website: null });
  });

  it.each([
    [{}, 'name'],
    [{ name: '' }, 'name'],
    [{ name: 'x'.repeat(201) }, 'name'],
    [{ name: 7 }, 'name'],
    [{ name: 'x', contact_name: 'c'.repeat(201) }, 'contact_name'],
    [{ name: 'x', email: 'not-an-email' }, 'email'],
    [{ name: 'x', email: 'a@b' }, 'email'],
    [{ name: 'x', email: `${'a'.repeat(250)}@b.example` }, 'email'],
    [{ name: 'x', phone: '12345' }, 'phone'],
    [{ name: 'x', phone: '1'.repeat(21) }, 'phone'],
    [{ name: 'x', phone: '+1 555 CALL NOW' }, 'phone'],
    [{ name: 'x', phone: 5550100 }, 'phone'],
    [{ name: 'x', website: 'acme.example' }, 'website'],
    [{ name: 'x', website: 'ftp://acme.example' }, 'website'],
    [{ name: 'x', website: `https://a.example/${'p'.repeat(500)}` }, 'website'],
    [{ name: 'x', address: 'a'.repeat(1001) }, 'address'],
    [{ name: 'x', notes: 'n'.repeat(5001) }, 'notes'],
    [{ name: 'x', is_preferred: 'yes' }, 'is_preferred'],
    [{ name: 'x', rating: 5 }, 'rating'],
  ])('refuses bad input %j naming %s', async (payload, field) => {
    const res = await t.request({ method: 'POST', url: '/api/v1/suppliers', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses bad updates with 400 and leaves the row alone', async () => {
    const supplier = await create({ name: 'Steady' });
    for (const payload of [{ email: 'nope' }, { name: null }, { id: 5 }]) {
      const res = await t.request({ method: 'PATCH', url: `/api/v1/suppliers/${supplier.id}`, payload });
      expect(res.statusCode).toBe(400);
    }
    expect(await get(supplier.id)).toMatchObject({ name: 'Steady', email: null, version: 1 });
  });

  it('answers 404 to unknown ids and 400 to malformed ones', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/suppliers/424242' })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: '/api/v1/suppliers/424242' })).statusCode).toBe(404);
    const patch = await t.request({
      method: 'PATCH',
      url: '/api/v1/suppliers/424242',
      payload: { notes: 'x' },
    });
    expect(patch.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/suppliers/1.5' })).statusCode).toBe(400);
  });

  it('refuses to delete a supplier items refer to, then deletes it once unused', async () => {
    const supplier = await create({ name: 'Soylent' });
    await insertItem(supplier.id);
    const refused = await t.request({ method: 'DELETE', url: `/api/v1/suppliers/${supplier.id}` });
    expect(refused.statusCode).toBe(409);
    expect(await get(supplier.id)).toMatchObject({ name: 'Soylent', item_count: 1 });

    await t.database.db.delete(inventoryItems).where(eq(inventoryItems.supplier_id, supplier.id));
    const stale = await t.request({
      method: 'DELETE',
      url: `/api/v1/suppliers/${supplier.id}`,
      headers: { 'if-match': '"9"' },
    });
    expect(stale.statusCode).toBe(412);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/suppliers/${supplier.id}` })).statusCode).toBe(
      204,
    );
    expect((await t.request({ method: 'GET', url: `/api/v1/suppliers/${supplier.id}` })).statusCode).toBe(
      404,
    );
  });

  it('filters by preference and by name (contact details are sealed), and pages with a cursor', async () => {
    await create({ name: 'Filter One', contact_name: 'Zed Filterson', is_preferred: true });
    await create({ name: 'Filter Two', email: 'two@filter.example' });
    await create({ name: 'Filter Three', is_preferred: true });
    await create({ name: 'Unrelated', contact_name: 'Nobody' });
    const byName = (await t.request({ method: 'GET', url: '/api/v1/suppliers?q=two' })).json();
    expect(byName.data.map((s: { name: string }) => s.name)).toEqual(['Filter Two']);
    const byContact = (await t.request({ method: 'GET', url: '/api/v1/suppliers?q=filterson' })).json();
    expect(byContact.data).toEqual([]);
    const preferred = (
      await t.request({ method: 'GET', url: '/api/v1/suppliers?q=filter&is_preferred=true' })
    ).json();
    expect(preferred.data.map((s: { name: string }) => s.name)).toEqual(['Filter One', 'Filter Three']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/suppliers?q=filter&sort=-name&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { data: { name: string }[]; next_cursor: string | null } = (
        await t.request({ method: 'GET', url })
      ).json();
      seen.push(...page.data.map((s) => s.name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['Filter Two', 'Filter Three', 'Filter One']);

    for (const query of ['is_preferred=maybe', 'sort=rating', 'cursor=garbage', 'limit=0', 'colour=red']) {
      const res = await t.request({ method: 'GET', url: `/api/v1/suppliers?${query}` });
      expect(res.statusCode, query).toBe(400);
    }
  });
});
