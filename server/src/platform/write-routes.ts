// Hooks only writes need (idempotency, forgetting cached answers and principals), attached only to the routes
// that can write: a global hook is work on every request, and most requests are reads.
import type {
  FastifyInstance,
  onSendAsyncHookHandler,
  preHandlerAsyncHookHandler,
  RouteOptions,
} from 'fastify';

export const readOnlyMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

const canWrite = (route: RouteOptions) =>
  [route.method].flat().some((method) => !readOnlyMethods.has(method));

function addToWriteRoutes(app: FastifyInstance, name: 'preHandler' | 'onSend', hook: unknown): void {
  app.addHook('onRoute', (route) => {
    if (!canWrite(route)) return;
    const existing: unknown[] = [route[name] ?? []].flat();
    Object.assign(route, { [name]: [...existing, hook] });
  });
}

/** `hook` before the handler of every route registered from now on in `app`'s context that accepts a write. */
export const beforeWrites = (app: FastifyInstance, hook: preHandlerAsyncHookHandler) =>
  addToWriteRoutes(app, 'preHandler', hook);

/** `hook` as the answer of every route registered from now on in `app`'s context that accepts a write leaves. */
export const asWritesAnswer = (app: FastifyInstance, hook: onSendAsyncHookHandler<unknown>) =>
  addToWriteRoutes(app, 'onSend', hook);
