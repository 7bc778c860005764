// Audit log payloads.
import { z } from 'zod';
import { PageOf } from '../../platform/schemas.ts';

export const AuditQuery = z
  .object({
    actor_user_id: z.coerce.number().int().positive().optional(),
    action: z.string().max(60).optional(),
    entity_type: z.string().max(60).optional(),
    entity_id: z.string().max(100).optional(),
    from: z.iso.datetime({ offset: true }).optional().describe('Entries at or after this instant'),
    to: z.iso.datetime({ offset: true }).optional().describe('Entries before this instant'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().regex(/^\d+$/, 'is not a cursor this listing issued').optional(),
  })
  .strict();

const Changes = z.record(z.string(), z.unknown()).nullable();

export const AuditEntry = z.object({
  seq: z.number(),
  occurred_at: z.string(),
  actor_user_id: z.number().nullable(),
  actor_label: z.string(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  request_id: z.string().nullable(),
  action: z
    .string()
    .describe('create, update, delete (row changes) or a security event such as auth.sign_in'),
  entity_type: z.string().nullable().describe('The table changed, e.g. inventory_items'),
  entity_id: z.string().nullable(),
  before: Changes.describe('On update, only the fields that changed'),
  after: Changes,
  prev_hash: z.string(),
  hash: z.string(),
});

export const AuditPage = PageOf(AuditEntry);
