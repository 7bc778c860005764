// Makes one plausible inventory item at a time from the seed context: a model named for its category,
// a status, dates, a price and its depreciated book value, a place, a supplier, specifications, custom
// fields and tags. Shared by the demo data and the benchmark generator.
import type { Faker } from '@faker-js/faker';
import { personName } from './seed-faker.ts';
import type { itemStatuses } from '../schema.ts';
import { bookValueAt } from '../../modules/depreciation/calculator.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { PlaceKind } from './category-catalog.ts';
import { customFieldValues } from './custom-field-values.ts';
import type { ProductModel } from './product-catalog-it.ts';
import type {
  CategoryContext,
  FieldDefinition,
  PlaceContext,
  SeedContext,
  SupplierContext,
} from './seed-context.ts';
import { departmentTags, endOfLifeTag } from './tag-catalog.ts';
import { sealSensitive } from '../../platform/crypto/sealed-values.ts';

type ItemStatus = (typeof itemStatuses)[number];

/** One row of inventory_items as the seed inserts it; money as decimal strings, dates as YYYY-MM-DD. */
export interface ItemSeedRow {
  sku: string;
  name: string;
  description: string | null;
  serial_number: string | null;
  category_id: number;
  location_id: number | null;
  supplier_id: number | null;
  status: ItemStatus;
  purchase_date: string;
  purchase_price: string;
  current_value: string;
  warranty_expiry: string | null;
  assigned_to: string | null;
  specifications: Record<string, unknown>;
  custom_fields: Record<string, unknown>;
  tags: string[];
}

export interface ItemFactoryOptions {
  /** The day the data are made for; purchase dates run back six years from it. */
  today: Date;
  /** Keep every place within its capacity (demo), or spread items regardless (benchmarks). */
  respectCapacity: boolean;
  sku(category: CategoryContext): string;
}

export interface ItemFactory {
  next: () => ItemSeedRow;
  /** The `eol-YYYY` years the items made so far were tagged with, so the tags table can list them. */
  endOfLifeYears: Set<number>;
}

const statusWeights: { value: ItemStatus; weight: number }[] = [
  { value: 'deployed', weight: 52 },
  { value: 'in_stock', weight: 28 },
  { value: 'retired', weight: 7 },
  { value: 'ordered', weight: 4 },
  { value: 'in_repair', weight: 4 },
  { value: 'disposed', weight: 4 },
  { value: 'lost', weight: 1 },
];
/** Share of items in a status that sit in a central store rather than where they are used. */
const storedShare: Partial<Record<ItemStatus, number>> = { in_stock: 0.4, in_repair: 0.5, retired: 0.8 };
const teamByRoot: Record<string, string> = {
  'Lab equipment': 'Lab operations',
  'AV equipment': 'Workplace AV team',
  'Spare parts': 'Facilities',
};
const dayMs = 86_400_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function serialNumber(faker: Faker, brand: string): string {
  const alnum = (length: number) => faker.string.alphanumeric({ length, casing: 'upper' });
  switch (brand) {
    case 'Dell':
      return alnum(7);
    case 'Apple':
      return alnum(10);
    case 'Lenovo':
      return `PF${alnum(6)}`;
    case 'HP':
    case 'HPE':
      return `5CG${faker.string.numeric(4)}${alnum(3)}`;
    case 'Cisco':
      return `FOC${faker.string.numeric(4)}${alnum(4)}`;
    default:
      return `${brand
        .replace(/[^A-Za-z]/g, '')
        .slice(0, 2)
        .toUpperCase()}${faker.string.numeric(8)}`;
  }
}

function price(faker: Faker, [min, max]: [number, number]): string {
  const whole = faker.number.int({ min, max });
  const cents = faker.helpers.arrayElement([
    '00',
    '00',
    '00',
    '99',
    '50',
    String(faker.number.int(99)).padStart(2, '0'),
  ]);
  return `${whole}.${cents}`;
}

function modelName(model: string, variant: string | undefined): string {
  if (!variant) return model;
  return variant.startsWith(',') ? `${model}${variant}` : `${model} ${variant}`;
}

/** Same day n years on; 29 February becomes the 28th, as in PostgreSQL's date arithmetic. */
function addYears(date: Date, years: number): Date {
  const year = date.getUTCFullYear() + years;
  const lastDay = new Date(Date.UTC(year, date.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, date.getUTCMonth(), Math.min(date.getUTCDate(), lastDay)));
}

/** The item's book value today by the one depreciation calculator; its cost if its category allows none. */
function bookValueToday(cost: string, category: CategoryContext, purchased: string, today: string): string {
  try {
    return bookValueAt({ cost, purchaseDate: purchased, settings: category.depreciation }, today);
  } catch (error) {
    if (error instanceof ValidationError) return cost;
    throw error;
  }
}

export function createItemFactory(
  faker: Faker,
  context: SeedContext,
  options: ItemFactoryOptions,
): ItemFactory {
  const { categories, places, suppliers } = context;
  if (categories.length === 0) throw new Error('cannot make items: there are no leaf categories');
  const today = new Date(
    Date.UTC(options.today.getUTCFullYear(), options.today.getUTCMonth(), options.today.getUTCDate()),
  );
  const cumulativeShares = categories.reduce<number[]>(
    (sums, c) => [...sums, (sums.at(-1) ?? 0) + c.share],
    [],
  );
  const totalShare = cumulativeShares.at(-1) ?? 0;
  const employees = faker.helpers.multiple(() => personName(faker), { count: 1000 });
  const remaining = new Map(places.map((place) => [place.id, place.capacity ?? Number.POSITIVE_INFINITY]));
  const placesOfKind = (kinds: PlaceKind[]) =>
    places.filter((place) => place.kind && kinds.includes(place.kind));
  const stores = placesOfKind(['storage']);
  const preferredPlaces = new Map(
    categories.map((c) => {
      const preferred = placesOfKind(c.placedIn);
      return [c.id, preferred.length > 0 ? preferred : places];
    }),
  );
  const resellers = new Map(
    categories.map((c) => [c.id, suppliers.filter((s) => s.serves.includes(c.root))]),
  );
  const directByBrand = new Map<string, SupplierContext[]>();
  const endOfLifeYears = new Set<number>();

  const pickCategory = (): CategoryContext => {
    const point = faker.number.float({ min: 0, max: totalShare });
    const index = cumulativeShares.findIndex((sum) => point < sum);
    return categories[index === -1 ? categories.length - 1 : index] as CategoryContext;
  };

  const pickPlace = (category: CategoryContext, status: ItemStatus): number | null => {
    if (status === 'ordered' || status === 'disposed' || places.length === 0) return null;
    const stored =
      !category.placedIn.includes('garage') &&
      faker.datatype.boolean({ probability: storedShare[status] ?? 0 });
    let candidates: PlaceContext[] =
      stored && stores.length > 0 ? stores : (preferredPlaces.get(category.id) ?? places);
    if (options.respectCapacity) {
      const hasRoom = (place: PlaceContext) => (remaining.get(place.id) ?? 0) > 0;
      candidates = candidates.filter(hasRoom);
      if (candidates.length === 0) candidates = places.filter(hasRoom);
      if (candidates.length === 0) return null;
    }
    const place = faker.helpers.arrayElement(candidates);
    if (options.respectCapacity) remaining.set(place.id, (remaining.get(place.id) ?? 0) - 1);
    return place.id;
  };

  const pickSupplier = (category: CategoryContext, brand: string | undefined): number | null => {
    let direct = brand === undefined ? [] : directByBrand.get(brand);
    if (direct === undefined) {
      direct = suppliers.filter((s) => s.brands.includes(brand ?? ''));
      directByBrand.set(brand ?? '', direct);
    }
    const viaReseller = resellers.get(category.id) ?? [];
    if (direct.length > 0 && (viaReseller.length === 0 || faker.datatype.boolean({ probability: 0.6 }))) {
      return faker.helpers.arrayElement(direct).id;
    }
    if (viaReseller.length > 0) return faker.helpers.arrayElement(viaReseller).id;
    return suppliers.length > 0 ? faker.helpers.arrayElement(suppliers).id : null;
  };

  const pickTags = (category: CategoryContext, status: ItemStatus, purchased: Date): string[] => {
    const tags = new Set<string>();
    if (category.tagPool.length > 0 && faker.datatype.boolean({ probability: 0.3 })) {
      tags.add(faker.helpers.arrayElement(category.tagPool));
    }
    if (status === 'deployed' && faker.datatype.boolean({ probability: 0.5 }))
      tags.add(faker.helpers.arrayElement(departmentTags));
    if (category.endOfLifeTag && status !== 'disposed' && faker.datatype.boolean({ probability: 0.5 })) {
      const year =
        purchased.getUTCFullYear() + Math.ceil((category.depreciation.usefulLifeMonths ?? 48) / 12);
      endOfLifeYears.add(year);
      tags.add(endOfLifeTag(year));
    }
    return [...tags].sort();
  };

  const next = (): ItemSeedRow => {
    const category = pickCategory();
    const status = faker.helpers.weightedArrayElement(statusWeights);
    const model: ProductModel | undefined = category.line
      ? faker.helpers.arrayElement(category.line.models)
      : undefined;
    const ageDays =
      status === 'ordered'
        ? faker.number.int(45)
        : faker.number.int(
            status === 'retired' || status === 'disposed' ? { min: 1095, max: 2190 } : { min: 0, max: 2190 },
          );
    const purchased = new Date(today.getTime() - ageDays * dayMs);
    const cost = price(faker, model?.price ?? [50, 2000]);
    const specifications = category.line && model ? category.line.specs(faker, model) : {};
    const sku = options.sku(category);
    const [minYears, maxYears] = category.warrantyYears;
    const warrantyEnd = addYears(purchased, faker.number.int({ min: minYears, max: maxYears }));
    return {
      sku,
      name: model
        ? modelName(model.name, category.line?.variant?.(specifications))
        : faker.commerce.productName(),
      description: category.line ? category.line.describe(specifications) : null,
      serial_number: category.serialNumbers ? serialNumber(faker, model?.brand ?? category.name) : null,
      category_id: category.id,
      location_id: pickPlace(category, status),
      supplier_id: pickSupplier(category, model?.brand),
      status,
      purchase_date: isoDate(purchased),
      purchase_price: cost,
      current_value:
        status === 'disposed' ? '0.00' : bookValueToday(cost, category, isoDate(purchased), isoDate(today)),
      warranty_expiry: isoDate(warrantyEnd),
      assigned_to:
        status !== 'deployed'
          ? null
          : category.placedIn.includes('server')
            ? 'IT infrastructure'
            : (teamByRoot[category.root] ?? faker.helpers.arrayElement(employees)),
      specifications,
      custom_fields: sealSensitiveFields(
        customFieldValues(faker, category.fields, specifications, today, sku),
        category.fields,
      ),
      tags: pickTags(category, status, purchased),
    };
  };

  return { next, endOfLifeYears };
}

/** Values of fields marked sensitive are stored sealed, as the items service stores them. */
function sealSensitiveFields(
  values: Record<string, unknown>,
  fields: readonly FieldDefinition[],
): Record<string, unknown> {
  const sealed = { ...values };
  for (const field of fields) {
    if (field.sensitive && sealed[field.name] != null) sealed[field.name] = sealSensitive(sealed[field.name]);
  }
  return sealed;
}
