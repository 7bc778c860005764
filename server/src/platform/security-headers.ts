// Helmet's security headers on every answer, worked out once at start-up. @fastify/helmet rebuilds helmet's
// middleware (parsing the content security policy again) for every request, a measurable share of a small
// read's CPU; our policy is the same for every request, so its headers are too. A route that needs another
// policy (the API docs) sets its own header, which wins over these.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet would set for `options`, by running its middleware once against a recorder. */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  // helmet checks its options as it builds the middleware (a bad one stops start-up); running it only sets headers.
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return headers;
}

export const securityHeaders = fp(async (app: FastifyInstance, options: HelmetOptions) => {
  const headers = helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
});
