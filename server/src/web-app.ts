// The web app's place at `/`. Until the React app lands (web issue) this is a plain page pointing at the API.
import type { FastifyInstance } from 'fastify';

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Enterprise Inventory</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1b1f24; }
  a { color: #0b5cad; } code { background: #f1f3f5; padding: 0 .25rem; border-radius: 3px; }
  li { margin: .4rem 0; }
</style>
</head>
<body>
<h1>Enterprise Inventory</h1>
<p>The server is running. The web app is on its way; meanwhile everything is in the API.</p>
<ol>
  <li>Sign in: <code>POST /api/v1/auth/login</code> with <code>{"email", "password"}</code> (the first admin's
    password was printed when the server first started, or is <code>ADMIN_PASSWORD</code>).</li>
  <li>Open the <a href="/api/docs">API documentation</a>, press <em>Authorize</em>, paste the
    <code>access_token</code>, and try any request in the browser.</li>
</ol>
<ul>
  <li>Items: <code>GET /api/v1/items?q=latitude&amp;facets=true</code> — search, filter, sort, page</li>
  <li>Sites: <code>GET /api/v1/locations?parent_location_id=root</code> and their <code>/subtree</code></li>
  <li>Categories, suppliers, tags, users, API keys: see the documentation</li>
  <li><a href="/health">Health</a> · <a href="/metrics">Metrics</a></li>
</ul>
</body>
</html>`;

export async function webApp(app: FastifyInstance): Promise<void> {
  app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(page),
  );
}
