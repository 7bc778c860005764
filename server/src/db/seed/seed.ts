// Demo data and benchmark data: the entry points the `eis` CLI calls.
import { sql } from 'drizzle-orm';
import type { Db } from '../connection.ts';
import { queryRows } from '../connection.ts';

export { seedItems } from './bulk.ts';
export { seedDemoData } from './demo.ts';

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from locations`);
  return row?.n === 0;
}
