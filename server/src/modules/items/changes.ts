// Field-level before/after for asset_history: what changed, compared by value (JSON key order, "1200" vs "1200.00").
import { reveal, seal } from '../../platform/crypto/sealed-values.ts';
import type { ItemRow } from './repo.ts';

export type Changes = Record<string, { before: unknown; after: unknown }>;

/**
 * JSON with object keys sorted, so jsonb's reordering is not mistaken for a change, and sealed values opened,
 * so sealing the same value twice (a fresh IV each time) is not one either.
 */
function canonical(value: unknown): string {
  return JSON.stringify(reveal(value, true), (_key, v: unknown) =>
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
  // The assignee is personal data: history keeps it sealed, as the item row does.
  if (changes.assigned_to) changes.assigned_to = sealedChange(changes.assigned_to);
  return changes;
}

const sealedChange = ({ before, after }: { before: unknown; after: unknown }) => ({
  before: before === null ? null : seal(before),
  after: after === null ? null : seal(after),
});

/** The history action names the most significant change. */
export function actionFor(changes: Changes): string {
  if ('status' in changes) return 'status_changed';
  if ('location_id' in changes) return 'moved';
  if ('assigned_to' in changes) return 'reassigned';
  return 'updated';
}
