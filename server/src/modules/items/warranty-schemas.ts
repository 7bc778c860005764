// Warranty shapes: the expiring-soon window and an item with the days its warranty has left.
import { z } from 'zod';
import { PageQuery } from '../../platform/pagination.ts';
import { IsoDate, PageOf } from '../../platform/schemas.ts';
import { Item } from './schemas.ts';

export const WarrantyQuery = PageQuery.extend({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(30)
    .describe('The window: warranties ending within this many days (30, 60, 90 or any of 1–365)'),
  as_of: IsoDate.optional().describe('Counted from this day (default today)'),
});
export type WarrantyQuery = z.infer<typeof WarrantyQuery>;

export const ExpiringItem = Item.extend({ days_left: z.number().describe('Days until the warranty ends') });
export const ExpiringPage = PageOf(ExpiringItem);
