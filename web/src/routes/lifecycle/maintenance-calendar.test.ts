import { describe, expect, it } from 'vitest';
import {
  durationText,
  groupByDay,
  isMonth,
  isOverdue,
  localToday,
  monthWeeks,
  monthWindow,
  shiftMonth,
  technicianOptions,
  type Occurrence,
} from './maintenance-calendar.ts';

const occurrence = (overrides: Partial<Occurrence>): Occurrence => ({
  date: '2026-05-04',
  projected: false,
  schedule_id: 1,
  status: 'scheduled',
  item: { id: 1, sku: 'S', name: 'Scale', location_id: null },
  maintenance_type: 'calibration',
  technician_user_id: null,
  technician: null,
  estimated_duration: null,
  ...overrides,
});

describe('the calendar month', () => {
  it('spans the month, leap days included, and steps across years', () => {
    expect(monthWindow('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthWindow('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-07')).toBe(true);
  });

  it('lays the month out in whole weeks from Monday', () => {
    const weeks = monthWeeks('2026-06'); // 1 June 2026 is a Monday, the 30th a Tuesday
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toBe('2026-06-01');
    expect(weeks[4]).toEqual([
      '2026-06-29',
      '2026-06-30',
      '2026-07-01',
      '2026-07-02',
      '2026-07-03',
      '2026-07-04',
      '2026-07-05',
    ]);
    expect(monthWeeks('2026-11')[0]![0]).toBe('2026-10-26'); // 1 November 2026 is a Sunday
  });

  it('reads today on the local calendar', () => {
    expect(localToday(new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
  });
});

describe('occurrences', () => {
  it('group by day in date order, keeping each day’s order', () => {
    const days = groupByDay([
      occurrence({ date: '2026-05-09', schedule_id: 3 }),
      occurrence({ date: '2026-05-02', schedule_id: 1 }),
      occurrence({ date: '2026-05-09', schedule_id: 2 }),
    ]);
    expect(days.map((d) => [d.date, d.entries.map((e) => e.schedule_id)])).toEqual([
      ['2026-05-02', [1]],
      ['2026-05-09', [3, 2]],
    ]);
  });

  it('are overdue only when due before today and not started; projected repeats never', () => {
    const today = '2026-05-10';
    expect(isOverdue(occurrence({ date: '2026-05-09' }), today)).toBe(true);
    expect(isOverdue(occurrence({ date: '2026-05-10' }), today)).toBe(false);
    expect(isOverdue(occurrence({ date: '2026-05-09', status: 'in_progress' }), today)).toBe(false);
    expect(isOverdue(occurrence({ date: '2026-05-09', projected: true }), today)).toBe(false);
  });

  it('offer each technician once: a person by id, anyone else by name', () => {
    expect(
      technicianOptions([
        occurrence({ technician_user_id: 7, technician: 'Tess' }),
        occurrence({ technician_user_id: 7, technician: 'Tess' }),
        occurrence({ technician: 'Acme Lifts' }),
        occurrence({}),
      ]),
    ).toEqual([
      { value: 'Acme Lifts', label: 'Acme Lifts' },
      { value: '7', label: 'Tess' },
    ]);
  });
});

describe('durations in words', () => {
  it('reads ISO 8601', () => {
    expect(durationText('PT2H30M')).toBe('2 h 30 min');
    expect(durationText('P1M2DT45M')).toBe('1 mo 2 d 45 min');
    expect(durationText(null)).toBe('—');
    expect(durationText('soon')).toBe('soon');
  });
});
