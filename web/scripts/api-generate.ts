// `npm run api:generate` writes web/src/api/schema.d.ts; `npm run api:check` fails when the committed one is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { generateApiTypes, schemaFile } from './openapi-types.ts';

const generated = await generateApiTypes();
if (process.argv.includes('--check')) {
  const committed = readFileSync(schemaFile, 'utf8');
  if (committed !== generated) {
    process.stderr.write('web/src/api/schema.d.ts is stale: run `npm run api:generate` and commit it.\n');
    process.exit(1);
  }
  process.stdout.write('The API client types match the server.\n');
} else {
  writeFileSync(schemaFile, generated);
  process.stdout.write(`Wrote ${schemaFile.pathname}\n`);
}
