// The measured requests. Each gives the API path to call (drawn afresh per request) and the pgbench scripts
// running the statements the API sends for it, with values drawn the same way.
import type { Db } from '../server/src/db/connection.ts';
import { ValuationQuery } from '../server/src/modules/depreciation/schemas.ts';
import { valueFleet } from '../server/src/modules/depreciation/service.ts';
import { findItems } from '../server/src/modules/items/find-items.ts';
import { ListItemsQuery } from '../server/src/modules/items/schemas.ts';
import { getItem } from '../server/src/modules/items/service.ts';
import { listRegister, registerFilter } from '../server/src/modules/reports/service.ts';
import { everywhere } from '../server/src/platform/scope.ts';
import type { SqlRecorder } from './api-sql.ts';

/** What the benchmark database holds, read before the run. */
export interface DatasetFacts {
  items: number;
  minId: number;
  maxId: number;
  topCategoryIds: number[];
}

export interface Target {
  percentile: 'p95' | 'p99';
  maxMs: number;
  /** API rate ÷ pgbench rate at least this. */
  minRatio?: number;
}

export interface Scenario {
  name: string;
  describe: (facts: DatasetFacts) => string;
  target: Target;
  /** API connections = pgbench clients, when not BENCH_CONNECTIONS: a whole-fleet report is not a hot path. */
  connections?: number;
  /** Returns a function giving the next request's path. */
  paths: (facts: DatasetFacts) => () => string;
  /** pgbench scripts, one picked at random (equal weights) per transaction: the SQL the API sends. */
  pgbenchScripts: (facts: DatasetFacts, sql: SqlRecorder) => Promise<string[]>;
}

/**
 * Words people type for the kit the generator makes (models, kinds, brands; one and two words), plus a typo
 * that matches nothing until the API corrects it.
 */
export const searchTerms = [
  'latitude',
  'thinkpad',
  'macbook',
  'monitor',
  'cisco catalyst',
  'microscope',
  'chair',
  'projector',
  'multimeter',
  'lattitude',
];

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const query = (params: Record<string, string>) => ListItemsQuery.parse(params);
const queryString = (params: Record<string, string>) => new URLSearchParams(params).toString();

const getById: Scenario = {
  name: 'get-by-id',
  describe: (f) => `GET /api/v1/items/:id, id uniform in ${f.minId}..${f.maxId}`,
  target: { percentile: 'p99', maxMs: 10, minRatio: 1 / 3 },
  paths: (f) => () => `/api/v1/items/${f.minId + Math.floor(Math.random() * (f.maxId - f.minId + 1))}`,
  // The last item is looked up; its id in the SQL becomes pgbench's random `:id`.
  pgbenchScripts: async (f, sql) => [
    `\\set id random(${f.minId}, ${f.maxId})\n` +
      (await sql.pgbenchScript((db: Db) => getItem(db, f.maxId, everywhere), new Map([[f.maxId, ':id']]))),
  ],
};

const search: Scenario = {
  name: 'search',
  describe: () =>
    `GET /api/v1/items?q=<term>, term uniform over: ${searchTerms.map((t) => `"${t}"`).join(', ')}`,
  target: { percentile: 'p95', maxMs: 50 },
  paths: () => () => `/api/v1/items?${queryString({ q: pick(searchTerms) })}`,
  pgbenchScripts: (_f, sql) =>
    Promise.all(
      searchTerms.map((q) => sql.pgbenchScript((db: Db) => findItems(db, query({ q }), everywhere))),
    ),
};

const filteredList: Scenario = {
  name: 'filtered-list',
  describe: (f) =>
    `GET /api/v1/items?status=deployed&category_id=<id>, id uniform over the top-level categories (${f.topCategoryIds.join(', ')}); the category filter takes in their subtrees`,
  target: { percentile: 'p95', maxMs: 50 },
  paths: (f) => () =>
    `/api/v1/items?${queryString({ status: 'deployed', category_id: String(pick(f.topCategoryIds)) })}`,
  pgbenchScripts: (f, sql) =>
    Promise.all(
      f.topCategoryIds.map((id) =>
        sql.pgbenchScript((db: Db) =>
          findItems(db, query({ status: 'deployed', category_id: String(id) }), everywhere),
        ),
      ),
    ),
};

/** Month ends over the generated purchase dates (six years back): the as-of dates a finance team asks for. */
const valuationDates = ['2021-12-31', '2022-12-31', '2023-06-30', '2024-12-31', '2025-09-30', '2026-03-31'];
const valuationQuery = ValuationQuery.parse({ group_by: 'category' });

const valuation: Scenario = {
  name: 'valuation',
  describe: () =>
    `GET /api/v1/reports/valuation?as_of=<date>&group_by=category, date uniform over ${valuationDates.join(', ')}; the whole fleet in one SQL query`,
  target: { percentile: 'p95', maxMs: 10_000 },
  connections: 2,
  paths: () => () =>
    `/api/v1/reports/valuation?${queryString({ as_of: pick(valuationDates), group_by: 'category' })}`,
  pgbenchScripts: (_f, sql) =>
    Promise.all(
      valuationDates.map((asOf) =>
        sql.pgbenchScript((db: Db) => valueFleet(db, valuationQuery, asOf, everywhere)),
      ),
    ),
};

const register: Scenario = {
  name: 'asset-register',
  describe: () =>
    `GET /api/v1/reports/asset-register?as_of=<date>&limit=50, date uniform over ${valuationDates.join(', ')}; the first page with the totals of the whole register`,
  target: { percentile: 'p95', maxMs: 2_000 },
  connections: 1,
  paths: () => () =>
    `/api/v1/reports/asset-register?${queryString({ as_of: pick(valuationDates), limit: '50' })}`,
  pgbenchScripts: (_f, sql) =>
    Promise.all(
      valuationDates.map((asOf) =>
        sql.pgbenchScript(async (db: Db) =>
          listRegister(db, await registerFilter(db, {}, asOf, everywhere), 50),
        ),
      ),
    ),
};

/** Month ends the valuation rollup does not keep (older than 13 months, not quarter ends): every line valued. */
const unheldDates = ['2022-01-31', '2023-08-31', '2024-05-31'];

const registerUnheld: Scenario = {
  ...register,
  name: 'asset-register-unheld',
  describe: () =>
    `GET /api/v1/reports/asset-register?as_of=<date>&limit=50, date uniform over ${unheldDates.join(', ')} (not in the valuation rollup); the first page with the totals of the whole register`,
  paths: () => () =>
    `/api/v1/reports/asset-register?${queryString({ as_of: pick(unheldDates), limit: '50' })}`,
  pgbenchScripts: (_f, sql) =>
    Promise.all(
      unheldDates.map((asOf) =>
        sql.pgbenchScript(async (db: Db) =>
          listRegister(db, await registerFilter(db, {}, asOf, everywhere), 50),
        ),
      ),
    ),
};

export const scenarios: Scenario[] = [getById, search, filteredList, valuation, register, registerUnheld];
