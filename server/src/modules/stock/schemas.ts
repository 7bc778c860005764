// Stock request and response shapes. Quantities travel as decimal strings (NUMERIC(14,3)), never floats; a plain
// JSON number is accepted on the way in and read through its decimal text.
import { z } from 'zod';
import { stockMovementKinds } from '../../db/schema.ts';
import { PageQuery } from '../../platform/pagination.ts';
import { Id, Money } from '../../platform/schemas.ts';

const decimalText = (pattern: RegExp, message: string) =>
  z
    .union([z.string(), z.number()])
    .transform((value) => String(value).trim())
    .pipe(z.string().regex(pattern, message));

/** Up to 11 digits and 3 decimals, zero included. */
const Amount = decimalText(
  /^\d{1,11}(\.\d{1,3})?$/,
  'must be a non-negative decimal with at most 3 decimals, e.g. "12.5"',
);
/** An amount that moves: more than zero. */
export const Quantity = Amount.refine((v) => /[1-9]/.test(v), 'must be more than zero');
const SignedQuantity = decimalText(
  /^[-+]?\d{1,11}(\.\d{1,3})?$/,
  'must be a decimal with at most 3 decimals, e.g. "-2" or "4.5"',
).refine((v) => /[1-9]/.test(v), 'must not be zero');

const Reason = z.string().trim().min(1).max(500);
const Reference = z.string().trim().min(1).max(200);

export const Receive = z
  .object({
    location_id: Id,
    quantity: Quantity,
    unit_cost: Money.optional().describe('Price paid per unit, a decimal string'),
    reference: Reference.optional().describe('Purchase order, delivery note …'),
    reason: Reason.optional(),
  })
  .strict();
export type Receive = z.infer<typeof Receive>;

export const Issue = z
  .object({
    location_id: Id,
    quantity: Quantity,
    reason: Reason,
    issued_to_user_id: Id.optional().describe('Who took it, if a person'),
    reference: Reference.optional(),
  })
  .strict();
export type Issue = z.infer<typeof Issue>;

export const Adjust = z
  .object({
    location_id: Id,
    counted_quantity: Amount.optional().describe('What a stocktake counted: the level becomes this'),
    delta: SignedQuantity.optional().describe('Or a correction by this much, e.g. "-2"'),
    reason: Reason,
    reference: Reference.optional(),
  })
  .strict()
  .describe('Exactly one of counted_quantity and delta');
export type Adjust = z.infer<typeof Adjust>;

export const Transfer = z
  .object({
    from_location_id: Id,
    to_location_id: Id,
    quantity: Quantity,
    reason: Reason.optional(),
    reference: Reference.optional(),
  })
  .strict();
export type Transfer = z.infer<typeof Transfer>;

export const LevelSettings = z
  .object({
    min_level: Amount.nullable().describe('Safety stock: the least that should be on hand'),
    reorder_point: Amount.nullable().describe('At or below this, the level is suggested for reordering'),
    reorder_quantity: Quantity.nullable().describe('The lot ordered at a time'),
  })
  .strict();
export type LevelSettings = z.infer<typeof LevelSettings>;

export const LevelParams = z.object({ id: Id, location_id: Id });

export const StockLevel = z.object({
  item_id: z.number(),
  location_id: z.number(),
  location_name: z.string(),
  quantity: z.string(),
  unit: z.string(),
  min_level: z.string().nullable(),
  reorder_point: z.string().nullable(),
  reorder_quantity: z.string().nullable(),
  below_min_level: z.boolean(),
  at_or_below_reorder_point: z.boolean(),
  updated_at: z.string(),
  version: z.number(),
});

export const ItemStock = z.object({
  item_id: z.number(),
  unit: z.string(),
  total_quantity: z.string().describe('Over the locations listed (those the caller may see)'),
  levels: z.array(StockLevel),
});

export const StockMovement = z.object({
  id: z.number(),
  item_id: z.number(),
  kind: z.enum(stockMovementKinds),
  quantity: z.string(),
  from_location_id: z.number().nullable(),
  to_location_id: z.number().nullable(),
  balance_after: z.string().describe('The level at the location this movement changed, just after it'),
  reason: z.string().nullable(),
  unit_cost: z.string().nullable(),
  reference: z.string().nullable(),
  issued_to_user_id: z.number().nullable(),
  performed_by: z.string().nullable(),
  created_at: z.string(),
});

export const MovementResult = z.object({
  movements: z.array(StockMovement).describe('Empty when a stocktake found what was expected'),
  levels: z.array(StockLevel).describe('The levels the movements changed, as they are now'),
});

export const MovementsQuery = PageQuery.strict();
export type MovementsQuery = z.infer<typeof MovementsQuery>;

export const ReorderQuery = PageQuery.extend({
  location_id: Id.optional().describe('This location and all below it'),
}).strict();
export type ReorderQuery = z.infer<typeof ReorderQuery>;

export const LevelsQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(200).optional().describe("Part of the item's name or SKU"),
  location_id: Id.optional().describe('This location and all below it'),
  low: z
    .enum(['true', 'false'])
    .optional()
    .describe('Only levels below their minimum or at or below their reorder point'),
}).strict();
export type LevelsQuery = z.infer<typeof LevelsQuery>;

export const LevelEntry = StockLevel.extend({
  item: z.object({ id: z.number(), sku: z.string(), name: z.string() }),
});

export const ReorderSuggestion = z.object({
  item: z.object({ id: z.number(), sku: z.string(), name: z.string(), unit: z.string() }),
  location: z.object({ id: z.number(), name: z.string() }),
  quantity: z.string(),
  min_level: z.string().nullable(),
  reorder_point: z.string(),
  reorder_quantity: z.string().nullable(),
  suggested_quantity: z
    .string()
    .describe(
      'Whole lots of reorder_quantity that lift the level above the reorder point; without one, what brings it up to reorder_point + min_level',
    ),
  supplier: z.object({ id: z.number(), name: z.string() }).nullable().describe("The item's supplier"),
  last_unit_cost: z.string().nullable().describe('Unit cost of the latest receipt that had one'),
});
