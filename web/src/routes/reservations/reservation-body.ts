// A reservation form's body: whole local days, from the start of the first to the end of the last, for a
// person; and a reservation's span as the user reads it.
import type { paths } from '../../api/schema.d.ts';
import { endOfDay, startOfDay } from '../custody/holder.ts';

export type NewReservation = NonNullable<
  paths['/api/v1/items/{id}/reservations']['post']['requestBody']
>['content']['application/json'];
export type Reservation =
  paths['/api/v1/items/{id}/reservations']['get']['responses'][200]['content']['application/json']['data'][number];

export interface ReservationFormValues {
  user_id: string;
  starts_at: string;
  ends_at: string;
  note: string;
}

export function reservationBodyOf(values: ReservationFormValues): NewReservation {
  return {
    user_id: Number(values.user_id),
    starts_at: startOfDay(values.starts_at),
    ends_at: endOfDay(values.ends_at),
    ...(values.note.trim() && { note: values.note.trim() }),
  };
}

/** "3/4/2030 – 3/6/2030", or one date when it starts and ends the same local day. */
export function spanOf(r: Pick<Reservation, 'starts_at' | 'ends_at'>): string {
  const from = new Date(r.starts_at).toLocaleDateString();
  const to = new Date(r.ends_at).toLocaleDateString();
  return from === to ? from : `${from} – ${to}`;
}
