// Field-level before/after for asset_history: what changed, compared by value (JSON key order, "1200" vs "1200.00").
import type { ItemRow } from './repo.ts';

export type Changes = Record<string, { before: unknown; after: unknown }>;

/** JSON with object keys sorted, so jsonb's reordering is not mistaken for a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

export function changesBetween(before: Partial<ItemRow>, after: Partial<ItemRow>): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after) as (keyof ItemRow)[]) {
    if (key === 'version' || key === 'updated_at' || key === 'created_at') continue;
    const was = before[key] ?? null;
    const now = after[key] ?? null;
    if (canonical(was) !== canonical(now)) changes[key] = { before: was, after: now };
  }
  return changes;
}

/** The history action names the most significant change. */
export function actionFor(changes: Changes): string {
  if ('status' in changes) return 'status_changed';
  if ('location_id' in changes) return 'moved';
  if ('assigned_to' in changes) return 'reassigned';
  return 'updated';
}
