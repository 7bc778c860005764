// Checks an item's custom_fields against its category's field definitions: a pure function, no database.
import type { customFieldTypes } from '../../db/schema.ts';
import type { FieldError } from '../../platform/errors.ts';
import { isHttpUrl, IsoDate } from '../../platform/schemas.ts';

export interface FieldDefinition {
  name: string;
  label: string;
  field_type: (typeof customFieldTypes)[number];
  required: boolean;
  options: string[] | null;
  sensitive: boolean;
}

const maxTextLength = 2000;

type Checked = { ok: true; value: unknown } | { ok: false; message: string };

const fail = (message: string): Checked => ({ ok: false, message });

function checkValue(definition: FieldDefinition, raw: unknown): Checked {
  switch (definition.field_type) {
    case 'text':
      if (typeof raw !== 'string') return fail('must be a string');
      if (raw.trim().length > maxTextLength) return fail(`must be at most ${maxTextLength} characters`);
      return { ok: true, value: raw.trim() };
    case 'number':
      // JSON numbers only: "12" is a string, and a field typed number must stay one for range queries.
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail('must be a number');
      return { ok: true, value: raw };
    case 'integer':
      if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) return fail('must be a whole number');
      return { ok: true, value: raw };
    case 'boolean':
      if (typeof raw !== 'boolean') return fail('must be true or false');
      return { ok: true, value: raw };
    case 'date':
      if (typeof raw !== 'string' || !IsoDate.safeParse(raw.trim()).success)
        return fail('must be a date as YYYY-MM-DD');
      return { ok: true, value: raw.trim() };
    case 'url':
      if (typeof raw !== 'string' || raw.trim().length > maxTextLength || !isHttpUrl(raw.trim())) {
        return fail('must be an http or https URL');
      }
      return { ok: true, value: raw.trim() };
    case 'select': {
      const options = definition.options ?? [];
      if (typeof raw !== 'string' || !options.includes(raw.trim())) {
        return fail(`must be one of: ${options.join(', ')}`);
      }
      return { ok: true, value: raw.trim() };
    }
  }
}

/** Null, a missing key and blank text all mean "no value". */
function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * Checks item custom_fields against the definitions. Unknown keys, missing required fields and values of the
 * wrong type are errors with field `custom_fields.<name>`. Returns the normalised values (trimmed text, blanks
 * dropped) and the errors; the values are only meant to be stored when there are no errors.
 */
export function checkCustomFields(
  definitions: FieldDefinition[],
  values: Record<string, unknown>,
): { values: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const normalised: Record<string, unknown> = {};
  const byName = new Map(definitions.map((d) => [d.name, d]));

  for (const key of Object.keys(values)) {
    if (!byName.has(key)) {
      errors.push({ field: `custom_fields.${key}`, message: 'is not a custom field of this category' });
    }
  }
  for (const definition of definitions) {
    const field = `custom_fields.${definition.name}`;
    const raw = Object.hasOwn(values, definition.name) ? values[definition.name] : undefined;
    if (isBlank(raw)) {
      if (definition.required) errors.push({ field, message: `is required (${definition.label})` });
      continue;
    }
    const checked = checkValue(definition, raw);
    if (checked.ok) normalised[definition.name] = checked.value;
    else errors.push({ field, message: checked.message });
  }
  return { values: normalised, errors };
}
