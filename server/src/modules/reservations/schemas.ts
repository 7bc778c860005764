// Reservation request and response shapes.
import { z } from 'zod';
import { reservationStatuses } from '../../db/schema.ts';
import { PageQuery } from '../../platform/pagination.ts';
import { Id, NullableText } from '../../platform/schemas.ts';

/** An instant on the wire: ISO 8601 with a zone, e.g. `2030-01-31T17:00:00Z`. */
export const Instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with a zone, e.g. 2030-01-31T17:00:00Z',
});

export const CreateReservation = z
  .object({
    user_id: Id,
    starts_at: Instant,
    ends_at: Instant,
    note: NullableText(2000).optional(),
  })
  .strict();
export type CreateReservation = z.infer<typeof CreateReservation>;

export const UpcomingQuery = PageQuery.extend({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(366)
    .default(7)
    .describe('Reservations starting within this many days'),
});
export type UpcomingQuery = z.infer<typeof UpcomingQuery>;

const Person = z.object({ id: z.number(), display_name: z.string(), email: z.string() });
export const ItemSummary = z.object({ id: z.number(), sku: z.string(), name: z.string() });

export const Reservation = z.object({
  id: z.number(),
  item_id: z.number(),
  item: ItemSummary,
  user_id: z.number(),
  user: Person,
  starts_at: z.string(),
  ends_at: z.string(),
  note: z.string().nullable(),
  status: z.enum(reservationStatuses),
  created_by: z.string().nullable(),
  cancelled_at: z.string().nullable(),
  cancelled_by: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
});
