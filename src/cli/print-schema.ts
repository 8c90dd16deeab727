import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildSchemaFileText, SCHEMA_FILE } from '../common/graphql/schema-printer.js';

/** `npm run schema:generate` writes schema.gql; `npm run schema:check` fails when it differs from the code. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const generated = await buildSchemaFileText();
  if (!values.check) {
    await writeFile(SCHEMA_FILE, generated);
    console.log(`wrote ${SCHEMA_FILE}`);
    return;
  }
  const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
  if (committed !== generated) {
    console.error(
      'schema.gql differs from the schema the code generates: run `npm run schema:generate` and commit the result.',
    );
    process.exit(1);
  }
  console.log('schema.gql matches the code.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
