// Suppliers: CRUD under /api/v1/suppliers.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion, sendCreated, withEtag } from '../../platform/conditional-requests.ts';
import { IdParams, PageOf, withProblems } from '../../platform/schemas.ts';
import { CreateSupplier, ListSuppliersQuery, Supplier, UpdateSupplier } from './schemas.ts';
import * as service from './service.ts';

const tags = ['suppliers'];

export const supplierRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/suppliers',
    {
      config: { permission: 'suppliers:read' },
      schema: {
        tags,
        summary: 'List suppliers',
        querystring: ListSuppliersQuery,
        response: withProblems({ 200: PageOf(Supplier) }),
      },
    },
    (request) => service.listSuppliers(db, request.query),
  );

  app.get(
    '/suppliers/:id',
    {
      config: { permission: 'suppliers:read' },
      schema: {
        tags,
        summary: 'Get a supplier with the count of items bought from it',
        params: IdParams,
        response: withProblems({ 200: Supplier }),
      },
    },
    async (request, reply) => withEtag(reply, await service.getSupplier(db, request.params.id)),
  );

  app.post(
    '/suppliers',
    {
      config: { permission: 'suppliers:write' },
      schema: {
        tags,
        summary: 'Create a supplier',
        body: CreateSupplier,
        response: withProblems({ 201: Supplier }),
      },
    },
    async (request, reply) => {
      const supplier = await service.createSupplier(db, request.body);
      return sendCreated(reply, supplier, `/api/v1/suppliers/${supplier.id}`);
    },
  );

  app.patch(
    '/suppliers/:id',
    {
      config: { permission: 'suppliers:write' },
      schema: {
        tags,
        summary: 'Update a supplier (send If-Match with its ETag)',
        params: IdParams,
        body: UpdateSupplier,
        response: withProblems({ 200: Supplier }),
      },
    },
    async (request, reply) => {
      const supplier = await service.updateSupplier(
        db,
        request.params.id,
        request.body,
        expectedVersion(request),
      );
      return withEtag(reply, supplier);
    },
  );

  app.delete(
    '/suppliers/:id',
    {
      config: { permission: 'suppliers:write' },
      schema: {
        tags,
        summary: 'Delete a supplier no item refers to',
        params: IdParams,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await service.deleteSupplier(db, request.params.id, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );
};
