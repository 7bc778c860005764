import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';

export const itemRoutes: FastifyPluginAsyncZod<{ db: Db }> = async () => {};
