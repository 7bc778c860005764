// A report's filters as form fields, read from the JSON Schema the catalogue publishes (GET /reports), so a
// report added on the server gets its form here with nothing more.

export const formats = [
  { value: 'csv', label: 'CSV' },
  { value: 'xlsx', label: 'Excel' },
  { value: 'pdf', label: 'PDF' },
] as const;

interface PropertySchema {
  type?: string;
  format?: string;
  enum?: string[];
  description?: string;
}

export interface FilterField {
  name: string;
  label: string;
  description?: string;
  kind: 'location' | 'category' | 'supplier' | 'choice' | 'date' | 'number' | 'text';
  choices?: string[];
}

const pickers: Record<string, FilterField['kind']> = {
  location_id: 'location',
  category_id: 'category',
  supplier_id: 'supplier',
};

/** `as_of` → "As of", `idle_days` → "Idle days". */
export function labelOf(name: string): string {
  const words = name.replace(/_id$/, '').replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function kindOf(name: string, p: PropertySchema): FilterField['kind'] {
  if (pickers[name]) return pickers[name];
  if (p.enum) return 'choice';
  if (p.format === 'date') return 'date';
  if (p.type === 'integer' || p.type === 'number') return 'number';
  return 'text';
}

export function filterFields(schema: Record<string, unknown>): FilterField[] {
  const properties = (schema.properties ?? {}) as Record<string, PropertySchema>;
  return Object.entries(properties).map(([name, p]) => ({
    name,
    label: labelOf(name),
    kind: kindOf(name, p),
    ...(p.description && { description: p.description }),
    ...(p.enum && { choices: p.enum }),
  }));
}

/** The filled-in values only, as the API takes them: numbers for number fields, blanks left out. */
export function filterValues(
  fields: FilterField[],
  values: Record<string, string>,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const field of fields) {
    const value = values[field.name]?.trim();
    if (!value) continue;
    const numeric = ['location', 'category', 'supplier', 'number'].includes(field.kind);
    out[field.name] = numeric && /^\d+$/.test(value) ? Number(value) : value;
  }
  return out;
}

export function downloadUrl(key: string, filters: Record<string, string | number>, format: string): string {
  const query = new URLSearchParams({
    ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, String(v)])),
    format,
  });
  return `/api/v1/reports/${encodeURIComponent(key)}/download?${query.toString()}`;
}
