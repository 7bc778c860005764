// Every error leaves as RFC 9457 problem+json. Deliberate 4xx keep their status; anything unknown is a 500
// whose details go to the log, never to the caller.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fromDatabaseError } from './database-errors.ts';
import { AppError, type FieldError } from './errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

const problemType = (kind: string) => `/problems/${kind}`;

function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Omit<Problem, 'instance'>) {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({ ...problem, instance: request.url });
}

function validationProblem(error: FastifyError): Omit<Problem, 'instance'> {
  const where = error.validationContext ?? 'body';
  const errors: FieldError[] = [];
  if (hasZodFastifySchemaValidationErrors(error)) {
    for (const issue of error.validation) {
      const segments = issue.instancePath.split('/').filter(Boolean);
      // A query parameter is named as the caller wrote it (`status`), not by the index of a split value.
      const path = (where === 'querystring' ? segments.slice(0, 1) : segments).join('.');
      const keys = (issue.params as { keys?: string[] }).keys;
      if (issue.keyword === 'unrecognized_keys' && keys) {
        for (const key of keys)
          errors.push({ field: path ? `${path}.${key}` : key, message: 'is not a known field' });
      } else {
        errors.push({ field: path || where, message: issue.message ?? 'is invalid' });
      }
    }
  }
  return {
    type: problemType('invalid-request'),
    title: 'Invalid request',
    status: 400,
    detail: `The request ${where} is invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    errors,
  };
}

export const problemHandler = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const { status, kind, title, message, errors } = error;
      if (status >= 500) request.log.error({ err: error }, title);
      return sendProblem(reply, request, {
        type: problemType(kind),
        title,
        status,
        detail: message,
        ...(errors.length ? { errors } : {}),
      });
    }
    if (error.validation) return sendProblem(reply, request, validationProblem(error));

    const mapped = fromDatabaseError(error);
    if (mapped) {
      return sendProblem(reply, request, {
        type: problemType(mapped.kind),
        title: mapped.title,
        status: mapped.status,
        detail: mapped.message,
        ...(mapped.errors.length ? { errors: mapped.errors } : {}),
      });
    }

    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx: malformed JSON, body too large, unsupported media type…
      return sendProblem(reply, request, {
        type: problemType(error.code ? error.code.toLowerCase().replace(/_/g, '-') : 'bad-request'),
        title: status === 413 ? 'Payload too large' : 'Bad request',
        status,
        detail: error.message,
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, {
      type: problemType('internal'),
      title: 'Internal server error',
      status: 500,
      detail: `Something went wrong on our side; quote request id ${request.id} when reporting it`,
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, {
      type: problemType('not-found'),
      title: 'Not found',
      status: 404,
      detail: `No route ${request.method} ${request.url.split('?')[0]}`,
    }),
  );
});
