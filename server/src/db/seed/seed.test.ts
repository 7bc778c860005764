// The demo data are complete and consistent (custom fields, capacities, money, tags), and the benchmark
// generator adds exactly what it is asked for, run after run, without SKU collisions.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { reveal } from '../../platform/crypto/sealed-values.ts';
import { queryRows } from '../connection.ts';
import { isEmpty, seedDemoData, seedItems } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);
const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(query))[0]?.n;

interface Definition {
  category_id: number;
  name: string;
  field_type: string;
  required: boolean;
  options: string[] | null;
}

/** Problems with one item's custom fields against its category's definitions; empty when valid. */
function customFieldProblems(fields: Record<string, unknown>, definitions: Definition[]): string[] {
  const problems: string[] = [];
  for (const definition of definitions) {
    const value = fields[definition.name];
    if (value === undefined) {
      if (definition.required) problems.push(`${definition.name} is required`);
      continue;
    }
    const valid = {
      text: typeof value === 'string',
      number: typeof value === 'number',
      integer: Number.isInteger(value),
      boolean: typeof value === 'boolean',
      date:
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
      select: typeof value === 'string' && (definition.options ?? []).includes(value),
      url: typeof value === 'string' && URL.canParse(value),
    }[definition.field_type];
    if (!valid)
      problems.push(`${definition.name}: ${JSON.stringify(value)} is not a ${definition.field_type}`);
  }
  const known = new Set(definitions.map((d) => d.name));
  for (const key of Object.keys(fields)) if (!known.has(key)) problems.push(`${key} is not defined`);
  return problems;
}

describe('seedDemoData', () => {
  beforeAll(async () => {
    expect(await isEmpty(t.database.db)).toBe(true);
    await seedDemoData(t.database.db);
  });

  it('builds sites, a category tree, suppliers and about 2,000 items with their history', async () => {
    expect(await isEmpty(t.database.db)).toBe(false);
    expect(
      await count(sql`select count(*)::int as n from locations where type = 'site'`),
    ).toBeGreaterThanOrEqual(4);
    expect(await count(sql`select count(*)::int as n from locations where type = 'room'`)).toBeGreaterThan(
      50,
    );
    expect(await count(sql`select count(*)::int as n from categories`)).toBeGreaterThanOrEqual(25);
    expect(await count(sql`select count(*)::int as n from categories`)).toBeLessThanOrEqual(40);
    expect(
      await count(sql`select count(*)::int as n from categories where parent_category_id is not null`),
    ).toBeGreaterThan(20);
    expect(await count(sql`select count(*)::int as n from suppliers`)).toBeGreaterThanOrEqual(18);
    // Personal data is sealed at rest, as the API would have stored it.
    expect(await count(sql`select count(*)::int as n from suppliers where email not like 'enc:%'`)).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from inventory_items
        where assigned_to is not null and (assigned_to not like 'enc:%' or assigned_to_index is null)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from inventory_items where custom_fields ? 'imei'
        and not custom_fields -> 'imei' ? '$sensitive'`),
    ).toBe(0);
    expect(await count(sql`select count(*)::int as n from inventory_items`)).toBe(2000);
    expect(await count(sql`select count(distinct sku)::int as n from inventory_items`)).toBe(2000);
    expect(
      await count(sql`select count(*)::int as n from asset_history
        where action = 'created' and performed_by = 'seed' and additional_data = '{}'::jsonb`),
    ).toBe(2000);
    expect(await count(sql`select count(*)::int as n from maintenance_schedules`)).toBeGreaterThan(0);
  });

  it('gives every item custom fields that satisfy its category definitions', async () => {
    const definitions = await rows<Definition>(sql`select category_id, name, field_type, required, options
      from custom_field_definitions`);
    expect(new Set(definitions.map((d) => d.category_id)).size).toBeGreaterThanOrEqual(4);
    const items = await rows<{ sku: string; category_id: number; custom_fields: Record<string, unknown> }>(
      sql`select sku, category_id, custom_fields from inventory_items`,
    );
    const problems = items.flatMap((item) =>
      customFieldProblems(
        reveal(item.custom_fields, true) as Record<string, unknown>,
        definitions.filter((d) => d.category_id === item.category_id),
      ).map((problem) => `${item.sku}: ${problem}`),
    );
    expect(problems).toEqual([]);
    const laptopsWithRam = await count(sql`select count(*)::int as n from inventory_items
      where sku like 'LAP-%' and jsonb_typeof(custom_fields -> 'ram_gb') = 'number'`);
    expect(laptopsWithRam).toBeGreaterThan(100);
  });

  it('puts no room over its capacity, and items only in leaf categories', async () => {
    const overfull = await rows<{ code: string }>(sql`select l.code from locations l
      join inventory_items i on i.location_id = l.id
      group by l.id having count(*) > coalesce(l.capacity, 0)`);
    expect(overfull).toEqual([]);
    expect(
      await count(sql`select count(*)::int as n from inventory_items i
        where exists (select 1 from categories c where c.parent_category_id = i.category_id)`),
    ).toBe(0);
  });

  it('keeps money at two decimals, book values within cost, and warranties 1–5 years after purchase', async () => {
    expect(
      await count(sql`select count(*)::int as n from inventory_items
        where purchase_price::text !~ '^[0-9]+\\.[0-9]{2}$' or current_value::text !~ '^[0-9]+\\.[0-9]{2}$'
           or current_value > purchase_price`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from categories
        where depreciation_rate is null or salvage_value::text !~ '^[0-9]+\\.[0-9]{2}$'
           or (depreciation_method = 'macrs') <> (recovery_period is not null)`),
    ).toBe(0);
    expect(
      await count(sql`select count(distinct depreciation_method)::int as n from categories`),
    ).toBeGreaterThanOrEqual(3);
    expect(
      await count(sql`select count(*)::int as n from inventory_items
        where warranty_expiry < purchase_date + interval '1 year' or warranty_expiry > purchase_date + interval '5 years'
           or purchase_date < current_date - interval '6 years' or purchase_date > current_date`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from inventory_items where status = 'deployed' and assigned_to is null`,
      ),
    ).toBe(0);
  });

  it('values every item it still owns at its book value today, as the fleet valuation computes it', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const [row] = await rows<{ owned: number; off: number }>(sql`select count(*)::int as owned,
        (count(*) filter (where i.current_value <> coalesce(round(eis_book_value(i.purchase_price, i.purchase_date,
          coalesce(i.depreciation_method, c.depreciation_method), c.depreciation_rate,
          coalesce(i.useful_life_months, c.useful_life_months), coalesce(i.salvage_value, c.salvage_value),
          coalesce(i.recovery_period, c.recovery_period), ${today}::date), 2), i.purchase_price)))::int as off
      from inventory_items i left join categories c on c.id = i.category_id
      where i.status <> 'disposed'`);
    expect(row?.owned).toBeGreaterThan(1000);
    expect(row?.off).toBe(0);
  });

  it('uses mostly deployed and in-stock statuses, and only lower-case tags that exist in the tags table', async () => {
    const statuses = await rows<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from inventory_items group by status`,
    );
    const share = (status: string) => (statuses.find((s) => s.status === status)?.n ?? 0) / 2000;
    expect(share('deployed') + share('in_stock')).toBeGreaterThan(0.7);
    expect(statuses.length).toBeGreaterThanOrEqual(5);
    expect(
      await count(sql`select count(*)::int as n from inventory_items i, unnest(i.tags) as tag
        where tag <> lower(tag) or tag not in (select name from tags)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from inventory_items where cardinality(tags) > 0`),
    ).toBeGreaterThan(500);
  });

  it('is readable through the API', async () => {
    const [room] = await rows<{ id: number; capacity: number }>(
      sql`select id, capacity from locations where type = 'room' order by id limit 1`,
    );
    const res = await t.request({ method: 'GET', url: `/api/v1/locations/${room?.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().occupancy).toBeLessThanOrEqual(room?.capacity ?? 0);
  });
});

describe('seedItems', () => {
  it('adds exactly the items asked for, twice in a row, without SKU collisions', async () => {
    const before = await count(sql`select count(*)::int as n from inventory_items`);
    const reported: number[] = [];
    await seedItems(t.database.db, 3000, (done) => reported.push(done));
    expect(reported.at(-1)).toBe(3000);
    await seedItems(t.database.db, 3000, () => {});
    expect(await count(sql`select count(*)::int as n from inventory_items`)).toBe((before ?? 0) + 6000);
    expect(await count(sql`select count(*)::int as n from inventory_items where sku like 'BEN-%'`)).toBe(
      6000,
    );
    expect(await count(sql`select count(distinct sku)::int as n from inventory_items`)).toBe(
      (before ?? 0) + 6000,
    );
    expect(
      await count(
        sql`select count(distinct category_id)::int as n from inventory_items where sku like 'BEN-%'`,
      ),
    ).toBeGreaterThan(20);
    expect(
      await count(sql`select count(*)::int as n from inventory_items
        where sku like 'BEN-%' and search_vector @@ plainto_tsquery('english', 'latitude')`),
    ).toBeGreaterThan(0);
  });
});

describe('seedItems on an empty database', () => {
  it('creates the demo structure first, without the demo items', async () => {
    const empty = await createTestApp();
    try {
      const db = empty.database.db;
      await seedItems(db, 1000, () => {});
      const [counts] = await queryRows<{
        sites: number;
        categories: number;
        suppliers: number;
        items: number;
      }>(
        db,
        sql`select (select count(*)::int from locations where type = 'site') as sites,
          (select count(*)::int from categories) as categories, (select count(*)::int from suppliers) as suppliers,
          (select count(*)::int from inventory_items) as items`,
      );
      expect(counts).toMatchObject({ items: 1000 });
      expect(counts?.sites).toBeGreaterThanOrEqual(4);
      expect(counts?.categories).toBeGreaterThanOrEqual(25);
      expect(counts?.suppliers).toBeGreaterThanOrEqual(18);
    } finally {
      await empty.close();
    }
  });
});
