// Categories: CRUD and hierarchy under /api/v1/categories; custom field definitions in field-routes.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion, sendCreated, withEtag } from '../../platform/conditional-requests.ts';
import { IdParams, PageOf, withProblems } from '../../platform/schemas.ts';
import { fieldRoutes } from './field-routes.ts';
import {
  Category,
  CategoryDetail,
  CreateCategory,
  ListCategoriesQuery,
  SubtreeNode,
  UpdateCategory,
} from './schemas.ts';
import * as service from './service.ts';

const tags = ['categories'];

export const categoryRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/categories',
    {
      config: { permission: 'categories:read' },
      schema: {
        tags,
        summary: 'List categories',
        querystring: ListCategoriesQuery,
        response: withProblems({ 200: PageOf(Category) }),
      },
    },
    (request) => service.listCategories(db, request.query),
  );

  app.get(
    '/categories/:id',
    {
      config: { permission: 'categories:read' },
      schema: {
        tags,
        summary: 'Get a category with its path and counts',
        params: IdParams,
        response: withProblems({ 200: CategoryDetail }),
      },
    },
    async (request, reply) => withEtag(reply, await service.getCategory(db, request.params.id)),
  );

  app.get(
    '/categories/:id/subtree',
    {
      config: { permission: 'categories:read' },
      schema: {
        tags,
        summary: 'The category and everything below it, depth-first',
        params: IdParams,
        response: withProblems({ 200: z.object({ data: z.array(SubtreeNode) }) }),
      },
    },
    async (request) => ({ data: await service.getSubtree(db, request.params.id) }),
  );

  app.post(
    '/categories',
    {
      config: { permission: 'categories:write' },
      schema: {
        tags,
        summary: 'Create a category',
        body: CreateCategory,
        response: withProblems({ 201: CategoryDetail }),
      },
    },
    async (request, reply) => {
      const category = await service.createCategory(db, request.body);
      return sendCreated(reply, category, `/api/v1/categories/${category.id}`);
    },
  );

  app.patch(
    '/categories/:id',
    {
      config: { permission: 'categories:write' },
      schema: {
        tags,
        summary: 'Update a category (send If-Match with its ETag)',
        params: IdParams,
        body: UpdateCategory,
        response: withProblems({ 200: CategoryDetail }),
      },
    },
    async (request, reply) => {
      const category = await service.updateCategory(
        db,
        request.params.id,
        request.body,
        expectedVersion(request),
      );
      return withEtag(reply, category);
    },
  );

  app.delete(
    '/categories/:id',
    {
      config: { permission: 'categories:write' },
      schema: {
        tags,
        summary: 'Delete a category without items or sub-categories',
        params: IdParams,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await service.deleteCategory(db, request.params.id, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  await app.register(fieldRoutes, { db });
};
