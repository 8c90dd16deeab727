// Plain JavaScript: Jest loads global setup outside its module mapper, so this uses the compiled
// service code (`npm test` builds first, in `pretest`).
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Tests run against DATABASE_URL when it is set (CI: the machine's PostgreSQL). Otherwise a
 * throwaway embedded cluster is started for the run, so `npm test` needs nothing but Node.js.
 * Each test file then creates its own database on that server (test/support/test-database.ts).
 */
export default async function globalSetup() {
  if (process.env.DATABASE_URL) return;
  const { startEmbeddedPostgres } = await import('../../dist/src/database/embedded-postgres.js');
  const parent = await mkdtemp(join(tmpdir(), 'scheduler-test-'));
  await chmod(parent, 0o711); // the server runs as the OS user "postgres" when tests run as root
  const dataDir = join(parent, 'pg');
  const database = await startEmbeddedPostgres({
    dataDir,
    persistent: false,
    databaseName: 'postgres',
  });
  globalThis.__embeddedTestDatabase = database;
  process.env.DATABASE_URL = database.url;
}
