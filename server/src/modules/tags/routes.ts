import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';

export const tagRoutes: FastifyPluginAsyncZod<{ db: Db }> = async () => {};
