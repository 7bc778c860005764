// Writes the demo structure: locations, the category tree with its custom fields, suppliers and tags.
// Each tree is inserted one level per statement, children after the parents whose ids they need.
import type { Faker } from '@faker-js/faker';
import { personName } from './seed-faker.ts';
import type { Executor } from '../connection.ts';
import { categories, customFieldDefinitions, locations, suppliers, tags } from '../schema.ts';
import type { CategorySeed } from './category-catalog.ts';
import { categoryTree } from './category-tree.ts';
import { type LocationSeed, planSites } from './site-plan.ts';
import { supplierCatalog } from './supplier-catalog.ts';
import { tagRows } from './tag-catalog.ts';

export async function insertLocations(ex: Executor, faker: Faker): Promise<void> {
  const idByCode = new Map<string, number>();
  let pending: LocationSeed[] = planSites(faker);
  while (pending.length > 0) {
    const level = pending.filter((row) => row.parentCode === null || idByCode.has(row.parentCode));
    if (level.length === 0) throw new Error('site plan has a location whose parent is missing');
    pending = pending.filter((row) => !level.includes(row));
    const inserted = await ex
      .insert(locations)
      .values(
        level.map(({ parentCode, ...row }) => ({
          ...row,
          parent_location_id: parentCode === null ? null : idByCode.get(parentCode),
        })),
      )
      .returning({ id: locations.id, code: locations.code });
    for (const { id, code } of inserted) if (code !== null) idByCode.set(code, id);
  }
}

export async function insertCategories(ex: Executor): Promise<void> {
  let level: { seed: CategorySeed; parentId: number | null }[] = categoryTree.map((seed) => ({
    seed,
    parentId: null,
  }));
  while (level.length > 0) {
    const inserted = await ex
      .insert(categories)
      .values(
        level.map(({ seed, parentId }) => ({
          name: seed.name,
          description: seed.description,
          parent_category_id: parentId,
          depreciation_rate: seed.depreciation.rate,
          depreciation_method: seed.depreciation.method,
          useful_life_months: seed.depreciation.usefulLifeMonths,
          salvage_value: seed.depreciation.salvageValue,
          recovery_period: seed.depreciation.recoveryPeriod ?? null,
        })),
      )
      .returning({ id: categories.id, name: categories.name });
    const idByName = new Map(inserted.map(({ id, name }) => [name, id]));
    const definitions = level.flatMap(({ seed }) =>
      (seed.fields ?? []).map((field) => ({
        category_id: idByName.get(seed.name) ?? 0,
        name: field.name,
        label: field.label,
        field_type: field.field_type,
        required: field.required,
        options: field.options ?? null,
        sensitive: field.sensitive ?? false,
      })),
    );
    if (definitions.length > 0) await ex.insert(customFieldDefinitions).values(definitions);
    level = level.flatMap(({ seed }) =>
      (seed.children ?? []).map((child) => ({ seed: child, parentId: idByName.get(seed.name) ?? null })),
    );
  }
}

/** Contact e-mail addresses are plain lower-case ASCII, whatever the contact's name looks like. */
function mailbox(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '.');
}

export async function insertSuppliers(ex: Executor, faker: Faker): Promise<void> {
  await ex.insert(suppliers).values(
    supplierCatalog.map((supplier) => {
      const contact = personName(faker);
      return {
        name: supplier.name,
        contact_name: contact,
        email: `${mailbox(contact)}@${supplier.domain}`,
        phone: faker.phone.number({ style: 'international' }),
        website: `https://www.${supplier.domain}`,
        address: supplier.address,
        notes: supplier.brands
          ? `Direct account for ${supplier.brands.join(', ')}`
          : `Reseller: ${supplier.serves?.join(', ')}`,
        is_preferred: supplier.isPreferred,
      };
    }),
  );
}

/** Tags already present are left as they are. */
export async function insertTags(ex: Executor, endOfLifeYears: Iterable<number>): Promise<void> {
  await ex.insert(tags).values(tagRows(endOfLifeYears)).onConflictDoNothing({ target: tags.name });
}
