// The web app: the built React app (web/dist) at every non-API path. Hashed assets are cached for a year;
// index.html, the service worker and the manifest are revalidated on every load so a new build shows at once.
// Other paths fall back to index.html (the app routes them), except under /api and names of missing files.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const defaultWebDistDir = path.resolve(import.meta.dirname, '../../web/dist');

const notBuilt = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Enterprise Inventory</title></head>
<body><h1>Enterprise Inventory</h1>
<p>The API is running, but the web app has not been built: run <code>npm start</code> (it builds it) or
<code>npm run web:build</code>. Meanwhile, see the <a href="/api/docs">API documentation</a>.</p></body></html>`;

export async function webApp(app: FastifyInstance, options: { distDir: string }): Promise<void> {
  if (!existsSync(path.join(options.distDir, 'index.html'))) {
    app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(notBuilt),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: options.distDir,
    wildcard: false,
    preCompressed: true,
    schemaHide: true,
    cacheControl: false,
    setHeaders(reply, filePath) {
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    // API paths and missing files (a name with an extension) are not app routes: they stay a 404.
    if (pathname === '/api' || pathname.startsWith('/api/') || /\.[a-z0-9]+$/i.test(pathname)) {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
