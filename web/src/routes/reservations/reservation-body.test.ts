import { describe, expect, it } from 'vitest';
import { reservationBodyOf, spanOf } from './reservation-body.ts';

describe('the reservation form body', () => {
  it('holds the item from the start of the first local day to the end of the last, for the person', () => {
    expect(
      reservationBodyOf({ user_id: '7', starts_at: '2030-03-04', ends_at: '2030-03-06', note: '  ' }),
    ).toEqual({
      user_id: 7,
      starts_at: new Date(2030, 2, 4, 0, 0, 0).toISOString(),
      ends_at: new Date(2030, 2, 6, 23, 59, 59).toISOString(),
    });
  });

  it('keeps a note, trimmed', () => {
    const body = reservationBodyOf({
      user_id: '7',
      starts_at: '2030-03-04',
      ends_at: '2030-03-04',
      note: ' Demo ',
    });
    expect(body.note).toBe('Demo');
  });
});

describe('a reservation span', () => {
  it('shows one date for a single day and both ends otherwise', () => {
    const day = (d: number, h: number) => new Date(2030, 2, d, h).toISOString();
    expect(spanOf({ starts_at: day(4, 0), ends_at: day(4, 23) })).toBe(
      new Date(2030, 2, 4).toLocaleDateString(),
    );
    expect(spanOf({ starts_at: day(4, 0), ends_at: day(6, 23) })).toBe(
      `${new Date(2030, 2, 4).toLocaleDateString()} – ${new Date(2030, 2, 6).toLocaleDateString()}`,
    );
  });
});
