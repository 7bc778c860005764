// Recurrence arithmetic and durations: month ends, leap years, cadence kept after late work.
import { describe, expect, it } from 'vitest';
import { isDuration, isoDuration } from './duration.ts';
import { addDays, addMonths, nextOccurrenceAfter, occurrencesBetween } from './recurrence.ts';

describe('calendar recurrence', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-30', 90)).toBe('2024-06-28');
  });

  it('keeps the anchor day through short months: Jan 31 → Feb 28/29 → Mar 31', () => {
    const monthly = { kind: 'months', every: 1, anchorDay: 31 } as const;
    expect(occurrencesBetween(monthly, '2023-01-31', '2023-01-01', '2023-05-31', 100)).toEqual([
      '2023-01-31',
      '2023-02-28',
      '2023-03-31',
      '2023-04-30',
      '2023-05-31',
    ]);
    expect(occurrencesBetween(monthly, '2024-01-31', '2024-02-01', '2024-03-31', 100)).toEqual([
      '2024-02-29',
      '2024-03-31',
    ]);
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2024-11-30', 3, 30)).toBe('2025-02-28');
  });

  it('steps every N months over year ends', () => {
    const quarterly = { kind: 'months', every: 3, anchorDay: 15 } as const;
    expect(occurrencesBetween(quarterly, '2024-11-15', '2024-01-01', '2025-12-31', 100)).toEqual([
      '2024-11-15',
      '2025-02-15',
      '2025-05-15',
      '2025-08-15',
      '2025-11-15',
    ]);
  });

  it('moves to the first occurrence after a date, on the original cadence', () => {
    const weekly = { kind: 'days', every: 7 } as const;
    expect(nextOccurrenceAfter(weekly, '2024-01-01', '2024-01-01')).toBe('2024-01-08');
    expect(nextOccurrenceAfter(weekly, '2024-01-01', '2024-01-20')).toBe('2024-01-22');
    const monthly = { kind: 'months', every: 1, anchorDay: 31 } as const;
    expect(nextOccurrenceAfter(monthly, '2024-01-31', '2024-02-10')).toBe('2024-02-29');
    expect(nextOccurrenceAfter(monthly, '2024-01-31', '2024-02-29')).toBe('2024-03-31');
    // Years late: still lands on the cadence, not a step from today.
    expect(nextOccurrenceAfter({ kind: 'days', every: 10 }, '2020-01-01', '2024-06-01')).toBe('2024-06-08');
  });

  it('projects only inside the window and stops at the cap', () => {
    const daily = { kind: 'days', every: 1 } as const;
    expect(occurrencesBetween(daily, '2024-01-01', '2024-03-01', '2024-03-03', 100)).toEqual([
      '2024-03-01',
      '2024-03-02',
      '2024-03-03',
    ]);
    expect(occurrencesBetween(daily, '2024-01-01', '2024-01-01', '2024-12-31', 5)).toHaveLength(5);
    expect(occurrencesBetween(daily, '2024-05-01', '2024-01-01', '2024-04-30', 100)).toEqual([]);
  });
});

describe('durations', () => {
  it('accepts ISO 8601 and words, refuses the rest', () => {
    for (const ok of [
      'PT2H30M',
      'P1DT4H',
      'PT90M',
      'P1W',
      '2 hours',
      '90 minutes',
      '1 hour 30 minutes',
      '1.5 hours',
    ]) {
      expect(isDuration(ok), ok).toBe(true);
    }
    for (const bad of [
      '',
      'soon',
      'PT',
      'P',
      '-2 hours',
      '0 hours',
      'PT0S',
      '2 fortnights',
      '12345678 hours',
    ]) {
      expect(isDuration(bad), bad).toBe(false);
    }
  });

  it("answers PostgreSQL's interval text as ISO 8601", () => {
    expect(isoDuration('02:30:00')).toBe('PT2H30M');
    expect(isoDuration('1 day 04:00:00')).toBe('P1DT4H');
    expect(isoDuration('1 year 2 mons 3 days 04:05:06.5')).toBe('P1Y2M3DT4H5M6.5S');
    expect(isoDuration('7 days')).toBe('P7D');
    expect(isoDuration(null)).toBeNull();
  });
});
