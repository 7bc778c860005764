// Who or what holds an item under an assignment, in words, and its dates as the user reads them.
import type { Assignment } from '../../api/types.ts';

export function holderOf(a: Assignment): string {
  if (a.target_type === 'user') return a.assignee?.display_name ?? `user ${a.assignee_user_id}`;
  if (a.target_type === 'location') return a.location?.name ?? `location ${a.location_id}`;
  return a.parent_item ? `kit ${a.parent_item.name}` : `kit ${a.parent_item_id}`;
}

export const dateOf = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '—');

/** A date picked in a form ("2026-05-31") as the end of that local day, the latest moment it still means. */
export const endOfDay = (date: string) => new Date(`${date}T23:59:59`).toISOString();

/** A date picked in a form as the start of that local day. */
export const startOfDay = (date: string) => new Date(`${date}T00:00:00`).toISOString();
