// Demo data for a first embedded start: four sites, the category tree, suppliers, tags, about 2,000 items
// with their history, and a few maintenance schedules. Deterministic: the same seed gives the same data,
// dated relative to the day it runs.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../connection.ts';
import { categories, inventoryItems, maintenanceSchedules } from '../schema.ts';
import { skipAuditTrail } from './audit-off.ts';
import { createItemFactory } from './item-factory.ts';
import { insertItems } from './item-insert.ts';
import { loadSeedContext } from './seed-context.ts';
import { createSeedFaker, personName } from './seed-faker.ts';
import { insertCategories, insertLocations, insertSuppliers, insertTags } from './structure.ts';
import type { Faker } from '@faker-js/faker';
import { rebuildSearchTerms } from '../search-terms.ts';

const demoSeed = 20_240_601;
export const demoItemCount = 2000;
const batchSize = 500;

export async function seedDemoData(db: Db): Promise<void> {
  const today = new Date();
  await db.transaction(async (tx) => {
    await skipAuditTrail(tx);
    const [existing] = await queryRows<{ n: number }>(
      tx,
      sql`select ((select count(*) from locations) + (select count(*) from categories) +
        (select count(*) from suppliers) + (select count(*) from inventory_items))::int as n`,
    );
    // Codes and names would collide with what is there; benchmark items (`seed --items`) can be added instead.
    if ((existing?.n ?? 0) > 0)
      throw new Error('demo data goes into an empty database; this one already has data');

    const faker = createSeedFaker(demoSeed);
    await insertLocations(tx, faker);
    await insertCategories(tx);
    await insertSuppliers(tx, faker);

    const context = await loadSeedContext(tx);
    const counters = new Map<string, number>();
    const factory = createItemFactory(faker, context, {
      today,
      respectCapacity: true,
      sku: (category) => {
        const number = (counters.get(category.skuPrefix) ?? 0) + 1;
        counters.set(category.skuPrefix, number);
        return `${category.skuPrefix}-${String(number).padStart(6, '0')}`;
      },
    });
    for (let done = 0; done < demoItemCount; done += batchSize) {
      const size = Math.min(batchSize, demoItemCount - done);
      await insertItems(tx, Array.from({ length: size }, factory.next));
    }
    await insertTags(tx, factory.endOfLifeYears);
    await insertMaintenanceSchedules(tx, faker, today);
    await rebuildSearchTerms(tx);
  });
}

const maintenanceByCategory: Record<string, { type: string; description: string; duration: string }> = {
  Vehicles: { type: 'service', description: 'Annual service and safety inspection', duration: '4 hours' },
  'Measuring instruments': {
    type: 'calibration',
    description: 'Calibration against reference standards',
    duration: '2 hours',
  },
  Servers: { type: 'firmware', description: 'BIOS, BMC and firmware updates', duration: '1 hour' },
  Centrifuges: {
    type: 'inspection',
    description: 'Rotor inspection and safety check',
    duration: '90 minutes',
  },
  'Lab balances': {
    type: 'calibration',
    description: 'Calibration with certified weights',
    duration: '1 hour',
  },
};

async function insertMaintenanceSchedules(ex: Executor, faker: Faker, today: Date): Promise<void> {
  const candidates = await ex
    .select({ id: inventoryItems.id, category: categories.name })
    .from(inventoryItems)
    .innerJoin(categories, eq(categories.id, inventoryItems.category_id))
    .where(inArray(categories.name, Object.keys(maintenanceByCategory)))
    .orderBy(asc(inventoryItems.id));
  const chosen = faker.helpers.arrayElements(candidates, Math.min(40, candidates.length));
  const technicians = faker.helpers.multiple(() => personName(faker), { count: 6 });
  if (chosen.length === 0) return;
  await ex.insert(maintenanceSchedules).values(
    chosen.map((item) => {
      const plan = maintenanceByCategory[item.category] ?? {
        type: 'inspection',
        description: 'Inspection',
        duration: '1 hour',
      };
      const offsetDays = faker.number.int({ min: -120, max: 120 });
      return {
        item_id: item.id,
        maintenance_type: plan.type,
        description: plan.description,
        scheduled_date: new Date(today.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10),
        estimated_duration: plan.duration,
        technician: faker.helpers.arrayElement(technicians),
        status: offsetDays < 0 ? 'completed' : 'scheduled',
      };
    }),
  );
}
