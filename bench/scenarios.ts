// The three measured requests. Each gives the API path to call (drawn afresh per request) and the pgbench scripts
// running the same statement the API sends for it, with values drawn the same way.
import type { Db } from '../server/src/db/connection.ts';
import { findItems } from '../server/src/modules/items/find-items.ts';
import { ListItemsQuery } from '../server/src/modules/items/schemas.ts';
import { getItem } from '../server/src/modules/items/service.ts';
import { pgbenchStatement } from './api-sql.ts';

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
  /** Returns a function giving the next request's path. */
  paths: (facts: DatasetFacts) => () => string;
  /** pgbench scripts, one picked at random (equal weights) per transaction. */
  pgbenchScripts: (facts: DatasetFacts) => Promise<string[]>;
}

/**
 * Words people type for the kit the generator makes (models, kinds, brands; one and two words), plus a typo
 * that only the trigram match can find.
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

/** Any id value the API code is asked for here stands for pgbench's `:id`. */
const ID_PLACEHOLDER = 987_654_321_012;

const getById: Scenario = {
  name: 'get-by-id',
  describe: (f) => `GET /api/v1/items/:id, id uniform in ${f.minId}..${f.maxId}`,
  target: { percentile: 'p99', maxMs: 10, minRatio: 1 / 3 },
  paths: (f) => () => `/api/v1/items/${f.minId + Math.floor(Math.random() * (f.maxId - f.minId + 1))}`,
  pgbenchScripts: async (f) => [
    `\\set id random(${f.minId}, ${f.maxId})\n` +
      (await pgbenchStatement((db: Db) => getItem(db, ID_PLACEHOLDER), new Map([[ID_PLACEHOLDER, ':id']]))),
  ],
};

const search: Scenario = {
  name: 'search',
  describe: () =>
    `GET /api/v1/items?q=<term>, term uniform over: ${searchTerms.map((t) => `"${t}"`).join(', ')}`,
  target: { percentile: 'p95', maxMs: 50 },
  paths: () => () => `/api/v1/items?${queryString({ q: pick(searchTerms) })}`,
  pgbenchScripts: (_f) =>
    Promise.all(searchTerms.map((q) => pgbenchStatement((db: Db) => findItems(db, query({ q }))))),
};

const filteredList: Scenario = {
  name: 'filtered-list',
  describe: (f) =>
    `GET /api/v1/items?status=deployed&category_id=<id>, id uniform over the top-level categories (${f.topCategoryIds.join(', ')}); the category filter takes in their subtrees`,
  target: { percentile: 'p95', maxMs: 50 },
  paths: (f) => () =>
    `/api/v1/items?${queryString({ status: 'deployed', category_id: String(pick(f.topCategoryIds)) })}`,
  pgbenchScripts: (f) =>
    Promise.all(
      f.topCategoryIds.map((id) =>
        pgbenchStatement((db: Db) => findItems(db, query({ status: 'deployed', category_id: String(id) }))),
      ),
    ),
};

export const scenarios: Scenario[] = [getById, search, filteredList];
