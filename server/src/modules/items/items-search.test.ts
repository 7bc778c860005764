import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeItem, makeLocation, makeSupplier } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { queryRows } from '../../db/connection.ts';
import { rankedCandidates } from './listing.ts';

let t: TestApp;
const ids: Record<string, number> = {};
let tree: {
  it: number;
  laptops: number;
  chairs: number;
  site: number;
  room: number;
  otherRoom: number;
  dell: number;
};

beforeAll(async () => {
  t = await createTestApp();
  const it_ = await makeCategory(t, { name: 'IT' });
  const laptops = await makeCategory(t, { name: 'Laptops', parent_category_id: it_.id });
  const chairs = await makeCategory(t, { name: 'Chairs' });
  const site = await makeLocation(t, { name: 'Berlin', type: 'site' });
  const floor = await makeLocation(t, { name: 'Floor 1', type: 'floor', parent_location_id: site.id });
  const room = await makeLocation(t, { name: 'Room 101', parent_location_id: floor.id });
  const otherRoom = await makeLocation(t, { name: 'Lisbon room' });
  const dell = await makeSupplier(t, { name: 'Dell' });
  tree = {
    it: it_.id,
    laptops: laptops.id,
    chairs: chairs.id,
    site: site.id,
    room: room.id,
    otherRoom: otherRoom.id,
    dell: dell.id,
  };

  const rows: [string, Record<string, unknown>][] = [
    [
      'latitude',
      {
        sku: 'LAP-100',
        name: 'Dell Latitude 7440',
        category_id: laptops.id,
        location_id: room.id,
        supplier_id: dell.id,
        status: 'deployed',
        purchase_price: '1500.00',
        purchase_date: '2024-03-01',
        warranty_expiry: '2026-12-01',
        tags: ['remote'],
        serial_number: 'SN-AAA-1',
      },
    ],
    [
      'xps',
      {
        sku: 'LAP-101',
        name: 'Dell XPS 13',
        category_id: laptops.id,
        location_id: room.id,
        supplier_id: dell.id,
        purchase_price: '1999.99',
        purchase_date: '2025-06-10',
        warranty_expiry: '2028-06-10',
        tags: ['remote', 'executive'],
      },
    ],
    [
      'thinkpad',
      {
        sku: 'LAP-102',
        name: 'Lenovo ThinkPad X1',
        category_id: laptops.id,
        location_id: otherRoom.id,
        status: 'in_repair',
        purchase_price: '1750.00',
        purchase_date: '2023-01-20',
        description: 'Keyboard replaced twice',
      },
    ],
    [
      'aeron',
      {
        sku: 'CHR-200',
        name: 'Herman Miller Aeron Chair',
        category_id: chairs.id,
        location_id: room.id,
        purchase_price: '1200.00',
        tags: ['ergonomic'],
      },
    ],
    [
      'server',
      {
        sku: 'SRV-300',
        name: 'PowerEdge R750 server',
        category_id: it_.id,
        location_id: site.id,
        status: 'deployed',
        purchase_price: '8900.50',
        purchase_date: '2022-11-11',
      },
    ],
  ];
  for (const [key, body] of rows) ids[key] = (await makeItem(t, body)).id;
});
afterAll(async () => {
  await t?.close();
});

const find = async (query: string) => {
  const res = await t.request({ method: 'GET', url: `/api/v1/items?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    data: { id: number }[];
    next_cursor: string | null;
    facets?: Record<string, { value: string; label: string; count: number }[]>;
  }>();
};
const names = (page: { data: { id: number }[] }) =>
  page.data.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]);

describe('searching', () => {
  it('finds by words, word prefixes and stems', async () => {
    expect(names(await find('q=latitude'))).toEqual(['latitude']);
    expect(names(await find('q=lati'))).toEqual(['latitude']);
    expect(names(await find('q=dell')).sort()).toEqual(['latitude', 'xps']);
    expect(names(await find('q=keyboards'))).toEqual(['thinkpad']);
  });

  it('corrects misspellings against the words items use, and says so', async () => {
    const page = await find('q=lattitude');
    expect(names(page)).toEqual(['latitude']);
    expect(page).toMatchObject({ corrected_q: 'latitude' });
    expect(names(await find('q=thinkpda'))).toContain('thinkpad');
    expect(names(await find('q=dell%20lattitude'))).toEqual(['latitude']);
    expect(await find('q=latitude')).not.toHaveProperty('corrected_q');
  });

  it('learns the words of new and renamed items for corrections', async () => {
    const item = await makeItem(t, { name: 'Zebra ZT411 label printer' });
    try {
      expect((await find('q=zebrra')).data.map((i) => i.id)).toEqual([item.id]);
      await t.request({
        method: 'PATCH',
        url: `/api/v1/items/${item.id}`,
        payload: { name: 'Brother QL-820 label printer' },
      });
      expect((await find('q=brothre')).data.map((i) => i.id)).toEqual([item.id]);
    } finally {
      await t.request({ method: 'DELETE', url: `/api/v1/items/${item.id}` });
    }
  });

  it('finds by SKU, serial number and tag, exact SKU first', async () => {
    expect(names(await find('q=LAP-101'))[0]).toBe('xps');
    expect(names(await find('q=lap-10')).sort()).toEqual(['latitude', 'thinkpad', 'xps']);
    expect(names(await find('q=SN-AAA'))).toEqual(['latitude']);
    expect(names(await find('q=ergonomic'))).toEqual(['aeron']);
  });

  it('treats search syntax in the query as plain text', async () => {
    for (const q of ["dell & | ! ( ' :*", '%', '\\', '  ', 'a'.repeat(200)]) {
      const res = await t.request({ method: 'GET', url: `/api/v1/items?q=${encodeURIComponent(q)}` });
      expect(res.statusCode, q).toBeLessThan(500);
    }
    expect(names(await find('q=%25'))).toEqual([]);
  });
});

describe('filtering', () => {
  it('filters by category and location including everything below them', async () => {
    expect(names(await find(`category_id=${tree.it}&sort=name`))).toEqual([
      'latitude',
      'xps',
      'thinkpad',
      'server',
    ]);
    expect(names(await find(`location_id=${tree.site}&sort=name`))).toEqual([
      'latitude',
      'xps',
      'aeron',
      'server',
    ]);
    expect(names(await find(`location_id=${tree.room}&category_id=${tree.laptops}&sort=name`))).toEqual([
      'latitude',
      'xps',
    ]);
  });

  it('filters by status, supplier, tag, warranty, dates and value ranges', async () => {
    expect(names(await find('status=deployed,in_repair&sort=name')).sort()).toEqual([
      'latitude',
      'server',
      'thinkpad',
    ]);
    expect(names(await find(`supplier_id=${tree.dell}&sort=name`))).toEqual(['latitude', 'xps']);
    expect(names(await find('tag=remote,executive'))).toEqual(['xps']);
    expect(names(await find('warranty_expiring_before=2027-01-01'))).toEqual(['latitude']);
    expect(names(await find('purchased_from=2023-01-01&purchased_to=2024-12-31&sort=purchase_date'))).toEqual(
      ['thinkpad', 'latitude'],
    );
    expect(names(await find('price_min=1500&price_max=1999.99&sort=purchase_price'))).toEqual([
      'latitude',
      'thinkpad',
      'xps',
    ]);
  });

  it('refuses unknown or malformed filters naming them', async () => {
    for (const [query, field] of [
      ['colour=red', 'colour'],
      ['status=broken', 'status'],
      ['price_min=cheap', 'price_min'],
      ['sort=password', 'sort'],
      ['limit=0', 'limit'],
      ['limit=100000', 'limit'],
      ['category_id=-3', 'category_id'],
    ]) {
      const res = await t.request({ method: 'GET', url: `/api/v1/items?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        query,
      ).toContain(field);
    }
  });
});

describe('sorting, paging and facets', () => {
  it('sorts by several keys with nulls last and pages without gaps', async () => {
    // PostgreSQL's order, which its indexes serve: nulls last ascending, first descending.
    const all = names(await find('sort=-purchase_date,name&limit=100'));
    expect(all).toEqual(['aeron', 'xps', 'latitude', 'thinkpad', 'server']);
    const seen: (string | undefined)[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await find(`sort=-purchase_date,name&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...names(page));
      cursor = page.next_cursor;
    }
    expect(seen).toEqual(all);
  });

  it('pages search results by relevance', async () => {
    const first = await find('q=dell&limit=1');
    expect(first.next_cursor).not.toBeNull();
    const second = await find(`q=dell&limit=1&cursor=${first.next_cursor}`);
    expect([...names(first), ...names(second)].sort()).toEqual(['latitude', 'xps']);
    expect(second.next_cursor).toBeNull();
  });

  it('counts facets over the filtered set', async () => {
    const facets = (await find(`facets=true&category_id=${tree.it}`)).facets!;
    expect(facets.status).toEqual(
      expect.arrayContaining([
        { value: 'deployed', label: 'deployed', count: 2 },
        { value: 'in_stock', label: 'in_stock', count: 1 },
        { value: 'in_repair', label: 'in_repair', count: 1 },
      ]),
    );
    expect(facets.category).toEqual(
      expect.arrayContaining([
        { value: String(tree.laptops), label: 'Laptops', count: 3 },
        { value: String(tree.it), label: 'IT', count: 1 },
      ]),
    );
    expect(facets.location!.find((f) => f.label === 'Room 101')?.count).toBe(2);
  });
});

describe('ranking a common word', () => {
  it('ranks SKU matches and whole-word matches once they fill a ranking, word beginnings below that', async () => {
    const category = await makeCategory(t, { name: 'Presentation' });
    const made = (name: string, sku: string) => makeItem(t, { sku, name, category_id: category.id });
    const screen = await made('Projectorscreen 120in', 'PRS-1');
    for (let i = 0; i < rankedCandidates; i++) await made(`Projector Epson EB-${i}`, `PRJ-${i}`);
    const kit = await made('Ceiling mount kit', 'PROJECTOR-MNT-1');
    const pages: number[] = [];
    for (let cursor = ''; ;) {
      const page = await find(`q=projector${cursor && `&cursor=${cursor}`}`);
      pages.push(...page.data.map((i) => i.id));
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    expect(pages).toHaveLength(rankedCandidates);
    expect(pages).not.toContain(screen.id);
    // A SKU starting with the search is always ranked, however many items share the word.
    expect(pages).toContain(kit.id);
    // A word still being typed matches word beginnings.
    expect((await find('q=projectorsc')).data.map((i) => i.id)).toEqual([screen.id]);
  });
});

describe('the same search twice', () => {
  it('reads every large table from its beginning, so the first matches ranked stay the same', async () => {
    // A synchronised scan starts where the last scan of a table over a quarter of shared_buffers got to; a test
    // database is too small to show it, so the setting itself is checked (on several of PostgreSQL's connections).
    const settings = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.database.db.transaction((tx) =>
          queryRows<{ synchronize_seqscans: string }>(tx, sql`show synchronize_seqscans`),
        ),
      ),
    );
    expect(settings.flat().map((row) => row.synchronize_seqscans)).toEqual(['off', 'off', 'off', 'off']);
  });
});
