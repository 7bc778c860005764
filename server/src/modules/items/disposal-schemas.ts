// Disposal request and response shapes.
import { z } from 'zod';
import { disposalMethods } from '../../db/schema.ts';
import { IsoDate, Money } from '../../platform/schemas.ts';
import { Item } from './schemas.ts';

export const DisposeItem = z
  .object({
    method: z.enum(disposalMethods),
    disposed_on: IsoDate,
    proceeds: Money.default('0.00').describe('What the organisation received (sale price, trade-in credit)'),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict();
export type DisposeItem = z.infer<typeof DisposeItem>;

export const Disposal = z.object({
  id: z.number(),
  item_id: z.number(),
  method: z.enum(disposalMethods),
  disposed_on: z.string(),
  proceeds: z.string(),
  book_value: z
    .string()
    .nullable()
    .describe('Book value on the disposal date; null if the item has no price'),
  gain_loss: z.string().nullable().describe('Proceeds less book value: negative is a loss'),
  notes: z.string().nullable(),
  disposed_by: z.string().nullable(),
  created_at: z.string(),
});

export const DisposalWithItem = Disposal.extend({ item: Item });
