// checkCustomFields as a plain function: each field type with good and bad values, required and unknown keys.
import { describe, expect, it } from 'vitest';
import { checkCustomFields, type FieldDefinition } from './service.ts';

const define = (
  name: string,
  field_type: FieldDefinition['field_type'],
  extra: Partial<FieldDefinition> = {},
): FieldDefinition => ({
  name,
  label: name.toUpperCase(),
  field_type,
  required: false,
  options: null,
  sensitive: false,
  ...extra,
});

const size = define('size', 'select', { options: ['S', 'M', 'L'] });
const definitions: FieldDefinition[] = [
  define('note', 'text'),
  define('weight', 'number'),
  define('cores', 'integer'),
  define('rugged', 'boolean'),
  define('bought', 'date'),
  define('manual', 'url'),
  size,
];

/** The one error a single value gets, or undefined if it passes. */
function errorFor(name: string, value: unknown): string | undefined {
  const { errors } = checkCustomFields(definitions, { [name]: value });
  expect(errors.length).toBeLessThanOrEqual(1);
  if (errors[0]) expect(errors[0].field).toBe(`custom_fields.${name}`);
  return errors[0]?.message;
}

describe('checkCustomFields', () => {
  it.each([
    ['note', 'plain words', 'plain words'],
    ['note', '  padded  ', 'padded'],
    ['note', 'x'.repeat(2000), 'x'.repeat(2000)],
    ['weight', 1.25, 1.25],
    ['weight', -3, -3],
    ['weight', 0, 0],
    ['cores', 16, 16],
    ['cores', -2, -2],
    ['rugged', true, true],
    ['rugged', false, false],
    ['bought', '2024-02-29', '2024-02-29'],
    ['manual', 'https://example.com/manual.pdf', 'https://example.com/manual.pdf'],
    ['manual', ' http://intranet.local/x ', 'http://intranet.local/x'],
    ['size', 'M', 'M'],
  ])('accepts %s = %j as %j', (name, value, normalised) => {
    const result = checkCustomFields(definitions, { [name]: value });
    expect(result.errors).toEqual([]);
    expect(result.values).toEqual({ [name]: normalised });
  });

  it.each([
    ['note', 42],
    ['note', ['a']],
    ['note', 'x'.repeat(2001)],
    ['weight', '12'],
    ['weight', true],
    ['weight', Number.NaN],
    ['weight', Number.POSITIVE_INFINITY],
    ['cores', 1.5],
    ['cores', '4'],
    ['cores', 2 ** 60],
    ['rugged', 'true'],
    ['rugged', 1],
    ['bought', '2023-02-29'],
    ['bought', '2024-13-01'],
    ['bought', '2024-1-5'],
    ['bought', '05/01/2024'],
    ['bought', 20240105],
    ['manual', 'ftp://example.com/file'],
    ['manual', 'javascript:alert(1)'],
    ['manual', 'not a url'],
    ['manual', 7],
    ['size', 'XL'],
    ['size', 'm'],
    ['size', 2],
  ])('refuses %s = %j', (name, value) => {
    expect(errorFor(name, value)).toBeDefined();
  });

  it('names the allowed options in the message for a select', () => {
    expect(errorFor('size', 'XL')).toContain('S, M, L');
  });

  it('refuses keys no definition knows, and leaves them out of the values', () => {
    const result = checkCustomFields(definitions, { note: 'ok', colour: 'red' });
    expect(result.errors).toEqual([{ field: 'custom_fields.colour', message: expect.any(String) }]);
    expect(result.values).toEqual({ note: 'ok' });
  });

  it('requires required fields, counting null and blank text as missing', () => {
    const required = [
      define('owner', 'text', { required: true }),
      define('count', 'integer', { required: true }),
    ];
    for (const values of [{}, { owner: null, count: null }, { owner: '   ' }]) {
      const { errors } = checkCustomFields(required, values);
      expect(errors.map((e) => e.field).sort()).toEqual(['custom_fields.count', 'custom_fields.owner']);
    }
    expect(checkCustomFields(required, { owner: 'Ann', count: 0 })).toEqual({
      values: { owner: 'Ann', count: 0 },
      errors: [],
    });
  });

  it('drops optional fields sent as null or blank', () => {
    expect(checkCustomFields(definitions, { note: '', weight: null })).toEqual({ values: {}, errors: [] });
  });

  it('reports every bad field at once', () => {
    const { errors } = checkCustomFields(definitions, { weight: 'heavy', cores: 2.5, size: 'XXL', extra: 1 });
    expect(errors.map((e) => e.field).sort()).toEqual([
      'custom_fields.cores',
      'custom_fields.extra',
      'custom_fields.size',
      'custom_fields.weight',
    ]);
  });

  it('does not mistake inherited object properties for fields', () => {
    const { errors } = checkCustomFields([define('constructor', 'text', { required: true })], {});
    expect(errors).toEqual([{ field: 'custom_fields.constructor', message: expect.any(String) }]);
  });
});
