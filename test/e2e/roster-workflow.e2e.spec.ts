import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SampleOrganisationSeeder } from '../../src/planning/sample-organisation.seeder.js';
import { ROSTER_SOLVER } from '../../src/rostering/roster-solver.js';
import { rowCounts } from '../support/db-snapshot.js';
import { ScriptedSolver } from '../support/fake-solvers.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';
import { runEnded as ended, waitForRun } from '../support/optimization-runs.js';

const WEEK = '2026-12-07';
const solver = new ScriptedSolver();
let t: TestApp;
let manager: string;

beforeAll(async () => {
  t = await createTestApp({
    override: (builder) => builder.overrideProvider(ROSTER_SOLVER).useValue(solver),
  });
  manager = t.token(Role.MANAGER, 'manager');
  await t.app.get(SampleOrganisationSeeder).seedOrganisation('small', 2, WEEK);
});
afterAll(async () => {
  await t.close();
});

interface Run {
  id: string;
  status: string;
  rosterId: string | null;
  failureReason: string | null;
  progress: { phase: string } | null;
  infeasibility: { rules: string[]; message: string }[] | null;
}
const RUN_FIELDS =
  'id status rosterId failureReason progress { phase bestObjective bound gap elapsedSeconds } infeasibility { rules employeeIds message }';

async function start(input: Record<string, unknown> = {}): Promise<Run> {
  const res = await t.gql<{ startRosterOptimization: Run }>(
    `mutation($input: StartRosterOptimizationInput!) { startRosterOptimization(input: $input) { ${RUN_FIELDS} } }`,
    { input: { week: WEEK, timeLimitSeconds: 5, ...input } },
    manager,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.startRosterOptimization;
}

const waitFor = (id: string, done: (run: Run) => boolean, timeoutMs = 20_000): Promise<Run> =>
  waitForRun<Run>(t, manager, id, RUN_FIELDS, { done, timeoutMs });

describe('roster workflow', () => {
  let rosterId: string;

  it('queues a run, solves it off the request thread, and stores a checker-clean draft', async () => {
    solver.behaviour = 'witness';
    const queued = await start();
    expect(queued.status).toBe('QUEUED');
    const run = await waitFor(queued.id, ended);
    expect(run).toMatchObject({ status: 'SUCCEEDED', failureReason: null });
    rosterId = run.rosterId!;
    const res = await t.gql<{
      roster: {
        status: string;
        version: number;
        shifts: { localStart: string; start: string; timeZone: string; paidHours: number }[];
        violations: unknown[];
        totals: { cost: number; shortageHours: number };
        coverage: { required: number; scheduled: number }[];
        supervision: unknown[];
        explanations: { shortStaff: number; reasons: string[] }[];
      };
    }>(
      `query($id: ID!) { roster(id: $id) { status version explanations { intervalIndex state queueId shortStaff reasons } shifts { employeeName localStart localEnd localDate start end timeZone paidHours } violations { rule message } totals { cost overtimeHours shortageHours overstaffingHours weeklyServiceLevel objective } coverage { intervalStart queueKey state required scheduled serviceLevel } supervision { state allowed used headroom } } }`,
      { id: rosterId },
      manager,
    );
    expect(res.errors).toBeUndefined();
    const roster = res.data!.roster;
    expect(roster).toMatchObject({ status: 'DRAFT', version: 1, violations: [] });
    expect(roster.shifts.length).toBeGreaterThan(0);
    const shift = roster.shifts[0];
    expect(new Date(shift.localStart).getTime()).toBe(new Date(shift.start).getTime());
    expect(shift.localStart).toMatch(/[+-]\d{2}:\d{2}$/);
    expect(roster.totals.cost).toBeGreaterThan(0);
    expect(roster.coverage.some((c) => c.required > 0)).toBe(true);
    expect(roster.explanations).toEqual([
      expect.objectContaining({
        intervalIndex: 0,
        shortStaff: 1.5,
        reasons: ['no one is available at this hour'],
      }),
    ]);
  });

  it('publishes a draft, once', async () => {
    const published = await t.gql<{ publishRoster: { status: string; publishedBy: string } }>(
      `mutation($id: ID!) { publishRoster(id: $id) { status publishedBy } }`,
      { id: rosterId },
      manager,
    );
    expect(published.data?.publishRoster).toEqual({ status: 'PUBLISHED', publishedBy: 'manager' });
    const again = await t.gql(
      `mutation($id: ID!) { publishRoster(id: $id) { status } }`,
      { id: rosterId },
      manager,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const current = await t.gql<{ publishedRoster: { id: string } }>(
      `query($w: LocalDate!) { publishedRoster(week: $w) { id } }`,
      { w: WEEK },
      manager,
    );
    expect(current.data?.publishedRoster.id).toBe(rosterId);
  });

  it('leaves exactly one published roster when two managers publish the same week at once', async () => {
    solver.behaviour = 'witness';
    const [a, b] = await Promise.all([start(), start()]);
    const [runA, runB] = await Promise.all([waitFor(a.id, ended), waitFor(b.id, ended)]);
    const publish = (id: string, who: string) =>
      t.gql(
        `mutation($id: ID!) { publishRoster(id: $id) { status } }`,
        { id },
        t.token(Role.MANAGER, who),
      );
    const results = await Promise.all([
      publish(runA.rosterId!, 'alice'),
      publish(runB.rosterId!, 'bob'),
    ]);
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const versions = await t.gql<{ rosters: { id: string; status: string; version: number }[] }>(
      `query($w: LocalDate!) { rosters(week: $w) { id status version } }`,
      { w: WEEK },
      manager,
    );
    const statuses = versions.data!.rosters.map((r) => r.status);
    expect(statuses.filter((s) => s === 'PUBLISHED')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'SUPERSEDED')).toHaveLength(2);
  });

  it('re-optimizes with pinned shifts and compares the versions', async () => {
    const shifts = await t.gql<{ roster: { shifts: { id: string }[] } }>(
      `query($id: ID!) { roster(id: $id) { shifts { id } } }`,
      { id: rosterId },
      manager,
    );
    const pinned = shifts.data!.roster.shifts.slice(0, 2).map((s) => s.id);
    const run = await waitFor(
      (await start({ baselineRosterId: rosterId, pinnedShiftIds: pinned })).id,
      ended,
    );
    expect(run.status).toBe('SUCCEEDED');
    const next = await t.gql<{
      roster: { source: string; basedOnId: string; shifts: { pinned: boolean }[] };
    }>(
      `query($id: ID!) { roster(id: $id) { source basedOnId shifts { pinned } } }`,
      { id: run.rosterId },
      manager,
    );
    expect(next.data?.roster).toMatchObject({ source: 'REOPTIMIZATION', basedOnId: rosterId });
    const comparison = await t.gql<{ compareRosters: { changes: unknown[]; costDelta: number } }>(
      `query($a: ID!, $b: ID!) { compareRosters(fromId: $a, toId: $b) { changes { change employeeName } costDelta shortageHoursDelta weeklyServiceLevelDelta } }`,
      { a: rosterId, b: run.rosterId },
      manager,
    );
    expect(comparison.errors).toBeUndefined();
    expect(comparison.data?.compareRosters.costDelta).toBe(0);
  });

  it('cancels a long run', async () => {
    solver.behaviour = 'until-cancelled';
    const run = await start({ timeLimitSeconds: 600 });
    await waitFor(run.id, (r) => r.status === 'RUNNING');
    const cancelled = await t.gql<{ cancelOptimizationRun: Run }>(
      `mutation($id: ID!) { cancelOptimizationRun(id: $id) { status } }`,
      { id: run.id },
      manager,
    );
    expect(cancelled.errors).toBeUndefined();
    expect((await waitFor(run.id, ended)).status).toBe('CANCELLED');
    const again = await t.gql(
      `mutation($id: ID!) { cancelOptimizationRun(id: $id) { status } }`,
      { id: run.id },
      manager,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('ends a run with no feasible roster with an infeasibility report', async () => {
    solver.behaviour = 'infeasible';
    const run = await waitFor((await start()).id, ended);
    expect(run.status).toBe('FAILED');
    expect(run.rosterId).toBeNull();
    expect(run.infeasibility?.[0]?.rules).toContain('MIN_HOURS_PER_WEEK');
  });

  it('leaves no partial roster when the solve dies, and fails runs that lost their process', async () => {
    const before = await rowCounts(t.database.url);
    solver.behaviour = 'crash';
    const run = await waitFor((await start()).id, ended);
    expect(run).toMatchObject({
      status: 'FAILED',
      rosterId: null,
      failureReason: 'the solver process died',
    });
    const after = await rowCounts(t.database.url);
    expect(after.roster).toBe(before.roster);
    expect(after.roster_shift).toBe(before.roster_shift);
    const { OptimizationRunService } =
      await import('../../src/rostering/optimization-run.service.js');
    const { OptimizationRunEntity, RunStatus } =
      await import('../../src/rostering/entities/optimization-run.entity.js');
    const { DataSource } = await import('typeorm');
    const dataSource = t.app.get(DataSource);
    const orphan = await dataSource.getRepository(OptimizationRunEntity).save({
      week: WEEK,
      timeLimitSeconds: 5,
      requestedBy: 'x',
      status: RunStatus.RUNNING,
      startedAt: new Date(Date.now() - 600_000),
      heartbeatAt: new Date(Date.now() - 600_000),
    });
    expect(await t.app.get(OptimizationRunService).failAbandonedRuns()).toBe(1);
    const failed = await waitFor(orphan.id, ended);
    expect(failed.failureReason).toMatch(/lost its process/);
  });

  it.each([
    [{ week: '2026-12-08' }, 'VALIDATION_FAILED', 'week'],
    [{ timeLimitSeconds: 0 }, 'VALIDATION_FAILED', 'input.timeLimitSeconds'],
    [
      { pinnedShiftIds: ['00000000-0000-4000-8000-000000000001'] },
      'VALIDATION_FAILED',
      'input.pinnedShiftIds',
    ],
    [
      { baselineRosterId: '00000000-0000-4000-8000-000000000001' },
      'NOT_FOUND',
      'input.baselineRosterId',
    ],
    [{ weights: { shortage: -1 } }, 'VALIDATION_FAILED', 'input.weights.shortage'],
    [{ iterationBudget: 0 }, 'VALIDATION_FAILED', 'input.iterationBudget'],
    [{ iterationBudget: 100_000_001 }, 'VALIDATION_FAILED', 'input.iterationBudget'],
  ])('rejects %j', async (input, code, field) => {
    const before = await rowCounts(t.database.url);
    const res = await t.gql(
      `mutation($input: StartRosterOptimizationInput!) { startRosterOptimization(input: $input) { id } }`,
      { input: { week: WEEK, ...input } },
      manager,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await rowCounts(t.database.url)).toEqual(before);
  });
});
