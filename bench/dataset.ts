// The benchmark database: created if missing, migrated and topped up to the wanted number of items by the
// `eis seed --items` generator, vacuumed and analysed, then described for the scenarios.
import pg from 'pg';
import { runEis } from './eis-cli.ts';
import type { DatasetFacts } from './scenarios.ts';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  await withClient(maintenance.toString(), async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return;
    process.stdout.write(`Creating database ${name}\n`);
    await client.query(`create database ${client.escapeIdentifier(name)}`);
  });
}

const countItems = (url: string) =>
  withClient(url, async (c) => {
    const { rows } = await c.query<{ n: number }>('select count(*)::int as n from inventory_items');
    return rows[0]!.n;
  });

export async function prepareDataset(url: string, wantedItems: number): Promise<DatasetFacts> {
  await createDatabaseIfMissing(url);
  await runEis(['migrate'], { DATABASE_URL: url });
  const present = await countItems(url);
  if (present < wantedItems) {
    process.stdout.write(`${present} items present; generating ${wantedItems - present} more\n`);
    await runEis(['seed', '--items', String(wantedItems - present)], { DATABASE_URL: url });
  }
  // What the hourly job keeps ready in production: the month ends the dashboards and the register read.
  await runEis(['jobs', 'valuation-rollup'], { DATABASE_URL: url });
  return withClient(url, async (c) => {
    // Fresh statistics and visibility map, so plans and index-only scans are what a settled database gets.
    await c.query('vacuum (analyze)');
    const { rows } = await c.query<{ items: number; min_id: string | null; max_id: string | null }>(
      'select count(*)::int as items, min(id) as min_id, max(id) as max_id from inventory_items',
    );
    const { rows: top } = await c.query<{ id: string }>(
      'select id from categories where parent_category_id is null order by id',
    );
    const [facts] = rows;
    if (!facts?.items || facts.min_id === null || facts.max_id === null || top.length === 0) {
      throw new Error(
        'The benchmark database holds no items or no categories: did `eis seed --items` generate any?',
      );
    }
    return {
      items: facts.items,
      minId: Number(facts.min_id),
      maxId: Number(facts.max_id),
      topCategoryIds: top.map((r) => Number(r.id)),
    };
  });
}
