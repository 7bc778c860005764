// Physical audit shapes: starting, scanning, closing, the listings' filters, and an audit and its lines on the wire.
import { z } from 'zod';
import { stocktakeOutcomes, stocktakeStates } from '../../db/schema.ts';
import { PageQuery } from '../../platform/pagination.ts';
import { Id, PageOf } from '../../platform/schemas.ts';
import { exportFormats } from '../reports/schemas.ts';

const Note = z.string().trim().max(2000);

export const StartStocktake = z
  .object({
    location_id: Id.describe('The location to audit, with everything below it'),
    note: Note.optional(),
  })
  .strict();
export type StartStocktake = z.infer<typeof StartStocktake>;

export const ScanItem = z
  .object({
    item_id: Id.optional().describe('The item, when it is known by id'),
    code: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(100)
      .optional()
      .describe('What the label reads: the SKU, or the serial number (ignoring case)'),
    location_id: Id.optional().describe('The room it was found in, within the audited location'),
  })
  .strict();
export type ScanItem = z.infer<typeof ScanItem>;

export const CloseStocktake = z
  .object({
    move_unexpected: z
      .boolean()
      .default(false)
      .describe('Move each unexpected item to the room it was scanned in (with a history entry)'),
    mark_missing_lost: z
      .boolean()
      .default(false)
      .describe('Mark each missing item lost, where its status allows it (with a history entry)'),
  })
  .strict();
export type CloseStocktake = z.infer<typeof CloseStocktake>;

export const ListStocktakesQuery = PageQuery.extend({
  location_id: Id.optional().describe('Audits of this location or any below it'),
  state: z.enum(stocktakeStates).optional(),
}).strict();
export type ListStocktakesQuery = z.infer<typeof ListStocktakesQuery>;

export const stocktakeResults = ['found', 'missing', 'unexpected'] as const;
export type StocktakeResult = (typeof stocktakeResults)[number];

export const StocktakeReportQuery = z
  .object({
    result: z.enum(stocktakeResults).optional().describe('Only the lines with this result'),
    format: z
      .enum(exportFormats)
      .default('json')
      .describe('json pages with `limit`/`cursor`; csv, xlsx and pdf download every line'),
    ...PageQuery.shape,
  })
  .strict();
export type StocktakeReportQuery = z.infer<typeof StocktakeReportQuery>;

/** The report's filters as the catalogue and a schedule take them: which audit, and which lines. */
export const StocktakeReportFilters = z
  .object({ stocktake_id: Id, result: z.enum(stocktakeResults).optional() })
  .strict();
export type StocktakeReportFilters = z.infer<typeof StocktakeReportFilters>;

const Named = z.object({ id: z.number(), name: z.string() });

export const Progress = z.object({
  expected: z.number().describe('Items whose location was in the subtree at the start'),
  found: z.number().describe('Expected and scanned'),
  missing: z.number().describe('Expected and not scanned (so far, while open)'),
  unexpected: z.number().describe('Scanned and not expected'),
  scanned: z.number().describe('Items scanned, found or unexpected'),
  moved: z.number().describe('Unexpected items closing moved to where they were scanned'),
  marked_lost: z.number().describe('Missing items closing marked lost'),
});

export const Stocktake = z.object({
  id: z.number(),
  state: z.enum(stocktakeStates),
  location_id: z.number(),
  location: Named,
  note: z.string().nullable(),
  started_by: z.string().nullable(),
  started_at: z.string(),
  closed_by: z.string().nullable(),
  closed_at: z.string().nullable(),
  move_unexpected: z.boolean(),
  mark_missing_lost: z.boolean(),
  progress: Progress,
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
});

export const StocktakeLine = z.object({
  item_id: z.number(),
  sku: z.string(),
  name: z.string(),
  result: z.enum(stocktakeResults).describe('missing means not scanned (yet, while the audit is open)'),
  expected_location: Named.nullable().describe(
    'Where the records put it: at the start, or at its first scan',
  ),
  scanned_location: Named.nullable().describe('The room it was last scanned in, if the scanner said'),
  scan_count: z.number(),
  scanned_by: z.string().nullable(),
  scanned_at: z.string().nullable(),
  outcome: z.enum(stocktakeOutcomes).nullable().describe('What closing did to the item'),
});
export type StocktakeLine = z.infer<typeof StocktakeLine>;

export const ScanResult = z.object({
  line: StocktakeLine,
  repeated: z.boolean().describe('The item had been scanned in this audit already: only its count went up'),
  progress: Progress,
});

export const StocktakeReportPage = PageOf(StocktakeLine).extend({
  stocktake: Stocktake,
});
