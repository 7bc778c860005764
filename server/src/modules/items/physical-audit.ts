// Items as a physical audit meets them: found by id or by the code on their label (as the Scan screen reads it),
// within the caller's scope, and stamped as seen.
import type { Executor } from '../../db/connection.ts';
import type { Scope } from '../../platform/scope.ts';
import { locationVisible } from '../locations/service.ts';
import * as repo from './physical-audit-repo.ts';
import { findById, type ItemRow } from './repo.ts';
import { canMove, type ItemStatus } from './status.ts';

export type { ItemRow };
export { markAudited } from './physical-audit-repo.ts';

/** The item, or undefined when it does not exist or lies outside the caller's scope. */
export async function findItemRow(ex: Executor, id: number, scope: Scope): Promise<ItemRow | undefined> {
  const row = await findById(ex, id);
  return row && (await locationVisible(ex, scope, row.location_id)) ? row : undefined;
}

/**
 * The visible items a scanned code may mean: the one whose SKU is exactly the code; else those whose SKU is the
 * code ignoring case; else those whose serial number is (several when serial numbers repeat).
 */
export async function findItemsByCode(ex: Executor, code: string, scope: Scope): Promise<ItemRow[]> {
  const visible: ItemRow[] = [];
  for (const row of await repo.findByCode(ex, code)) {
    if (await locationVisible(ex, scope, row.location_id)) visible.push(row);
  }
  const exact = visible.find((row) => row.sku === code);
  if (exact) return [exact];
  const bySku = visible.filter((row) => row.sku.toLowerCase() === code.toLowerCase());
  return bySku.length ? bySku : visible;
}

/** Whether the lifecycle lets an item be marked lost now (one already lost is left as it is). */
export function mayBecomeLost(status: string): boolean {
  return status !== 'lost' && canMove(status as ItemStatus, 'lost');
}
