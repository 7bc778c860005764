// Durations on the wire: ISO 8601 ("PT2H30M", "P1DT4H") or PostgreSQL's words ("2 hours", "90 minutes",
// "1 hour 30 minutes"), stored as INTERVAL and always answered as ISO 8601.
import { z } from 'zod';
import { ValidationError } from '../../platform/errors.ts';

const iso =
  /^P(?!$)(\d{1,4}Y)?(\d{1,4}M)?(\d{1,4}W)?(\d{1,4}D)?(T(?=\d)(\d{1,5}H)?(\d{1,6}M)?(\d{1,7}(\.\d{1,6})?S)?)?$/;
const unit = String.raw`\d{1,6}(\.\d{1,6})?\s*(years?|mons?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?)`;
const words = new RegExp(String.raw`^${unit}(\s+${unit})*$`, 'i');

/** Duration text on the wire; checked by `checkedDuration`, so a bad one is a 422 naming its field. */
export const Duration = z.string().trim().max(100);

export function isDuration(text: string): boolean {
  return (iso.test(text) || words.test(text)) && /[1-9]/.test(text);
}

/** A positive duration PostgreSQL reads as an INTERVAL, passed on as given; anything else is refused. */
export function checkedDuration<T extends string | null | undefined>(field: string, text: T): T {
  if (typeof text === 'string' && !isDuration(text)) {
    throw ValidationError.field(
      field,
      'must be a positive duration such as "PT2H30M" (ISO 8601) or "2 hours 30 minutes"',
    );
  }
  return text;
}

/**
 * PostgreSQL's output ("1 year 2 mons 3 days 04:05:06.5", "02:30:00") as ISO 8601 ("P1Y2M3DT4H5M6.5S").
 * Durations here are positive, so signs are not expected; any other text is passed through unchanged.
 */
export function isoDuration(text: string | null): string | null {
  if (text === null) return null;
  const match =
    /^(?:(\d+) years? ?)?(?:(\d+) mons? ?)?(?:(\d+) days? ?)?(?:(\d+):(\d\d):(\d\d(?:\.\d+)?))?$/.exec(
      text.trim(),
    );
  if (!match) return text;
  const [, years, months, days, hours, minutes, seconds] = match;
  const part = (value: string | undefined, suffix: string) =>
    value !== undefined && Number(value) !== 0 ? `${Number(value)}${suffix}` : '';
  const date = part(years, 'Y') + part(months, 'M') + part(days, 'D');
  const time = part(hours, 'H') + part(minutes, 'M') + part(seconds, 'S');
  const out = `P${date}${time ? `T${time}` : ''}`;
  return out === 'P' ? 'PT0S' : out;
}
