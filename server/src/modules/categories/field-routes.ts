// Custom field definitions of a category under /api/v1/categories/:id/fields.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion, sendCreated, withEtag } from '../../platform/conditional-requests.ts';
import { IdParams, withProblems } from '../../platform/schemas.ts';
import { CreateField, Field, FieldParams, ListFieldsQuery, UpdateField } from './field-schemas.ts';
import * as service from './field-service.ts';

const tags = ['categories'];

export const fieldRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/categories/:id/fields',
    {
      config: { permission: 'categories:read' },
      schema: {
        tags,
        summary: "List a category's custom field definitions",
        params: IdParams,
        querystring: ListFieldsQuery,
        response: withProblems({ 200: z.object({ data: z.array(Field) }) }),
      },
    },
    async (request) => ({
      data: await service.listFields(db, request.params.id, request.query.include_inherited ?? false),
    }),
  );

  app.get(
    '/categories/:id/fields/:fieldId',
    {
      config: { permission: 'categories:read' },
      schema: {
        tags,
        summary: 'Get a custom field definition',
        params: FieldParams,
        response: withProblems({ 200: Field }),
      },
    },
    async (request, reply) =>
      withEtag(reply, await service.getField(db, request.params.id, request.params.fieldId)),
  );

  app.post(
    '/categories/:id/fields',
    {
      config: { permission: 'categories:write' },
      schema: {
        tags,
        summary: 'Define a custom field for items of this category and its sub-categories',
        params: IdParams,
        body: CreateField,
        response: withProblems({ 201: Field }),
      },
    },
    async (request, reply) => {
      const field = await service.createField(db, request.params.id, request.body);
      return sendCreated(reply, field, `/api/v1/categories/${field.category_id}/fields/${field.id}`);
    },
  );

  app.patch(
    '/categories/:id/fields/:fieldId',
    {
      config: { permission: 'categories:write' },
      schema: {
        tags,
        summary: 'Update a custom field definition (send If-Match with its ETag)',
        params: FieldParams,
        body: UpdateField,
        response: withProblems({ 200: Field }),
      },
    },
    async (request, reply) => {
      const field = await service.updateField(
        db,
        request.params.id,
        request.params.fieldId,
        request.body,
        expectedVersion(request),
      );
      return withEtag(reply, field);
    },
  );

  app.delete(
    '/categories/:id/fields/:fieldId',
    {
      config: { permission: 'categories:write' },
      schema: {
        tags,
        summary: 'Delete a custom field definition no item holds a value for',
        params: FieldParams,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await service.deleteField(db, request.params.id, request.params.fieldId, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );
};
