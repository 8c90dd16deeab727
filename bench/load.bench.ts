/**
 * Load test (issue 8): `myShifts` and a roster query on the medium sample organisation at a fixed
 * request rate, reporting throughput and p50/p99 latency, quiet and while a large optimization
 * runs in a worker thread of the service's process (as the service runs its solves). Runs against
 * DATABASE_URL (an empty database), or a throwaway embedded PostgreSQL. Traffic goes to 127.0.0.1
 * only.
 *
 * The service runs as deployed: NODE_ENV=production (unless set) and LOG_LEVEL info, so it writes
 * its JSON line per request to stdout; the results go to stderr, one JSON line per run and one
 * with the medians of each scenario (and the p99 of all its runs' requests pooled). The load comes
 * from a separate process (load-driver.ts); each run starts with `warmup` seconds that are not
 * counted, and a first round of every scenario warms the service up uncounted. Then each of `runs`
 * rounds measures every scenario quiet, then every scenario during a solve, so drift in the
 * machine falls on both alike. `myShifts` asks as each technician of the roster in turn;
 * "myShifts, roster changing" bumps the published roster's rowVersion every second meanwhile, as a
 * shift trade does, so every technician's next answer is computed afresh.
 *
 *   npm run bench:load -- [--rate 200] [--roster-rate 50] [--seconds 15] [--warmup 3] [--runs 3]
 *     [--generator open|autocannon] [--connections N] [--log-level info] [--no-solve]
 *     [--scenarios myShifts,churn,roster] > service.log
 */
import './load-env.js';
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
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
import { type DriveJob, type DriveResult, percentile } from './load-driver.js';

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
): Promise<{ rosterId: string; technicianIds: string[] }> {
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
  const rows = await service.app
    .get(DataSource)
    .query<{ employee_id: string }[]>(
      `SELECT DISTINCT s.employee_id FROM roster_shift s JOIN employee e ON e.id = s.employee_id WHERE s.roster_id = $1 AND e.role = 'TECHNICIAN' ORDER BY s.employee_id`,
      [status.rosterId],
    );
  return { rosterId: status.rosterId, technicianIds: rows.map((r) => r.employee_id) };
}

/** One measurement, driven from a child process (see load-driver.ts). */
async function measure(job: DriveJob): Promise<DriveResult> {
  const driver = fork(fileURLToPath(new URL('./load-driver.js', import.meta.url)), [], {
    // Not the server's flags (e.g. --cpu-prof): the driver is only the client.
    execArgv: [],
  });
  const answered = new Promise<DriveResult>((resolve, reject) => {
    driver.once('message', (result: DriveResult) => resolve(result));
    driver.once('exit', (code) => reject(new Error(`the load driver exited with ${code}`)));
  });
  driver.send(job);
  return answered;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface Scenario {
  /** What --scenarios names it by. */
  key: 'myShifts' | 'churn' | 'roster';
  name: string;
  rate: number;
  requests: DriveJob['requests'];
  /** Bumps the published roster's rowVersion every second while measuring. */
  churn?: boolean;
}

type Condition = 'quiet' | 'solving';
type RunLine = DriveResult & {
  serverCpuMsPerRequest?: number;
  eventLoopDelayMaxMs: number;
  runQueueWaitMs: number;
};

/** The main thread's time waiting on a run queue so far (schedstat's second field), or 0. */
function runQueueWaitMs(): number {
  try {
    return (
      Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6
    );
  } catch {
    return 0;
  }
}

function scenarioName(name: string, condition: Condition): string {
  return condition === 'quiet' ? name : `${name} during a large solve`;
}

/**
 * The medians of the runs' figures, and the p99 of all their requests pooled: one stall of the
 * machine in a 10 s run moves that run's p99 a lot, the pooled one much less.
 */
function medians(lines: RunLine[]) {
  const pick = (key: 'requestsPerSecond' | 'p50Ms' | 'p99Ms') =>
    median(lines.map((line) => line[key]));
  const cpu = lines.flatMap((line) => line.serverCpuMsPerRequest ?? []);
  return {
    medianOfRuns: lines.length,
    requestsPerSecond: pick('requestsPerSecond'),
    p50Ms: pick('p50Ms'),
    p99Ms: pick('p99Ms'),
    p99OfRuns: lines.map((line) => line.p99Ms),
    pooledP99Ms: percentile(
      lines.flatMap((line) => line.latenciesMs ?? []).sort((a, b) => a - b),
      99,
    ),
    ...(cpu.length > 0 && { serverCpuMsPerRequest: median(cpu) }),
    errors: lines.reduce((sum, line) => sum + line.errors, 0),
  };
}

/**
 * Runs `measure` in a condition: as it is, or while a large optimization runs in a worker thread
 * of this (the service's) process, started 3 s before (its construction phase over) and stopped
 * after.
 */
async function duringCondition(
  condition: Condition,
  seconds: number,
  measure: () => Promise<void>,
): Promise<void> {
  if (condition === 'quiet') return measure();
  const abort = new AbortController();
  let solveEnded = false;
  const solve = runSolveInWorker(
    generateInstance('large', 1),
    // Long enough to outlast the measurements; stopped when they are done.
    { timeLimitSeconds: seconds + 60, seed: 1 },
    { signal: abort.signal },
  ).finally(() => (solveEnded = true));
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await measure();
  if (solveEnded) throw new Error('the large solve ended before the measurements did');
  abort.abort();
  await solve.catch(() => undefined);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string', default: '200' },
      'roster-rate': { type: 'string', default: '50' },
      seconds: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '3' },
      runs: { type: 'string', default: '3' },
      connections: { type: 'string' },
      generator: { type: 'string', default: 'open' },
      'log-level': { type: 'string', default: 'info' },
      solve: { type: 'boolean', default: true },
      scenarios: { type: 'string' },
    },
    allowNegative: true,
  });
  const rate = Number(values.rate);
  const rosterRate = Number(values['roster-rate']);
  const seconds = Number(values.seconds);
  const warmupSeconds = Number(values.warmup);
  const runs = Number(values.runs);
  const generator = values.generator === 'autocannon' ? 'autocannon' : 'open';
  if (values.generator !== generator) throw new Error('--generator: open or autocannon');
  // autocannon's connections each wait for their answer; the open-loop driver's are only a pool.
  const connections = Number(values.connections ?? (generator === 'open' ? 64 : 20));
  const report = (line: object) => console.error(JSON.stringify(line));
  const db = await databaseUrl();
  const config = loadAppConfig({
    ...process.env,
    DATABASE_URL: db.url,
    PORT: '0',
    LOG_LEVEL: values['log-level'],
    RATE_LIMIT_PER_MINUTE: '1000000',
    JWT_SECRET: 'load-test-secret-that-is-long-enough-to-use',
  });
  const service = await startService(config);
  try {
    const { rosterId, technicianIds } = await publishedRosterOfMediumOrganisation(service);
    const tokens = service.app.get(TokenService);
    const request = (token: string, body: object) => ({
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const myShifts = {
      query: `{ myShifts(from: "${WEEK}T00:00:00-05:00", to: "2026-12-14T00:00:00-05:00") { localStart localEnd paidHours allocations { queueName state hours } } }`,
    };
    const asTechnicians = technicianIds.map((employeeId, i) =>
      request(
        tokens.issue({ subject: `load-tech-${i}`, roles: [Role.TECHNICIAN], employeeId }),
        myShifts,
      ),
    );
    const manager = tokens.issue({ subject: 'load-manager', roles: [Role.MANAGER] });
    const roster = {
      query: `query($id: ID!) { roster(id: $id) { version status shifts(employeeId: "${technicianIds[0]}") { localStart localEnd } } }`,
      variables: { id: rosterId },
    };
    const scenarios: Scenario[] = [
      { key: 'myShifts', name: 'myShifts', rate, requests: asTechnicians },
      {
        key: 'churn',
        name: 'myShifts, roster changing',
        rate,
        requests: asTechnicians,
        churn: true,
      },
      { key: 'roster', name: 'roster', rate: rosterRate, requests: [request(manager, roster)] },
    ];
    const chosen = values.scenarios?.split(',');
    if (chosen)
      scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => chosen.includes(s.key)));
    if (scenarios.length === 0) throw new Error('--scenarios: none of the known scenarios chosen');
    const shifts = await checkedAnswer(service.url, asTechnicians[0]);
    report({
      nodeEnv: config.nodeEnv,
      logLevel: config.logLevel,
      generator,
      connections,
      seconds,
      warmupSeconds,
      runs,
      technicians: technicianIds.length,
      shiftsOfFirst: shifts,
    });
    const dataSource = service.app.get(DataSource);
    // The seeding's after-effects (dirty pages, autovacuum of the new rows) are not the load's.
    await dataSource.query('VACUUM ANALYZE');
    await dataSource.query('CHECKPOINT');
    let seed = 1;
    const conditions: Condition[] = values.solve ? ['quiet', 'solving'] : ['quiet'];
    const results = new Map<string, RunLine[]>();
    const runOnce = async ({ name, rate, requests, churn }: Scenario, condition: Condition) => {
      const bump = churn
        ? setInterval(() => {
            // What a trade does to the published roster's version (its shifts stay as they are).
            void dataSource.query(`UPDATE roster SET row_version = row_version + 1 WHERE id = $1`, [
              rosterId,
            ]);
          }, 1000)
        : undefined;
      const cpu = process.cpuUsage();
      const waited = runQueueWaitMs();
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      const result = await measure({
        url: `${service.url}/graphql`,
        requests,
        rate,
        seconds,
        warmupSeconds,
        connections,
        generator,
        seed: seed++,
      }).finally(() => {
        clearInterval(bump);
        loop.disable();
      });
      const used = process.cpuUsage(cpu);
      const line: RunLine = {
        ...result,
        // How long the service's event loop was held up (warm-up included), beyond the resolution.
        eventLoopDelayMaxMs: Math.round(loop.max / 1e5) / 10,
        // Time the service's main thread was ready to run but waiting for a core (Linux).
        runQueueWaitMs: Math.round(runQueueWaitMs() - waited),
        // The service's process, warm-up included; not while a solver thread shares it.
        ...(condition === 'quiet' && {
          serverCpuMsPerRequest:
            Math.round(((used.user + used.system) / 1000 / result.sent) * 100) / 100,
        }),
      };
      const scenario = scenarioName(name, condition);
      const run = (results.get(scenario)?.length ?? 0) + 1;
      const { latenciesMs: _all, ...shown } = line;
      report({ scenario, rate, run, ...shown });
      results.set(scenario, [...(results.get(scenario) ?? []), line]);
    };
    // A first round warms the service up (its JIT, caches, pools) and is not counted.
    for (const scenario of scenarios) await runOnce(scenario, 'quiet');
    results.clear();
    // Rounds alternate the conditions, so the machine's drift falls on all of them alike.
    for (let round = 1; round <= runs; round++)
      for (const condition of conditions)
        await duringCondition(condition, scenarios.length * (warmupSeconds + seconds + 2), () =>
          scenarios.reduce<Promise<void>>(
            (done, scenario) => done.then(() => runOnce(scenario, condition)),
            Promise.resolve(),
          ),
        );
    for (const condition of conditions)
      for (const { name, rate } of scenarios) {
        const scenario = scenarioName(name, condition);
        report({ scenario, rate, ...medians(results.get(scenario) ?? []) });
      }
  } finally {
    await service.stop();
    await db.stop();
  }
}

/** One request before measuring: the query must answer, without errors, with shifts to show. */
async function checkedAnswer(
  url: string,
  { headers, body }: { headers: Record<string, string>; body: string },
): Promise<number> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body });
  const answer = (await response.json()) as { data?: { myShifts?: unknown[] }; errors?: unknown };
  const shifts = answer.data?.myShifts?.length ?? 0;
  if (answer.errors !== undefined || shifts === 0)
    throw new Error(`myShifts did not answer with shifts: ${JSON.stringify(answer)}`);
  return shifts;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
