// Benchmark items: `count` more items, generated in batches of several thousand rows per statement.
// SKUs continue after the highest existing BEN- number, so runs can follow one another. The next batch is
// generated while the previous one is being written, so the database and this process work in parallel.
import { sql } from 'drizzle-orm';
import { rebuildSearchTerms } from '../search-terms.ts';
import { type Db, type Executor, queryRows } from '../connection.ts';
import { categories, locations, suppliers } from '../schema.ts';
import { skipAuditTrail } from './audit-off.ts';
import { createItemFactory, type ItemSeedRow } from './item-factory.ts';
import { insertItems } from './item-insert.ts';
import { loadSeedContext } from './seed-context.ts';
import { createSeedFaker } from './seed-faker.ts';
import { insertCategories, insertLocations, insertSuppliers, insertTags } from './structure.ts';

const batchSize = 5000;
/** Two statements in flight measured fastest on PostgreSQL (2 cores): ~25% over one, four was slower. */
const writersInFlight = 2;
const skuPrefix = 'BEN-';

async function isTableEmpty(
  ex: Executor,
  table: typeof locations | typeof categories | typeof suppliers,
): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    ex,
    sql`select count(*)::int as n from (select 1 from ${table} limit 1) t`,
  );
  return row?.n === 0;
}

/** Fills in the demo locations, categories or suppliers where the table is empty; what exists is kept. */
async function ensureStructure(db: Db): Promise<void> {
  const faker = createSeedFaker(1);
  await db.transaction(async (tx) => {
    await skipAuditTrail(tx);
    if (await isTableEmpty(tx, locations)) await insertLocations(tx, faker);
    if (await isTableEmpty(tx, categories)) await insertCategories(tx);
    if (await isTableEmpty(tx, suppliers)) await insertSuppliers(tx, faker);
  });
}

async function highestBenchmarkNumber(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(
    db,
    sql`select coalesce(max(substring(sku from '([0-9]+)$')::bigint), 0) as n
        from inventory_items where sku like ${`${skuPrefix}%`}`,
  );
  return Number(row?.n ?? 0);
}

export async function seedItems(db: Db, count: number, progress: (done: number) => void): Promise<void> {
  await ensureStructure(db);
  const context = await loadSeedContext(db);
  let number = await highestBenchmarkNumber(db);
  // Seeded by where the run starts: reproducible, yet each run adds different items.
  const factory = createItemFactory(createSeedFaker(number + 1), context, {
    today: new Date(),
    respectCapacity: false,
    sku: (category) => `${skuPrefix}${category.skuPrefix}-${String(++number).padStart(8, '0')}`,
  });

  let done = 0;
  const writing: Promise<number>[] = [];
  for (let generated = 0; generated < count;) {
    const size = Math.min(batchSize, count - generated);
    const rows: ItemSeedRow[] = Array.from({ length: size }, factory.next);
    generated += size;
    if (writing.length >= writersInFlight) {
      done += await (writing.shift() as Promise<number>);
      progress(done);
    }
    const batch = db
      .transaction(async (tx) => {
        await skipAuditTrail(tx);
        await insertItems(tx, rows);
      })
      .then(() => rows.length);
    // A batch failing while an earlier one is awaited is reported when its turn comes, not as unhandled.
    batch.catch(() => {});
    writing.push(batch);
  }
  for (const batch of writing) {
    done += await batch;
    progress(done);
  }
  await db.transaction(async (tx) => {
    await skipAuditTrail(tx);
    await insertTags(tx, factory.endOfLifeYears);
  });
  await rebuildSearchTerms(db);
  // Fresh statistics, so benchmark queries get the plans they would get in production.
  await db.execute(sql`analyze inventory_items`);
}
