// Dashboards: the executive dashboard and widget data (measured for the caller's scope and filters, served
// through the cache, which every write makes stale), and each person's own custom dashboards.
import type { Db } from '../../db/connection.ts';
import type { Cache } from '../../platform/cache.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Scope } from '../../platform/scope.ts';
import { executiveDashboard } from './executive.ts';
import { measureFor } from './metrics.ts';
import { presentDashboard } from './presenter.ts';
import * as repo from './repo.ts';
import type {
  CreateDashboard,
  ExecutiveQuery,
  UpdateDashboard,
  WidgetData,
  WidgetDataQuery,
} from './schemas.ts';
import { sources, type SourceName } from './sources.ts';
import { widgetData } from './widget-data.ts';

/** Long enough to spare repeated reads the work, short enough for time-driven figures (overdue) to move on. */
const cachedSeconds = 60;

/** One cache key per scope and filters (and day, as the figures are "as of today"): nobody sees another's. */
function cacheKey(kind: string, scope: Scope, today: string, parts: Record<string, unknown>): string {
  return `dashboards:${kind}:${today}:${JSON.stringify({ scope: scope.locationRootId, ...parts })}`;
}

export function getExecutiveDashboard(db: Db, cache: Cache, query: ExecutiveQuery, scope: Scope) {
  const now = new Date();
  const key = cacheKey('executive', scope, now.toISOString().slice(0, 10), query);
  return cache.through(key, cachedSeconds, async () =>
    executiveDashboard(await measureFor(db, query, scope, now), query.top),
  );
}

export function getWidgetData(
  db: Db,
  cache: Cache,
  query: WidgetDataQuery,
  scope: Scope,
): Promise<WidgetData> {
  const now = new Date();
  const { source, ...filters } = query;
  const key = cacheKey('widget', scope, now.toISOString().slice(0, 10), query);
  return cache.through(key, cachedSeconds, async () =>
    widgetData(await measureFor(db, filters, scope, now), source),
  );
}

export function listSources() {
  return Object.entries(sources).map(([name, info]) => ({
    name: name as SourceName,
    ...info,
    visualisations: [...info.visualisations],
  }));
}

export async function getDashboard(db: Db, id: number, ownerId: number) {
  const row = await repo.findOwned(db, id, ownerId);
  if (!row) throw new NotFoundError('Dashboard', id);
  return presentDashboard(row);
}

export async function listDashboards(db: Db, ownerId: number) {
  return { data: (await repo.listOwned(db, ownerId)).map(presentDashboard) };
}

export async function createDashboard(db: Db, input: CreateDashboard, ownerId: number) {
  const row = await db.transaction((tx) => repo.insert(tx, { ...input, owner_user_id: ownerId }));
  return presentDashboard(row);
}

export async function updateDashboard(
  db: Db,
  id: number,
  input: UpdateDashboard,
  ownerId: number,
  expectedVersion: number | undefined,
) {
  const row = await db.transaction(async (tx) => {
    const current = await repo.findOwnedForUpdate(tx, id, ownerId);
    if (!current) throw new NotFoundError('Dashboard', id);
    assertVersion(current.version, expectedVersion);
    return repo.update(tx, id, input);
  });
  return presentDashboard(row);
}

export async function deleteDashboard(
  db: Db,
  id: number,
  ownerId: number,
  expectedVersion: number | undefined,
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await repo.findOwnedForUpdate(tx, id, ownerId);
    if (!current) throw new NotFoundError('Dashboard', id);
    assertVersion(current.version, expectedVersion);
    await repo.remove(tx, id);
  });
}
