import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PlanningInstance } from '../../src/core/model/instance.js';
import { solveRoster } from '../../src/core/optimizer/solve.js';
import type { SolveProgress, SolveResult } from '../../src/core/optimizer/types.js';
import { SampleOrganisationSeeder } from '../../src/planning/sample-organisation.seeder.js';
import {
  ROSTER_SOLVER,
  type RosterSolveRequest,
  type RosterSolver,
} from '../../src/rostering/roster-solver.js';
import { waitForRun } from '../support/optimization-runs.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';

/**
 * The real optimizer, in the test process: jest runs TypeScript through SWC, which a worker
 * thread cannot load (the worker-thread adapter itself is tested against the build in
 * test/unit/core/optimizer/worker.spec.ts).
 */
class InProcessSolver implements RosterSolver {
  solve(
    instance: PlanningInstance,
    { iterationBudget, ...options }: RosterSolveRequest,
    control: { signal: AbortSignal; onProgress: (p: SolveProgress) => void },
  ): Promise<SolveResult> {
    return solveRoster(
      instance,
      { ...options, signal: control.signal, onProgress: control.onProgress },
      iterationBudget !== undefined ? { search: { maxIterations: iterationBudget } } : {},
    );
  }
}

const WEEK = '2026-11-02';
let t: TestApp;
let manager: string;
beforeAll(async () => {
  t = await createTestApp({
    override: (builder) => builder.overrideProvider(ROSTER_SOLVER).useValue(new InProcessSolver()),
  });
  manager = t.token(Role.MANAGER, 'manager');
  await t.app.get(SampleOrganisationSeeder).seedOrganisation('small', 1, WEEK);
});
afterAll(async () => {
  await t.close();
});

describe('a week optimized by the real optimizer', () => {
  it('succeeds with a draft the checker finds no violation in, covering demand', async () => {
    const run = await runToEnd<{
      status: string;
      rosterId: string | null;
      progress: { bestObjective: number | null } | null;
    }>('timeLimitSeconds: 4', 'status rosterId progress { bestObjective bound gap }');
    expect(run.status).toBe('SUCCEEDED');
    const roster = await t.gql<{
      roster: {
        violations: unknown[];
        totals: { shortageHours: number; objective: number };
        coverage: { scheduled: number }[];
        shifts: unknown[];
      };
    }>(
      `query($id: ID!) { roster(id: $id) { violations { rule message } totals { shortageHours objective weeklyServiceLevel } coverage { scheduled required } shifts { id } } }`,
      { id: run.rosterId },
      manager,
    );
    expect(roster.errors).toBeUndefined();
    expect(roster.data!.roster.violations).toEqual([]);
    expect(roster.data!.roster.shifts.length).toBeGreaterThan(0);
    expect(roster.data!.roster.coverage.some((c) => c.scheduled > 0)).toBe(true);
    expect(roster.data!.roster.totals.objective).toBeCloseTo(run.progress!.bestObjective!, 3);
  }, 60_000);
});

interface FinishedRun {
  status: string;
  rosterId: string;
  seed: number;
  iterationBudget: number | null;
  searchIterations: number | null;
  reproducible: boolean | null;
}

/** Starts a run of WEEK with `input` (GraphQL input fields) and waits for its end. */
async function runToEnd<R extends { status: string }>(input: string, fields: string): Promise<R> {
  const started = await t.gql<{ startRosterOptimization: { id: string } }>(
    `mutation { startRosterOptimization(input: { week: "${WEEK}", ${input} }) { id } }`,
    undefined,
    manager,
  );
  expect(started.errors).toBeUndefined();
  return waitForRun<R>(t, manager, started.data!.startRosterOptimization.id, fields);
}

const FINISHED_RUN_FIELDS = 'status rosterId seed iterationBudget searchIterations reproducible';

async function shiftsOf(rosterId: string): Promise<string[]> {
  const res = await t.gql<{
    roster: { shifts: { employeeId: string; start: string; end: string }[] };
  }>(
    `query($id: ID!) { roster(id: $id) { shifts { employeeId start end } } }`,
    { id: rosterId },
    manager,
  );
  return res.data!.roster.shifts.map((s) => `${s.employeeId}|${s.start}|${s.end}`).sort();
}

describe('a reproducible run (iteration budget)', () => {
  it('gives the same roster again for the same week, seed and budget', async () => {
    const input = 'seed: 7, iterationBudget: 1500, timeLimitSeconds: 30';
    const first = await runToEnd<FinishedRun>(input, FINISHED_RUN_FIELDS);
    const second = await runToEnd<FinishedRun>(input, FINISHED_RUN_FIELDS);
    for (const run of [first, second]) {
      expect(run).toMatchObject({
        status: 'SUCCEEDED',
        seed: 7,
        iterationBudget: 1500,
        searchIterations: 1500,
        reproducible: true,
      });
    }
    expect(second.rosterId).not.toBe(first.rosterId);
    const shifts = await shiftsOf(first.rosterId);
    expect(shifts.length).toBeGreaterThan(0);
    expect(await shiftsOf(second.rosterId)).toEqual(shifts);
  }, 90_000);

  it('is not reproducible on the clock alone, and says so', async () => {
    const run = await runToEnd<FinishedRun>('seed: 7, timeLimitSeconds: 2', FINISHED_RUN_FIELDS);
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      seed: 7,
      iterationBudget: null,
      reproducible: false,
    });
    expect(run.searchIterations).toBeGreaterThan(0);
  }, 60_000);
});
