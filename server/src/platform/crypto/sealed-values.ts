// Sealed values inside JSON documents (custom fields, history). `{ $sealed }` opens for anyone who may read the
// record it belongs to; `{ $sensitive }` only for callers allowed to see sensitive values. Neither shape can be
// entered through the API (custom field values are scalars), so an object of this shape is always ours.
import { openField, sealField } from './field-encryption.ts';

type Sealed = { $sealed: string } | { $sensitive: string };

export const seal = (value: unknown): Sealed => ({ $sealed: sealField(JSON.stringify(value)) });

export const sealSensitive = (value: unknown): Sealed => ({ $sensitive: sealField(JSON.stringify(value)) });

function sealedText(value: unknown): { text: string; sensitive: boolean } | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.$sealed === 'string') return { text: record.$sealed, sensitive: false };
  if (typeof record.$sensitive === 'string') return { text: record.$sensitive, sensitive: true };
  return undefined;
}

export const isSensitive = (value: unknown): boolean => sealedText(value)?.sensitive === true;

/**
 * The document with sealed values opened, at any depth. Sensitive ones the caller may not see are left out:
 * dropped from objects, so the caller cannot even tell they are there.
 */
export function reveal(value: unknown, seesSensitive: boolean): unknown {
  const sealed = sealedText(value);
  if (sealed) {
    if (sealed.sensitive && !seesSensitive) return undefined;
    return JSON.parse(openField(sealed.text)) as unknown;
  }
  if (Array.isArray(value)) return value.map((v) => reveal(v, seesSensitive));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const shown = reveal(v, seesSensitive);
      if (shown !== undefined) out[key] = shown;
    }
    return out;
  }
  return value;
}
