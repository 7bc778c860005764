// Tags under /api/v1/tags: list with usage, create, rename or recolour, delete (both applied to every item).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { expectedVersion, sendCreated, withEtag } from '../../platform/conditional-requests.ts';
import { IdParams, PageOf, withProblems } from '../../platform/schemas.ts';
import { CreateTag, ListTagsQuery, Tag, UpdateTag } from './schemas.ts';
import * as service from './service.ts';

const tags = ['tags'];

export const tagRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/tags',
    {
      config: { permission: 'tags:read' },
      schema: {
        tags,
        summary: 'List tags by name, with how many items carry each',
        querystring: ListTagsQuery,
        response: withProblems({ 200: PageOf(Tag) }),
      },
    },
    (request) => service.listTags(db, request.query),
  );

  app.get(
    '/tags/:id',
    {
      config: { permission: 'tags:read' },
      schema: { tags, summary: 'Get a tag', params: IdParams, response: withProblems({ 200: Tag }) },
    },
    async (request, reply) => withEtag(reply, await service.getTag(db, request.params.id)),
  );

  app.post(
    '/tags',
    {
      config: { permission: 'tags:write' },
      schema: { tags, summary: 'Create a tag', body: CreateTag, response: withProblems({ 201: Tag }) },
    },
    async (request, reply) => {
      const tag = await service.createTag(db, request.body);
      return sendCreated(reply, tag, `/api/v1/tags/${tag.id}`);
    },
  );

  app.patch(
    '/tags/:id',
    {
      config: { permission: 'tags:write' },
      schema: {
        tags,
        summary: 'Rename or recolour a tag (send If-Match with its ETag); a rename applies to every item',
        params: IdParams,
        body: UpdateTag,
        response: withProblems({ 200: Tag }),
      },
    },
    async (request, reply) => {
      const tag = await service.updateTag(
        db,
        request.params.id,
        request.body,
        expectedVersion(request),
        request.actor,
      );
      return withEtag(reply, tag);
    },
  );

  app.delete(
    '/tags/:id',
    {
      config: { permission: 'tags:write' },
      schema: {
        tags,
        summary: 'Delete a tag and remove it from every item',
        params: IdParams,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await service.deleteTag(db, request.params.id, expectedVersion(request), request.actor);
      return reply.code(204).send(null);
    },
  );
};
