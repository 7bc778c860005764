// Shapes shared by every module: ids, decimals, dates, timestamps.
import { z } from 'zod';

export const Id = z.coerce
  .number({ error: 'must be a numeric id' })
  .int('must be a whole number')
  .positive('must be a positive id')
  .max(Number.MAX_SAFE_INTEGER);

export const IdParams = z.object({ id: Id });

export const NullableText = (max: number) => z.string().trim().max(max).nullable();

/** Money on the wire: a decimal string, never a float (up to 12 digits and 2 decimals, NUMERIC(14,2)). */
export const Money = z
  .string()
  .regex(
    /^\d{1,12}(\.\d{1,2})?$/,
    'must be a non-negative decimal string with at most 2 decimals, e.g. "1299.99"',
  );

export const IsoDate = z.iso.date('must be a date as YYYY-MM-DD');

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const HttpUrl = z.string().trim().max(500).refine(isHttpUrl, 'must be an http or https URL');

export const Timestamps = {
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
};

export const ProblemResponse = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');

/** Timestamps leave as ISO 8601 in UTC whichever driver produced them. */
export function isoTimestamp(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export const PageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    next_cursor: z.string().nullable().describe('Pass as `cursor` for the next page'),
  });

/** Response schemas for a route: its success shapes plus problem+json for every 4xx. */
export const withProblems = <T extends Record<number, z.ZodType>>(success: T) => ({
  ...success,
  '4xx': ProblemResponse,
});
