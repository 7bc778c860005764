// Self-service request shapes.
import { z } from 'zod';
import { requestStatuses } from '../../db/schema.ts';
import { PageQuery } from '../../platform/pagination.ts';
import { Id } from '../../platform/schemas.ts';
import { Instant, ItemSummary } from '../reservations/schemas.ts';

export const CreateRequest = z
  .object({
    item_id: Id.optional().describe(
      'A particular item; or its sku, or category_id for any item of a category',
    ),
    sku: z.string().trim().min(1).max(64).optional().describe('A particular item by the SKU on its label'),
    category_id: Id.optional(),
    note: z.string().trim().min(1).max(2000).describe('What it is for'),
    needed_from: Instant.optional(),
    needed_until: Instant.optional().describe('Becomes the expected return when the request is approved'),
  })
  .strict();
export type CreateRequest = z.infer<typeof CreateRequest>;

export const ApproveRequest = z
  .object({
    item_id: Id.optional().describe('The item to hand out: required for a category request'),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type ApproveRequest = z.infer<typeof ApproveRequest>;

export const DeclineRequest = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();
export type DeclineRequest = z.infer<typeof DeclineRequest>;

export const RequestsQuery = PageQuery.extend({ status: z.enum(requestStatuses).optional() });
export type RequestsQuery = z.infer<typeof RequestsQuery>;

export const ItemRequest = z.object({
  id: z.number(),
  requester_user_id: z.number(),
  requester: z.object({ id: z.number(), display_name: z.string(), email: z.string() }),
  item_id: z.number().nullable(),
  item: ItemSummary.nullable().describe('The item asked for, named'),
  category_id: z.number().nullable(),
  category: z.object({ id: z.number(), name: z.string() }).nullable(),
  note: z.string().nullable(),
  needed_from: z.string().nullable(),
  needed_until: z.string().nullable(),
  status: z.enum(requestStatuses),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  decline_reason: z.string().nullable(),
  checkout_id: z.number().nullable(),
  approved_item_id: z.number().nullable().describe('The item handed out on approval'),
  approved_item: ItemSummary.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
});

export const RequestableCategories = z.object({
  data: z.array(z.object({ id: z.number(), name: z.string(), parent_category_id: z.number().nullable() })),
});
