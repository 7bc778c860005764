// Demo data and benchmark data. (Being written: see the seed brief.)
import { sql } from 'drizzle-orm';
import type { Db } from '../connection.ts';
import { queryRows } from '../connection.ts';

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from locations`);
  return row?.n === 0;
}

export async function seedDemoData(_db: Db): Promise<void> {}

export async function seedItems(_db: Db, _count: number, _progress: (done: number) => void): Promise<void> {}
