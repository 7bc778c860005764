// What physical audits read and write on items: the items a scanned code names, and when each was last seen.
import { asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { startingWith } from '../../db/like.ts';
import { inventoryItems } from '../../db/schema.ts';
import { itemColumns, type ItemRow } from './repo.ts';

/** How many look-alikes a code may match before it is plainly ambiguous: enough to say so. */
const codeMatchLimit = 5;

/** Items whose SKU or serial number is the code, ignoring case; SKU matches first. */
export async function findByCode(ex: Executor, code: string): Promise<ItemRow[]> {
  // A pattern with no wildcards left (startingWith escapes them) minus its trailing % is equality, ignoring case.
  const pattern = startingWith(code).slice(0, -1);
  const skuMatches = ilike(inventoryItems.sku, pattern);
  return ex
    .select(itemColumns)
    .from(inventoryItems)
    .where(or(skuMatches, ilike(inventoryItems.serial_number, pattern)))
    .orderBy(sql`${skuMatches} desc`, asc(inventoryItems.id))
    .limit(codeMatchLimit);
}

/** Seen in a physical audit now. Not an edit: version and updated_at stay, so nobody's If-Match goes stale. */
export async function markAudited(ex: Executor, itemId: number): Promise<void> {
  await ex
    .update(inventoryItems)
    .set({ last_audited_at: sql`now()` })
    .where(eq(inventoryItems.id, itemId));
}
