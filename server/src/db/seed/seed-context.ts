// What item generation needs to know about the database it fills: leaf categories with their depreciation
// settings, custom fields and product vocabulary; places that hold items; suppliers with what they sell.
// Read from the tables, so generated items fit whatever structure is there, demo or not.
import { asc } from 'drizzle-orm';
import type { Executor } from '../connection.ts';
import { categories, customFieldDefinitions, locations, suppliers } from '../schema.ts';
import type { DepreciationSettings } from '../../modules/depreciation/calculator.ts';
import type { CategorySeed, CustomFieldType, DepreciationMethod, PlaceKind } from './category-catalog.ts';
import { flattenCategories } from './category-tree.ts';
import { facilitiesProductLines } from './product-catalog-facilities.ts';
import { itProductLines, networkProductLines, type ProductLine } from './product-catalog-it.ts';
import { placeKindOf } from './site-plan.ts';
import { supplierCatalog } from './supplier-catalog.ts';

export interface FieldDefinition {
  name: string;
  field_type: CustomFieldType;
  required: boolean;
  options: string[] | null;
  sensitive: boolean;
}

export interface CategoryContext {
  id: number;
  name: string;
  /** Name of the top-level category this one sits under. */
  root: string;
  skuPrefix: string;
  share: number;
  placedIn: PlaceKind[];
  warrantyYears: [number, number];
  tagPool: string[];
  endOfLifeTag: boolean;
  serialNumbers: boolean;
  depreciation: DepreciationSettings;
  fields: FieldDefinition[];
  line: ProductLine | undefined;
}

export interface PlaceContext {
  id: number;
  kind: PlaceKind | undefined;
  capacity: number | null;
}

export interface SupplierContext {
  id: number;
  brands: string[];
  serves: string[];
}

export interface SeedContext {
  categories: CategoryContext[];
  places: PlaceContext[];
  suppliers: SupplierContext[];
}

const productLines: Record<string, ProductLine> = {
  ...itProductLines,
  ...networkProductLines,
  ...facilitiesProductLines,
};
const catalogByName = new Map(flattenCategories().map((seed) => [seed.name.toLowerCase(), seed]));
const supplierByName = new Map(supplierCatalog.map((seed) => [seed.name.toLowerCase(), seed]));

/** A SKU prefix for a category the demo catalog does not know: its first letters, upper-case. */
function prefixFromName(name: string): string {
  return (
    name
      .replace(/[^A-Za-z]/g, '')
      .slice(0, 3)
      .toUpperCase() || 'ITM'
  ).padEnd(3, 'X');
}

function categoryContext(
  row: typeof categories.$inferSelect,
  root: string,
  fields: FieldDefinition[],
): CategoryContext {
  const seed: CategorySeed | undefined = catalogByName.get(row.name.toLowerCase());
  return {
    id: row.id,
    name: row.name,
    root,
    skuPrefix: seed?.skuPrefix ?? prefixFromName(row.name),
    share: seed?.share ?? 2,
    placedIn: seed?.placedIn ?? [],
    warrantyYears: seed?.warrantyYears ?? [1, 3],
    tagPool: seed?.tagPool ?? [],
    endOfLifeTag: seed?.endOfLifeTag ?? false,
    serialNumbers: seed?.serialNumbers ?? true,
    depreciation: {
      method: row.depreciation_method as DepreciationMethod,
      rate: row.depreciation_rate,
      usefulLifeMonths: row.useful_life_months,
      salvageValue: row.salvage_value,
      recoveryPeriod: row.recovery_period,
    },
    fields,
    line: seed ? productLines[seed.name] : undefined,
  };
}

export async function loadSeedContext(ex: Executor): Promise<SeedContext> {
  const categoryRows = await ex.select().from(categories).orderBy(asc(categories.id));
  const definitionRows = await ex
    .select()
    .from(customFieldDefinitions)
    .orderBy(asc(customFieldDefinitions.id));
  const byId = new Map(categoryRows.map((row) => [row.id, row]));
  const parents = new Set(categoryRows.map((row) => row.parent_category_id));
  const rootOf = (row: typeof categories.$inferSelect): string => {
    const seen = new Set<number>();
    let current = row;
    while (current.parent_category_id !== null && !seen.has(current.id)) {
      seen.add(current.id);
      const parent = byId.get(current.parent_category_id);
      if (!parent) break;
      current = parent;
    }
    return current.name;
  };
  const fieldsOf = (categoryId: number): FieldDefinition[] =>
    definitionRows
      .filter((row) => row.category_id === categoryId)
      .map((row) => ({
        name: row.name,
        field_type: row.field_type as CustomFieldType,
        required: row.required,
        options: row.options,
        sensitive: row.sensitive,
      }));

  const locationRows = await ex
    .select({ id: locations.id, type: locations.type, name: locations.name, capacity: locations.capacity })
    .from(locations)
    .orderBy(asc(locations.id));
  const holding = locationRows
    .map((row) => ({ id: row.id, kind: placeKindOf(row.type, row.name), capacity: row.capacity }))
    .filter((place) => place.kind !== undefined);

  const supplierRows = await ex
    .select({ id: suppliers.id, name: suppliers.name })
    .from(suppliers)
    .orderBy(asc(suppliers.id));

  return {
    // Items go into leaf categories only.
    categories: categoryRows
      .filter((row) => !parents.has(row.id))
      .map((row) => categoryContext(row, rootOf(row), fieldsOf(row.id))),
    // Rooms, stores, car parks and vans hold items; with none of those, any location will do.
    places:
      holding.length > 0
        ? holding
        : locationRows.map((row) => ({ id: row.id, kind: undefined, capacity: row.capacity })),
    suppliers: supplierRows.map((row) => {
      const seed = supplierByName.get(row.name.toLowerCase());
      return { id: row.id, brands: seed?.brands ?? [], serves: seed?.serves ?? [] };
    }),
  };
}
