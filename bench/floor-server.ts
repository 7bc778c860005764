// The least a Node server can do for get-by-id: node:http and pg, the API's own SQL as a prepared statement,
// the row as JSON; no routing, authentication, validation or encryption. With `fixed` it answers a constant
// body without the database: HTTP alone. Started by floor.ts: node bench/floor-server.ts <query|fixed> <port>,
// with FLOOR_DATABASE_URL and FLOOR_SQL (one parameter, the id) in the environment.
import http from 'node:http';
import pg from 'pg';

const [mode, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: 20 });
const text = process.env.FLOOR_SQL ?? '';
const fixedBody = JSON.stringify({ id: 1, name: 'Dell Latitude 7440' });

async function answer(url: string): Promise<string> {
  if (mode === 'fixed' || url === '/ready') return fixedBody;
  const id = Number(url.slice(url.lastIndexOf('/') + 1));
  const { rows } = await pool.query({ name: 'item_by_id', text, values: [id] });
  return JSON.stringify(rows[0]);
}

http
  .createServer((request, response) => {
    answer(request.url ?? '/').then(
      (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(body),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  })
  .listen(Number(port), '127.0.0.1');
