import 'reflect-metadata';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import { AppModule } from '../../src/app.module.js';
import { Role } from '../../src/auth/role.js';
import { TokenService } from '../../src/auth/token.service.js';
import { configureApp } from '../../src/bootstrap.js';
import {
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../../src/database/embedded-postgres.js';
import { testConfig, type GraphQLResponse } from '../support/test-app.js';

/**
 * Faults the service must survive: its database restarting under it, and a client walking away
 * in the middle of a bulk write. The database is a throwaway embedded PostgreSQL of this file's
 * own, stopped and started for real on the same port (the shared server cannot be restarted).
 */

const APP_CONNECTIONS = `application_name = 'telepharmacy-scheduler'`;
const UPSERT = `mutation($input: UpsertEmployeesInput!) { upsertEmployees(input: $input) { applied created unchanged } }`;

let dataDir: string;
let database: EmbeddedDatabase | undefined;
let port: number;
let app: NestExpressApplication;
let baseUrl: string;
let hr: string;
let admin: string;
let canceller: string;

async function startDatabase(): Promise<void> {
  database = await startEmbeddedPostgres({
    dataDir,
    persistent: true,
    databaseName: 'faults',
    ...(port !== undefined && { port }),
  });
  port = Number(new URL(database.url).port);
}

async function stopDatabase(): Promise<void> {
  await database?.stop();
  database = undefined;
}

/** A client of our own, beside the service's pool; it may be cut off when the server stops. */
async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: database!.url });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

async function sql<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]> {
  const client = await connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  token: string,
  signal?: AbortSignal,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  return { status: response.status, ...((await response.json()) as object) };
}

const readiness = async (): Promise<number> => (await fetch(`${baseUrl}/health/ready`)).status;

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const employeeRows = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    externalId: `${prefix}-${String(i).padStart(4, '0')}`,
    role: 'TECHNICIAN',
    name: `Employee ${i}`,
    timeZone: 'America/Chicago',
    hireDate: '2024-01-01',
    hourlyRate: 25,
  }));

const countRows = async (prefix: string): Promise<number> =>
  Number(
    (
      await sql<{ n: string }>(`SELECT count(*) AS n FROM employee WHERE external_id LIKE $1`, [
        `${prefix}-%`,
      ])
    )[0].n,
  );

/**
 * Holds the service's bulk insert in the middle of its transaction: an uncommitted row of our own
 * with the externalId of the last row makes the service's INSERT wait on the unique index, after
 * it has written the rows before it. Rolling back or losing this client lets the service go on.
 */
async function blockUpsertAt(externalId: string): Promise<pg.Client> {
  const blocker = await connect();
  await blocker.query('BEGIN');
  await blocker.query(
    `INSERT INTO employee (external_id, role, name, time_zone, hire_date, hourly_rate)
     VALUES ($1, 'TECHNICIAN', 'blocker', 'UTC', '2024-01-01', 1)`,
    [externalId],
  );
  return blocker;
}

/** Resolves once the service's bulk INSERT waits on the blocker, its earlier rows written. */
async function serviceWaitsOnLock(): Promise<void> {
  const waiting = await until('the service to wait inside its transaction', async () => {
    const [backend] = await sql<{ query: string }>(
      `SELECT query FROM pg_stat_activity WHERE ${APP_CONNECTIONS} AND wait_event_type = 'Lock'`,
    );
    return backend;
  });
  expect(waiting.query).toMatch(/^INSERT INTO "employee"/);
}

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'scheduler-faults-'));
  await chmod(parent, 0o711); // the server runs as the OS user "postgres" when tests run as root
  dataDir = join(parent, 'pg');
  await startDatabase();
  const config = testConfig(database!.url);
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config)],
  }).compile();
  app = moduleRef.createNestApplication<NestExpressApplication>({
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const tokens = app.get(TokenService);
  hr = tokens.issue({ subject: 'hr', roles: [Role.HR_SYSTEM] });
  admin = tokens.issue({ subject: 'admin', roles: [Role.ADMIN] });
  canceller = tokens.issue({ subject: 'canceller', roles: [Role.HR_SYSTEM] });
}, 90_000);

// A test that failed half-way must not leave the next one without a database.
beforeEach(async () => {
  if (!database) await startDatabase();
});

afterAll(async () => {
  await app?.close();
  await stopDatabase();
  if (dataDir) await rm(join(dataDir, '..'), { recursive: true, force: true });
}, 60_000);

describe('the database restarting while the service runs', () => {
  const LIST = `query { employees(first: 5) { edges { node { externalId } } } }`;

  it('answers SERVICE_UNAVAILABLE and not ready while it is down, and reconnects by itself', async () => {
    expect((await gql(LIST, {}, admin)).errors).toBeUndefined();
    expect(await readiness()).toBe(200);

    await stopDatabase();
    const read = await gql(LIST, {}, admin);
    const write = await gql(UPSERT, { input: { rows: employeeRows('D', 1) } }, hr);
    for (const res of [read, write]) {
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(res.errors?.[0].message).toMatch(/database is unavailable/);
      expect(JSON.stringify(res)).not.toMatch(/ECONNREFUSED|stack|127\.0\.0\.1|SELECT|INSERT/);
    }
    expect(await readiness()).toBe(503);

    await startDatabase();
    // The same process, without a restart: the pool replaces the connections it lost.
    const recovered = await until('a successful query after the restart', async () => {
      const res = await gql(LIST, {}, admin);
      return res.errors === undefined ? res : undefined;
    });
    expect(recovered.data).toEqual({ employees: { edges: [] } });
    expect(await readiness()).toBe(200);
    const written = await gql<{ upsertEmployees: { created: number } }>(
      UPSERT,
      { input: { rows: employeeRows('D', 1) } },
      hr,
    );
    expect(written.data?.upsertEmployees.created).toBe(1);
  }, 60_000);

  it('leaves nothing half-written of a bulk upsert it interrupts', async () => {
    const rows = employeeRows('H', 1000);
    const blocker = await blockUpsertAt(rows[999].externalId);
    const pending = gql(UPSERT, { input: { rows } }, hr);
    await serviceWaitsOnLock(); // 500+ rows are written, not committed

    // A fast shutdown ends every session: the service's INSERT, or (when the blocker's end lets
    // the INSERT finish first) the COMMIT that would follow it, is cut off.
    await stopDatabase();
    const interrupted = await pending;
    expect(interrupted.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    await blocker.end().catch(() => undefined);

    await startDatabase();
    expect(await countRows('H')).toBe(0);
    const retried = await until('the retried upsert', async () => {
      const res = await gql<{ upsertEmployees: { created: number } }>(
        UPSERT,
        { input: { rows } },
        hr,
      );
      return res.errors === undefined ? res : undefined;
    });
    expect(retried.data?.upsertEmployees.created).toBe(1000);
    expect(await countRows('H')).toBe(1000);
  }, 60_000);
});

describe('a request cancelled in the middle of a mutation', () => {
  it('is committed whole or not at all, recorded as it ended, and the service keeps serving', async () => {
    const rows = employeeRows('C', 1000);
    const blocker = await blockUpsertAt(rows[999].externalId);
    const cancel = new AbortController();
    const pending = gql(UPSERT, { input: { rows } }, canceller, cancel.signal);
    await serviceWaitsOnLock();

    cancel.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    await blocker.query('ROLLBACK'); // the service's transaction may go on
    await blocker.end();

    // The audit event is written once the mutation has ended, however it ended.
    const audited = await until('the audit event of the cancelled upsert', async () => {
      const [event] = await sql<{ outcome: string; changed: number }>(
        `SELECT outcome, jsonb_array_length(changes) AS changed FROM audit_event
         WHERE subject = 'canceller' AND kind = 'MUTATION'`,
      );
      return event;
    });
    const stored = await countRows('C');
    expect([0, 1000]).toContain(stored);
    // The trail tells the same story as the table: all 1000 created, or a failure and none.
    expect(audited.changed).toBe(stored);
    expect(audited.outcome === 'OK').toBe(stored === 1000);

    const again = await gql<{ upsertEmployees: { created: number; unchanged: number } }>(
      UPSERT,
      { input: { rows } },
      hr,
    );
    expect(again.errors).toBeUndefined();
    expect(again.data?.upsertEmployees).toMatchObject(
      stored === 1000 ? { created: 0, unchanged: 1000 } : { created: 1000, unchanged: 0 },
    );
    expect(await countRows('C')).toBe(1000);
  }, 60_000);
});
