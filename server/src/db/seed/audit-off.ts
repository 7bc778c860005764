// Seeded rows are a data load, not changes anyone made: the audit triggers skip them, in this transaction only.
import { sql } from 'drizzle-orm';
import type { Executor } from '../connection.ts';

export async function skipAuditTrail(tx: Executor): Promise<void> {
  await tx.execute(sql`select set_config('eis.audit', 'off', true)`);
}
