// Physical audits under /api/v1: start one for a location, scan items into it, close it, list and read them,
// and the audit's report as JSON pages or a CSV, Excel or PDF download.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion, sendCreated, withEtag } from '../../platform/conditional-requests.ts';
import { IdParams, PageOf, withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { sendFile } from '../reports/export.ts';
import { getStocktake, listStocktakes } from './listings.ts';
import { reportPage, stocktakeReport } from './report.ts';
import {
  CloseStocktake,
  ListStocktakesQuery,
  ScanItem,
  ScanResult,
  StartStocktake,
  Stocktake,
  StocktakeReportPage,
  StocktakeReportQuery,
} from './schemas.ts';
import * as service from './service.ts';

const tags = ['stocktakes'];

export const stocktakeRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/stocktakes',
    {
      config: { permission: 'stocktakes:write' },
      schema: {
        tags,
        summary: 'Start a physical audit of a location and everything below it (accepts Idempotency-Key)',
        description:
          'Records who started it and when, and takes the items placed in the subtree now (not disposed, ' +
          'tracked one by one) as expected. A location with an open audit already is a 409 naming `location_id`.',
        body: StartStocktake,
        response: withProblems({ 201: Stocktake }),
      },
    },
    async (request, reply) => {
      const stocktake = await service.startStocktake(db, request.body, request.actor, scopeOf(request));
      return sendCreated(reply, stocktake, `/api/v1/stocktakes/${stocktake.id}`);
    },
  );

  app.post(
    '/stocktakes/:id/scans',
    {
      config: { permission: 'stocktakes:write' },
      schema: {
        tags,
        summary: 'Record an item as seen: by `code` (SKU or serial number, as a label reads) or `item_id`',
        description:
          'The first scan of an item answers 201; scanning it again answers 200 with `repeated: true` and only ' +
          'counts. A code no item (you can see) has is a 404 naming `code`; a closed audit is a 409 naming ' +
          '`state`. `location_id`, the room it was found in, must lie within the audited location.',
        params: IdParams,
        body: ScanItem,
        response: withProblems({ 200: ScanResult, 201: ScanResult }),
      },
    },
    async (request, reply) => {
      const scan = await service.scanItem(
        db,
        request.params.id,
        request.body,
        request.actor,
        scopeOf(request),
      );
      return reply.code(scan.repeated ? 200 : 201).send(scan);
    },
  );

  app.post(
    '/stocktakes/:id/close',
    {
      config: { permission: 'stocktakes:write' },
      schema: {
        tags,
        summary: 'Close the audit: found, missing and unexpected are final (If-Match optional)',
        description:
          'One transaction. `move_unexpected` moves each unexpected item to the room it was scanned in; ' +
          '`mark_missing_lost` marks each missing item lost where its status allows. Items checked out or in ' +
          'an open transfer are left as they are. A closed audit takes no more scans.',
        params: IdParams,
        body: CloseStocktake,
        response: withProblems({ 200: Stocktake }),
      },
    },
    async (request, reply) => {
      const stocktake = await service.closeStocktake(
        db,
        request.params.id,
        request.body,
        expectedVersion(request),
        request.actor,
        scopeOf(request),
      );
      return withEtag(reply, stocktake);
    },
  );

  app.get(
    '/stocktakes',
    {
      config: { permission: 'stocktakes:read' },
      schema: {
        tags,
        summary: 'Physical audits, newest first, by location (and below) and state, with progress counts',
        querystring: ListStocktakesQuery,
        response: withProblems({ 200: PageOf(Stocktake) }),
      },
    },
    (request) => listStocktakes(db, request.query, scopeOf(request)),
  );

  app.get(
    '/stocktakes/:id',
    {
      config: { permission: 'stocktakes:read' },
      schema: {
        tags,
        summary: 'Get a physical audit with its progress: expected, found, missing, unexpected',
        params: IdParams,
        response: withProblems({ 200: Stocktake }),
      },
    },
    async (request, reply) => withEtag(reply, await getStocktake(db, request.params.id, scopeOf(request))),
  );

  app.get(
    '/stocktakes/:id/report',
    {
      config: { permission: 'stocktakes:read' },
      schema: {
        tags,
        summary: "The audit's lines: SKU, name, expected and scanned location, result",
        description:
          'By SKU. JSON pages carry the audit (state and counts); `format=csv|xlsx|pdf` downloads every line.',
        params: IdParams,
        querystring: StocktakeReportQuery,
        response: withProblems({ 200: StocktakeReportPage }),
      },
    },
    async (request, reply) => {
      const { format, limit, cursor, result } = request.query;
      const scope = scopeOf(request);
      const id = request.params.id;
      if (format !== 'json') {
        return sendFile(reply, await stocktakeReport.write(db, { stocktake_id: id, result }, scope, format));
      }
      return reportPage(db, id, { result, limit, cursor }, scope);
    },
  );
};
