// Check-out, check-in and assignment shapes.
import { z } from 'zod';
import { checkinConditions } from '../../db/schema.ts';
import { PageQuery } from '../../platform/pagination.ts';
import { Id } from '../../platform/schemas.ts';
import { Instant } from '../reservations/schemas.ts';

const Note = z.string().trim().max(2000);

export const CheckOut = z
  .object({
    assignee_user_id: Id.optional().describe('A person; or give location_id, or parent_item_id (a kit)'),
    location_id: Id.optional(),
    parent_item_id: Id.optional(),
    expected_checkin: Instant.optional(),
    note: Note.optional(),
  })
  .strict()
  .describe('Exactly one of assignee_user_id, location_id, parent_item_id');
export type CheckOut = z.infer<typeof CheckOut>;

export const CheckIn = z
  .object({
    condition: z.enum(checkinConditions).describe('`damaged` sends the item to repair'),
    location_id: Id.optional().describe('Where the item is put back; unchanged if left out'),
    note: Note.optional(),
  })
  .strict();
export type CheckIn = z.infer<typeof CheckIn>;

export const AssignmentsQuery = PageQuery.extend({
  state: z
    .enum(['open', 'returned', 'all'])
    .optional()
    .describe('Open (not yet checked in), returned, or all'),
});
export type AssignmentsQuery = z.infer<typeof AssignmentsQuery>;

export const OverdueQuery = PageQuery.extend({
  as_of: Instant.optional().describe('Overdue as of this instant (default now)'),
});
export type OverdueQuery = z.infer<typeof OverdueQuery>;

const Named = z.object({ id: z.number(), name: z.string() });

export const Assignment = z.object({
  id: z.number(),
  item_id: z.number(),
  item: z.object({ id: z.number(), sku: z.string(), name: z.string(), serial_number: z.string().nullable() }),
  target_type: z.enum(['user', 'location', 'kit']),
  assignee_user_id: z.number().nullable(),
  assignee: z.object({ id: z.number(), display_name: z.string(), email: z.string() }).nullable(),
  location_id: z.number().nullable(),
  location: Named.nullable(),
  parent_item_id: z.number().nullable(),
  parent_item: Named.extend({ sku: z.string() }).nullable(),
  checked_out_at: z.string(),
  checked_out_by: z.string().nullable(),
  expected_checkin: z.string().nullable(),
  note: z.string().nullable(),
  accepted_at: z.string().nullable(),
  checked_in_at: z.string().nullable(),
  checked_in_by: z.string().nullable(),
  checkin_condition: z.string().nullable(),
  checkin_location_id: z.number().nullable(),
  checkin_note: z.string().nullable(),
  overdue: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
});
