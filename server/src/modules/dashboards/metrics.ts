// The measures dashboards are built from, in wire form: the filters resolved for the caller, the dates they are
// taken at, and the repo's aggregates as counts, labelled groups and decimal strings.
import { Decimal } from 'decimal.js';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Scope } from '../../platform/scope.ts';
import { categoryExists } from '../categories/service.ts';
import { lastOfMonth, monthIndex } from '../depreciation/calendar.ts';
import { getLocation } from '../locations/service.ts';
import * as repo from './metrics-repo.ts';
import * as valuation from './valuation.ts';
import type { WidgetFilters } from './schemas.ts';

export const money = (value: string) => new Decimal(value).toFixed(2);

export interface Measure {
  db: Db;
  filter: repo.ItemFilter;
  /** Where the location groups start: the location filter, else the caller's scope root, else the sites. */
  below: number | null;
  today: string;
  now: Date;
}

/** The caller's filters checked (a location out of scope or an unknown category is not found) and resolved. */
export async function measureFor(db: Db, filters: WidgetFilters, scope: Scope, now: Date): Promise<Measure> {
  if (filters.location_id !== undefined) await getLocation(db, filters.location_id, scope);
  if (filters.category_id !== undefined && !(await categoryExists(db, filters.category_id)))
    throw new NotFoundError('Category', filters.category_id);
  return {
    db,
    filter: {
      scopeRootId: scope.locationRootId,
      locationId: filters.location_id,
      categoryId: filters.category_id,
      status: filters.status,
    },
    below: filters.location_id ?? scope.locationRootId,
    today: now.toISOString().slice(0, 10),
    now,
  };
}

/** The ends of the `count` months before this one, oldest first. */
export function pastMonthEnds(today: string, count: number): string[] {
  const current = monthIndex(today);
  return Array.from({ length: count }, (_, k) => lastOfMonth(current - count + k));
}

/** Each of the `count` months up to and including this one, as from (the end of the month before) and to. */
export function monthsUpTo(today: string, count: number): { from: string; to: string }[] {
  const current = monthIndex(today);
  return Array.from({ length: count }, (_, k) => ({
    from: lastOfMonth(current - count + k),
    to: lastOfMonth(current - count + k + 1),
  }));
}

export interface Group {
  id: number | null;
  label: string;
  count: number;
}

/** Counts summed by group, most items first (then by label). */
function tally(entries: Group[]): Group[] {
  const groups = new Map<string, Group>();
  for (const { id, label, count } of entries) {
    const key = `${id}:${label}`;
    const group = groups.get(key);
    if (group) group.count += count;
    else groups.set(key, { id, label, count });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

const groupOf = (id: number | string | null, name: string | null, none: string, count: number): Group => ({
  id: id === null ? null : Number(id),
  label: id === null ? none : (name ?? String(id)),
  count,
});

export interface Fleet {
  total: number;
  byStatus: { status: string; count: number }[];
  byCategory: Group[];
  byLocation: Group[];
  /** Serialised items in stock, deployed or in repair; and of them, deployed or checked out. */
  inService: number;
  inUse: number;
}

/** The items in view counted every way the dashboards show them, from one scan. */
export async function fleet(m: Measure): Promise<Fleet> {
  const [rows, undeployedOut] = await Promise.all([
    repo.fleetCounts(m.db, m.filter, m.below),
    repo.checkedOutUndeployed(m.db, m.filter),
  ]);
  const sum = (of: repo.FleetGroup[], field: 'count' | 'in_service') =>
    of.reduce((total, row) => total + row[field], 0);
  return {
    total: sum(rows, 'count'),
    byStatus: tally(rows.map((r) => ({ id: null, label: r.status, count: r.count }))).map((g) => ({
      status: g.label,
      count: g.count,
    })),
    byCategory: tally(rows.map((r) => groupOf(r.category_id, r.category, 'No category', r.count))),
    byLocation: tally(rows.map((r) => groupOf(r.top_id, r.top, 'No location', r.count))),
    inService: sum(rows, 'in_service'),
    inUse:
      sum(
        rows.filter((r) => r.status === 'deployed'),
        'in_service',
      ) + undeployedOut,
  };
}

/** The first `top` groups by name, the rest summed as "Other". */
export function topGroups(groups: Group[], top: number): Group[] {
  const rest = groups.slice(top);
  if (rest.length === 0) return groups;
  const others = rest.reduce((sum, group) => sum + group.count, 0);
  return [...groups.slice(0, top), { id: null, label: `Other (${rest.length})`, count: others }];
}

export function utilisation({ inUse, inService }: Fleet) {
  const ratio = inService === 0 ? 0 : Number(new Decimal(inUse).div(inService).toFixed(4));
  return { in_use: inUse, in_service: inService, ratio };
}

export const overdueMaintenance = (m: Measure) => repo.overdueMaintenance(m.db, m.filter, m.today);
export const overdueCheckIns = (m: Measure) => repo.overdueCheckIns(m.db, m.filter, m.now);

/** Items owned, their cost and book value at each date, money as decimal strings. */
export async function valuationAt(m: Measure, dates: string[]) {
  const totals = await valuation.valueAt(m.db, m.filter, dates);
  return totals.map((t, k) => ({
    as_of: dates[k]!,
    items: t.items,
    cost: money(t.cost),
    book_value: money(t.book_value),
  }));
}

export async function depreciationIn(m: Measure, months: { from: string; to: string }[]) {
  const amounts = await valuation.depreciationIn(m.db, m.filter, months);
  return amounts.map((amount, k) => ({ month_end: months[k]!.to, depreciation: money(amount) }));
}
