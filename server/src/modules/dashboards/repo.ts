// Custom dashboards SQL: a person's own rows only; another person's dashboard is not found.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { dashboards } from '../../db/schema.ts';

export type DashboardRow = typeof dashboards.$inferSelect;
export type NewDashboard = typeof dashboards.$inferInsert;

const owned = (id: number, ownerId: number) =>
  and(eq(dashboards.id, id), eq(dashboards.owner_user_id, ownerId));

export async function findOwned(
  ex: Executor,
  id: number,
  ownerId: number,
): Promise<DashboardRow | undefined> {
  const [row] = await ex.select().from(dashboards).where(owned(id, ownerId));
  return row;
}

export async function findOwnedForUpdate(
  ex: Executor,
  id: number,
  ownerId: number,
): Promise<DashboardRow | undefined> {
  const [row] = await ex.select().from(dashboards).where(owned(id, ownerId)).for('update');
  return row;
}

export async function listOwned(ex: Executor, ownerId: number): Promise<DashboardRow[]> {
  return ex
    .select()
    .from(dashboards)
    .where(eq(dashboards.owner_user_id, ownerId))
    .orderBy(asc(dashboards.name), asc(dashboards.id));
}

export async function insert(ex: Executor, values: NewDashboard): Promise<DashboardRow> {
  const [row] = await ex.insert(dashboards).values(values).returning();
  return row!;
}

export async function update(ex: Executor, id: number, values: Partial<NewDashboard>): Promise<DashboardRow> {
  const [row] = await ex
    .update(dashboards)
    .set({ ...values, version: sql`${dashboards.version} + 1`, updated_at: sql`now()` })
    .where(eq(dashboards.id, id))
    .returning();
  return row!;
}

export async function remove(ex: Executor, id: number): Promise<void> {
  await ex.delete(dashboards).where(eq(dashboards.id, id));
}
