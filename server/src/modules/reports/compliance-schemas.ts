// Compliance report shapes: the audit trail of items, changes by user, assets missing an owner or a location,
// and warranty and lease expiries.
import { z } from 'zod';
import { PageQuery } from '../../platform/pagination.ts';
import { Id, PageOf } from '../../platform/schemas.ts';
import { ReportFilters } from './filters.ts';
import { PeriodQuery } from './period.ts';
import { ItemLineFields } from './item-lines.ts';
import { linesFormat as format, withoutPaging } from './schemas.ts';

const atMostItems = { min: 'must name at least one item', max: 'at most 200 items' };

/** Item ids as `item_ids=1,2,3` or repeated; an already parsed list (a stored schedule's) passes as it is. */
const ItemIds = z
  .union([
    z.array(Id).min(1, atMostItems.min).max(200, atMostItems.max),
    z
      .string()
      .max(3000)
      .transform((text) =>
        text
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(
            z
              .string()
              .regex(/^[1-9]\d{0,14}$/, 'must be numeric ids')
              .transform(Number),
          )
          .min(1, atMostItems.min)
          .max(200, atMostItems.max),
      ),
  ])
  .describe('Up to 200 item ids, comma-separated');

// ── Audit trail ──────────────────────────────────────────────────────────────────────────────────────────────

export const AuditTrailQuery = z
  .object({ ...PeriodQuery, ...ReportFilters, item_ids: ItemIds.optional(), format, ...PageQuery.shape })
  .strict();
export const AuditTrailFilters = AuditTrailQuery.omit(withoutPaging);
export type AuditTrailFilters = z.infer<typeof AuditTrailFilters>;

export const AuditTrailLine = z.object({
  occurred_at: z.string(),
  source: z
    .enum(['audit_log', 'asset_history'])
    .describe('A row change the database recorded, or an entry of the item history'),
  item_id: z.number(),
  sku: z.string(),
  item_name: z.string(),
  entity_type: z.string().describe('The table changed (inventory_items, checkouts …), or asset_history'),
  entity_id: z.string().nullable(),
  action: z.string(),
  actor: z.string(),
  actor_user_id: z.number().nullable(),
  details: z
    .record(z.string(), z.unknown())
    .describe('audit_log: {before, after} (on update only the fields that changed); history: its data'),
  notes: z.string().nullable(),
});
export type AuditTrailLine = z.infer<typeof AuditTrailLine>;

export const AuditTrail = PageOf(AuditTrailLine).extend({ from: z.string(), to: z.string() });

// ── Changes by user ──────────────────────────────────────────────────────────────────────────────────────────

const changesShape = {
  ...PeriodQuery,
  ...ReportFilters,
  actor_user_id: Id.optional().describe('The changes of this user'),
  actor_label: z.string().trim().min(1).max(200).optional().describe('The changes by this name as recorded'),
  entity_type: z.string().trim().min(1).max(60).optional().describe('The changes to one table'),
  action: z.enum(['create', 'update', 'delete']).optional(),
};

export const ChangesFilters = z.object(changesShape).strict();
export type ChangesFilters = z.infer<typeof ChangesFilters>;
export const ChangesQuery = z
  .object({ ...changesShape, format: format.describe('json, or a download') })
  .strict();
export const ChangeLinesQuery = z.object({ ...changesShape, format, ...PageQuery.shape }).strict();

const Actor = { actor_user_id: z.number().nullable(), actor_label: z.string() };

export const ChangeCount = z.object({
  ...Actor,
  entity_type: z.string(),
  action: z.string(),
  changes: z.number(),
});
export type ChangeCount = z.infer<typeof ChangeCount>;

export const ChangeLine = z.object({
  seq: z.number(),
  occurred_at: z.string(),
  ...Actor,
  entity_type: z.string(),
  entity_id: z.string().nullable(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type ChangeLine = z.infer<typeof ChangeLine>;

export const Changes = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object({ changes: z.number(), users: z.number() }),
  counts: z.array(ChangeCount).describe('Per user, table and action'),
});

export const ChangeLines = PageOf(ChangeLine).extend({ from: z.string(), to: z.string() });

// ── Assets missing an owner or a location ──────────────────────────────────────────────────────────────────

export const gaps = ['owner', 'location'] as const;

export const GapsQuery = z
  .object({
    ...ReportFilters,
    missing: z
      .enum(gaps)
      .optional()
      .describe('Only those without an owner, or only those without a location'),
    format,
    ...PageQuery.shape,
  })
  .strict();
export const GapsFilters = GapsQuery.omit(withoutPaging);
export type GapsFilters = z.infer<typeof GapsFilters>;

export const GapLine = z.object({
  ...ItemLineFields,
  missing: z.array(z.enum(gaps)),
  purchase_price: z.string().nullable(),
});
export type GapLine = z.infer<typeof GapLine>;

export const Gaps = PageOf(GapLine).extend({
  totals: z.object({
    items: z.number(),
    without_owner: z.number(),
    without_location: z.number(),
    purchase_price: z.string(),
  }),
});

// ── Warranty and lease expiries ────────────────────────────────────────────────────────────────────────────

export const expiryKinds = ['warranty', 'lease'] as const;

export const ExpiriesQuery = z
  .object({
    ...PeriodQuery,
    ...ReportFilters,
    kind: z.enum(expiryKinds).optional().describe('Only warranties, or only leases'),
    format,
    ...PageQuery.shape,
  })
  .strict();
export const ExpiriesFilters = ExpiriesQuery.omit(withoutPaging);
export type ExpiriesFilters = z.infer<typeof ExpiriesFilters>;

export const ExpiryLine = z.object({
  ...ItemLineFields,
  kind: z.enum(expiryKinds),
  expires_on: z.string(),
  days_left: z.number().describe('From today; negative once it has passed'),
  purchase_price: z.string().nullable(),
});
export type ExpiryLine = z.infer<typeof ExpiryLine>;

export const Expiries = PageOf(ExpiryLine).extend({
  from: z.string(),
  to: z.string(),
  totals: z.object({ warranties: z.number(), leases: z.number() }),
});
