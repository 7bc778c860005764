// Location occupancy against capacity: now, and at each month end of the period, rebuilt from item history.
import { Decimal } from 'decimal.js';
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../../platform/scope.ts';
import { defineReport } from './catalog.ts';
import { periodHeading } from './heading.ts';
import { itemsInPeriod, type ItemFilter } from './item-filter.ts';
import { byId, everyLine, linePage, type PageRequest } from './keyset.ts';
import { lastTwelveMonths, monthEndsIn, type Period } from './period.ts';
import type { Column, ReportTable } from './table.ts';
import * as repo from './utilisation-occupancy-repo.ts';
import { OccupancyFilters, type Occupancy, type OccupancyLine } from './utilisation-schemas.ts';

function percentOf(items: number, capacity: number | null): number | null {
  if (capacity === null || capacity === 0) return null;
  return Number(new Decimal(items).times(100).dividedBy(capacity).toFixed(2));
}

const present =
  (monthEnds: string[]) =>
  (row: repo.OccupancyRow): OccupancyLine => ({
    location_id: Number(row.id),
    name: row.name,
    capacity: row.capacity,
    occupancy: row.occupancy,
    occupancy_percent: percentOf(row.occupancy, row.capacity),
    trend: monthEnds.map((monthEnd, n) => ({
      month_end: monthEnd,
      occupancy: row.trend[n] ?? 0,
      occupancy_percent: percentOf(row.trend[n] ?? 0, row.capacity),
    })),
  });

const byLocationId = byId<OccupancyLine>((line) => line.location_id);

interface Scoped {
  filter: ItemFilter;
  period: Period;
  monthEnds: string[];
}

async function scoped(db: Db, filters: OccupancyFilters, scope: Scope): Promise<Scoped> {
  const { filter, period } = await itemsInPeriod(db, filters, scope, lastTwelveMonths);
  return { filter, period, monthEnds: monthEndsIn(period) };
}

const fetchLines = (db: Db, s: Scoped) => async (afterId: number | null, limit: number) =>
  (await repo.occupancyPage(db, s.filter, s.monthEnds, afterId, limit)).map(present(s.monthEnds));

export async function locationOccupancy(
  db: Db,
  filters: OccupancyFilters,
  scope: Scope,
  page: PageRequest,
): Promise<Occupancy> {
  const s = await scoped(db, filters, scope);
  return { ...s.period, month_ends: s.monthEnds, ...(await linePage(fetchLines(db, s), byLocationId, page)) };
}

function columns(monthEnds: string[]): Column<OccupancyLine>[] {
  return [
    { header: 'Location', kind: 'text', width: 24, value: (r) => r.name },
    { header: 'Capacity', kind: 'count', width: 9, value: (r) => r.capacity },
    { header: 'Items now', kind: 'count', width: 9, value: (r) => r.occupancy },
    { header: 'Use % now', kind: 'number', width: 9, value: (r) => r.occupancy_percent },
    ...monthEnds.map((monthEnd, n): Column<OccupancyLine> => ({
      header: monthEnd,
      kind: 'count',
      width: 9,
      value: (r) => r.trend[n]!.occupancy,
    })),
  ];
}

export const occupancyReport = defineReport({
  key: 'location-occupancy',
  title: 'Location occupancy',
  filters: OccupancyFilters,
  async table(db, filters, scope): Promise<ReportTable<OccupancyLine>> {
    const s = await scoped(db, filters, scope);
    const totals = await repo.occupancyTotals(db, s.filter, s.monthEnds);
    return {
      ...(await periodHeading(db, scope, filters, {
        title: 'Location occupancy',
        fileName: 'location-occupancy',
        period: s.period,
        lines: [['Trend', 'items at the end of each month; capacity as it is now']],
      })),
      columns: columns(s.monthEnds),
      rows: everyLine(fetchLines(db, s), byLocationId),
      totals: [
        `Total (${totals.locations} locations)`,
        totals.capacity,
        totals.occupancy,
        null,
        ...s.monthEnds.map((_, n) => totals.trend[n] ?? 0),
      ],
    };
  },
});
