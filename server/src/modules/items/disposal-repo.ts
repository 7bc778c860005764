// Disposal records: SQL only.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { itemDisposals } from '../../db/schema.ts';

export type DisposalRow = typeof itemDisposals.$inferSelect;
export type NewDisposal = typeof itemDisposals.$inferInsert;

export async function insertDisposal(ex: Executor, values: NewDisposal): Promise<DisposalRow> {
  const [row] = await ex.insert(itemDisposals).values(values).returning();
  return row!;
}

export async function findDisposal(ex: Executor, itemId: number): Promise<DisposalRow | undefined> {
  const [row] = await ex.select().from(itemDisposals).where(eq(itemDisposals.item_id, itemId));
  return row;
}
