/**
 * Load test (issue: security and robustness): `myShifts` and a roster query on the medium sample
 * organisation, at a fixed request rate, reporting throughput and p50/p99 latency; then the same
 * while a large optimization runs in a worker thread. Runs against DATABASE_URL, or a throwaway
 * embedded PostgreSQL. Traffic goes to 127.0.0.1 only.
 *
 *   npm run bench:load -- [--rate 200] [--seconds 15]
 */
import 'reflect-metadata';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { Role } from '../src/auth/role.js';
import { TokenService } from '../src/auth/token.service.js';
import { startService } from '../src/bootstrap.js';
import { loadAppConfig } from '../src/config/app-config.js';
import { generateInstance } from '../src/core/generator/index.js';
import { runSolveInWorker } from '../src/core/optimizer/index.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { SampleOrganisationSeeder } from '../src/planning/sample-organisation.seeder.js';
import { RunStatus } from '../src/rostering/entities/optimization-run.entity.js';
import { OptimizationRunService } from '../src/rostering/optimization-run.service.js';
import { RosterService } from '../src/rostering/roster.service.js';

const WEEK = '2026-12-07';

async function databaseUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, stop: () => Promise.resolve() };
  const parent = await mkdtemp(join(tmpdir(), 'scheduler-load-'));
  await chmod(parent, 0o711);
  const db = await startEmbeddedPostgres({ dataDir: join(parent, 'pg'), persistent: false });
  return { url: db.url, stop: () => db.stop() };
}

async function publishedRosterOfMediumOrganisation(
  service: Awaited<ReturnType<typeof startService>>,
): Promise<{ rosterId: string; technicianId: string }> {
  await service.app.get(SampleOrganisationSeeder).seedOrganisation('medium', 1, WEEK);
  const runs = service.app.get(OptimizationRunService);
  const run = await runs.start(
    { week: WEEK, timeLimitSeconds: 10, pinnedShiftIds: [] },
    { subject: 'load-test', roles: [] },
  );
  let status = run;
  while (status.status === RunStatus.QUEUED || status.status === RunStatus.RUNNING) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    status = await runs.byId(run.id);
  }
  if (!status.rosterId)
    throw new Error(`the optimization ended ${status.status}: ${status.failureReason ?? ''}`);
  await service.app
    .get(RosterService)
    .publish(status.rosterId, { subject: 'load-test', roles: [] });
  const [row] = await service.app
    .get(DataSource)
    .query<{ employee_id: string }[]>(
      `SELECT s.employee_id FROM roster_shift s JOIN employee e ON e.id = s.employee_id WHERE s.roster_id = $1 AND e.role = 'TECHNICIAN' LIMIT 1`,
      [status.rosterId],
    );
  return { rosterId: status.rosterId, technicianId: row.employee_id };
}

interface Measured {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function measure(
  url: string,
  token: string,
  body: object,
  rate: number,
  seconds: number,
): Promise<Measured> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    connections: 20,
    overallRate: rate,
    duration: seconds,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '15' },
    },
  });
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  const db = await databaseUrl();
  const config = loadAppConfig({
    ...process.env,
    DATABASE_URL: db.url,
    PORT: '0',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    JWT_SECRET: 'load-test-secret-that-is-long-enough-to-use',
  });
  const service = await startService(config);
  try {
    const { rosterId, technicianId } = await publishedRosterOfMediumOrganisation(service);
    const tokens = service.app.get(TokenService);
    const technician = tokens.issue({
      subject: 'load-tech',
      roles: [Role.TECHNICIAN],
      employeeId: technicianId,
    });
    const manager = tokens.issue({ subject: 'load-manager', roles: [Role.MANAGER] });
    const myShifts = {
      query: `{ myShifts(from: "${WEEK}T00:00:00-05:00", to: "2026-12-14T00:00:00-05:00") { localStart localEnd paidHours allocations { queueName state hours } } }`,
    };
    const roster = {
      query: `query($id: ID!) { roster(id: $id) { version status shifts(employeeId: "${technicianId}") { localStart localEnd } } }`,
      variables: { id: rosterId },
    };
    const report = (scenario: string, m: Measured) =>
      console.log(JSON.stringify({ scenario, targetRate: rate, seconds, ...m }));
    report('myShifts', await measure(service.url, technician, myShifts, rate, seconds));
    report('roster', await measure(service.url, manager, roster, rate, seconds));
    const abort = new AbortController();
    const solving = runSolveInWorker(
      generateInstance('large', 1),
      { timeLimitSeconds: seconds * 2 + 30, seed: 1 },
      { signal: abort.signal },
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));
    report(
      'myShifts during a large solve',
      await measure(service.url, technician, myShifts, rate, seconds),
    );
    report(
      'roster during a large solve',
      await measure(service.url, manager, roster, rate, seconds),
    );
    abort.abort();
    await solving;
  } finally {
    await service.stop();
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
