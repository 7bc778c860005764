// How report figures leave the server: money as decimal strings with cents, measures as numbers, and groups of
// rolled-up figures with their id and name.
import { Decimal } from 'decimal.js';

/** A NUMERIC as SQL gave it, as the API's decimal string with cents. */
export const money = (value: string) => new Decimal(value).toFixed(2);

export const moneyOrNull = (value: string | null) => (value === null ? null : money(value));

/** A NUMERIC measure (days, a percentage) as a number; null stays null (nothing to measure). */
export const measureOrNull = (value: string | null) => (value === null ? null : Number(value));

/** A bigint id as SQL gave it (a string from node-postgres), or null. */
export const idOrNull = (value: number | string | null) => (value === null ? null : Number(value));

/** A rolled-up group: its id and name (both null for the items without one), then its figures. */
export const presentGroup =
  <Sums, F extends object>(figures: (row: Sums) => F) =>
  (row: Sums & { group_id: number | string | null; group_name: string | null }) => ({
    id: idOrNull(row.group_id),
    name: row.group_name,
    ...figures(row),
  });
