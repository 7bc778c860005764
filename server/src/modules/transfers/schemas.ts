// Transfer shapes: the request, each step's body, the listings' filters, and a transfer on the wire.
import { z } from 'zod';
import { transferStates } from '../../db/schema.ts';
import { PageQuery } from '../../platform/pagination.ts';
import { Id } from '../../platform/schemas.ts';

const Note = z.string().trim().max(2000);

/** Going past the destination's capacity on purpose: the reason is kept on the transfer and in history. */
export const CapacityOverride = z
  .object({ reason: z.string().trim().min(1, 'say why the capacity may be exceeded').max(2000) })
  .strict();

/** How many items one request may move: all or nothing, in one transaction. */
export const maxItemsPerTransfer = 500;

export const CreateTransfer = z
  .object({
    item_ids: z.array(Id).min(1, 'name at least one item').max(maxItemsPerTransfer),
    to_location_id: Id,
    note: Note.optional(),
    capacity_override: CapacityOverride.optional(),
  })
  .strict();
export type CreateTransfer = z.infer<typeof CreateTransfer>;

export const DispatchTransfer = z.object({ note: Note.optional() }).strict();
export type DispatchTransfer = z.infer<typeof DispatchTransfer>;

export const ReceiveTransfer = z
  .object({ note: Note.optional(), capacity_override: CapacityOverride.optional() })
  .strict();
export type ReceiveTransfer = z.infer<typeof ReceiveTransfer>;

export const CancelTransfer = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();
export type CancelTransfer = z.infer<typeof CancelTransfer>;

export const ListTransfersQuery = PageQuery.extend({
  state: z.enum(transferStates).optional(),
  location_id: Id.optional().describe('Transfers from or to this location'),
  item_id: Id.optional().describe('Transfers that moved (or would move) this item'),
});
export type ListTransfersQuery = z.infer<typeof ListTransfersQuery>;

export const LocationTransfersQuery = PageQuery.extend({
  state: z.enum(transferStates).optional(),
  direction: z.enum(['incoming', 'outgoing']).optional().describe('Both when left out'),
});
export type LocationTransfersQuery = z.infer<typeof LocationTransfersQuery>;

const Named = z.object({ id: z.number(), name: z.string() });

export const Transfer = z.object({
  id: z.number(),
  state: z.enum(transferStates),
  to_location_id: z.number(),
  to_location: Named,
  item_ids: z.array(z.number()),
  items: z.array(
    z.object({
      item_id: z.number(),
      sku: z.string(),
      name: z.string(),
      from_location_id: z.number().nullable(),
      from_location: Named.nullable(),
    }),
  ),
  note: z.string().nullable(),
  capacity_override_reason: z.string().nullable(),
  requested_by: z.string().nullable(),
  requested_at: z.string(),
  dispatched_by: z.string().nullable(),
  dispatched_at: z.string().nullable(),
  received_by: z.string().nullable(),
  received_at: z.string().nullable(),
  cancelled_by: z.string().nullable(),
  cancelled_at: z.string().nullable(),
  cancel_reason: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
});

export const LocationTransfer = Transfer.extend({
  direction: z.enum(['incoming', 'outgoing']).describe('Seen from the location asked about'),
});
