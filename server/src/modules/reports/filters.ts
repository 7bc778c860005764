// The filters every report takes, and how an export prints them: by name, not id.
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { itemStatuses } from '../../db/schema.ts';
import { Id } from '../../platform/schemas.ts';
import type { Scope } from '../../platform/scope.ts';
import { getCategory } from '../categories/service.ts';
import { getLocation } from '../locations/service.ts';
import { getSupplier } from '../suppliers/service.ts';

export const ReportFilters = {
  location_id: Id.optional().describe('This location and all below it'),
  category_id: Id.optional().describe('This category and all below it'),
  supplier_id: Id.optional(),
  status: z.enum(itemStatuses).optional(),
};
export type ReportFilters = z.infer<z.ZodObject<typeof ReportFilters>>;

/**
 * The filters as label and value for an export's heading. Each id must exist and the location be in the caller's
 * scope: otherwise 404, as the report itself would answer.
 */
export async function printFilters(db: Db, f: ReportFilters, scope: Scope): Promise<[string, string][]> {
  const printed: [string, string][] = [];
  if (f.location_id !== undefined) {
    printed.push(['Location (and below)', (await getLocation(db, f.location_id, scope)).name]);
  }
  if (f.category_id !== undefined) {
    printed.push(['Category (and below)', (await getCategory(db, f.category_id)).name]);
  }
  if (f.supplier_id !== undefined) printed.push(['Supplier', (await getSupplier(db, f.supplier_id)).name]);
  if (f.status !== undefined) printed.push(['Status', f.status]);
  return printed;
}
