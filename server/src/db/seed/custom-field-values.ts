// Values for an item's custom fields that satisfy its category's definitions: the item's own specification
// when it has a fitting one (a laptop's ram_gb), otherwise a value generated for the field's type.
import type { Faker } from '@faker-js/faker';
import type { FieldDefinition } from './seed-context.ts';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function fits(field: FieldDefinition, value: unknown): boolean {
  switch (field.field_type) {
    case 'text':
      return typeof value === 'string' && value.length > 0;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && isoDate.test(value);
    case 'select':
      return typeof value === 'string' && (field.options ?? []).includes(value);
    case 'url':
      return typeof value === 'string' && value.startsWith('https://');
  }
}

function generate(faker: Faker, field: FieldDefinition, today: Date, sku: string): unknown {
  switch (field.field_type) {
    case 'text':
      return faker.string.alphanumeric({ length: 8, casing: 'upper' });
    case 'number':
      return faker.number.float({ min: 0, max: 1000, fractionDigits: 2 });
    case 'integer':
      return faker.number.int({ min: 1, max: 100 });
    case 'boolean':
      return faker.datatype.boolean({ probability: 0.8 });
    case 'date': {
      const days = faker.number.int({ min: -60, max: 365 });
      return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    }
    case 'select':
      return field.options?.length ? faker.helpers.arrayElement(field.options) : undefined;
    case 'url':
      return `https://certificates.example.com/${sku.toLowerCase()}.pdf`;
  }
}

export function customFieldValues(
  faker: Faker,
  fields: FieldDefinition[],
  specs: Record<string, unknown>,
  today: Date,
  sku: string,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    if (!field.required && faker.number.int(9) < 2) continue;
    const value = fits(field, specs[field.name]) ? specs[field.name] : generate(faker, field, today, sku);
    if (value !== undefined) values[field.name] = value;
  }
  return values;
}
