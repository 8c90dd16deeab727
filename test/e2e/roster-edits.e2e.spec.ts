import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ruleSetInForce, technicianRefusals } from '../../src/core/rules/index.js';
import { buildGrid } from '../../src/core/time/index.js';
import { PlanningInstanceLoader } from '../../src/planning/planning-instance.loader.js';
import { SampleOrganisationSeeder } from '../../src/planning/sample-organisation.seeder.js';
import { ROSTER_SOLVER } from '../../src/rostering/roster-solver.js';
import { ScriptedSolver } from '../support/fake-solvers.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';
import { waitForRun } from '../support/optimization-runs.js';

const WEEK = '2026-12-07';
let t: TestApp;
let manager: string;
let rosterId: string;

interface EditResult {
  applied: boolean;
  message: string;
  violations: { rule: string; state: string | null }[];
  softBreaches: { term: string; before: number; after: number }[];
}
const RESULT =
  '{ applied message violations { rule state intervalIndex message } softBreaches { term before after } roster { id } }';

beforeAll(async () => {
  t = await createTestApp({
    override: (builder) => builder.overrideProvider(ROSTER_SOLVER).useValue(new ScriptedSolver()),
  });
  manager = t.token(Role.MANAGER, 'manager');
  await t.app.get(SampleOrganisationSeeder).seedOrganisation('small', 4, WEEK);
  const started = await t.gql<{ startRosterOptimization: { id: string } }>(
    `mutation { startRosterOptimization(input: { week: "${WEEK}", timeLimitSeconds: 5 }) { id } }`,
    undefined,
    manager,
  );
  const run = await waitForRun<{ status: string; rosterId: string }>(
    t,
    manager,
    started.data!.startRosterOptimization.id,
    'status rosterId',
  );
  expect(run.status).toBe('SUCCEEDED');
  rosterId = run.rosterId;
});
afterAll(async () => {
  await t.close();
});

async function shifts() {
  const res = await t.gql<{
    roster: {
      shifts: { id: string; employeeId: string; start: string; end: string; role: string }[];
    };
  }>(
    `query($id: ID!) { roster(id: $id) { shifts { id employeeId start end role } } }`,
    { id: rosterId },
    manager,
  );
  return res.data!.roster.shifts;
}

describe('manual edits of a draft', () => {
  it('refuses removing a shift that leaves an employee under their minimum hours, naming the rule', async () => {
    const before = await shifts();
    const res = await t.gql<{ removeRosterShift: EditResult }>(
      `mutation($input: RemoveRosterShiftInput!) { removeRosterShift(input: $input) ${RESULT} }`,
      { input: { rosterId, shiftId: before[0].id } },
      manager,
    );
    expect(res.data?.removeRosterShift.applied).toBe(false);
    expect(res.data?.removeRosterShift.violations.map((v) => v.rule)).toContain(
      'MIN_HOURS_PER_WEEK',
    );
    expect(await shifts()).toEqual(before);
  });

  it('refuses work for a ratio state with no supervising pharmacist on duty: SUPERVISION_RATIO', async () => {
    const instance = await t.app.get(PlanningInstanceLoader).load(WEEK);
    const grid = buildGrid(instance.week);
    const all = await shifts();
    const pharmacistShifts = all.filter((s) => s.role === 'PHARMACIST');
    const supervisorOnDuty = (state: string, interval: number, date: string) => {
      const at = grid.start + interval * grid.intervalMs;
      return pharmacistShifts.some((p) => {
        const pharmacist = instance.employees.find((e) => e.id === p.employeeId)!;
        const licensed = pharmacist.licences.some(
          (l) =>
            l.state === state &&
            l.kind === 'PHARMACIST_LICENCE' &&
            l.validFrom <= date &&
            (l.validUntil ?? '9999') >= date,
        );
        return licensed && Date.parse(p.start) <= at && at + grid.intervalMs <= Date.parse(p.end);
      });
    };
    const candidates = all
      .filter((s) => s.role === 'TECHNICIAN')
      .flatMap((s) => {
        const tech = instance.employees.find((e) => e.id === s.employeeId)!;
        const first = Math.ceil((Date.parse(s.start) - grid.start) / grid.intervalMs);
        const last = Math.floor((Date.parse(s.end) - grid.start) / grid.intervalMs) - 1;
        return Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k).flatMap(
          (interval) => {
            const date = grid.intervalDates[interval];
            return instance.queues.flatMap((q) =>
              q.states
                .filter(
                  (state) =>
                    ruleSetInForce(instance.ruleSets, state, date)?.supervision.kind === 'RATIO',
                )
                .filter((state) => !supervisorOnDuty(state, interval, date))
                .filter(
                  (state) =>
                    technicianRefusals(
                      tech,
                      q,
                      state,
                      date,
                      ruleSetInForce(instance.ruleSets, state, date),
                    ).length === 0,
                )
                .map((state) => ({ employeeId: s.employeeId, interval, queue: q, state })),
            );
          },
        );
      });
    expect(candidates.length).toBeGreaterThan(0);
    const pick = candidates[0];
    const queues = await t.gql<{ queues: { id: string; key: string }[] }>(
      '{ queues { id key } }',
      undefined,
      manager,
    );
    const queueKey = queues.data!.queues.find((q) => q.id === pick.queue.id)!.key;
    const res = await t.gql<{ setRosterAllocation: EditResult }>(
      `mutation($input: SetRosterAllocationInput!) { setRosterAllocation(input: $input) ${RESULT} }`,
      {
        input: {
          rosterId,
          employeeId: pick.employeeId,
          intervalIndex: pick.interval,
          queueKey,
          state: pick.state,
        },
      },
      manager,
    );
    const result = res.data!.setRosterAllocation;
    expect(result.applied).toBe(false);
    expect(result.violations.map((v) => v.rule)).toContain('SUPERVISION_RATIO');
    expect(result.violations.find((v) => v.rule === 'SUPERVISION_RATIO')?.state).toBe(pick.state);
  });

  it('applies a soft breach only when accepted with a reason, and records it', async () => {
    const instance = await t.app.get(PlanningInstanceLoader).load(WEEK);
    const grid = buildGrid(instance.week);
    const all = await shifts();
    const allocation = all
      .filter((s) => s.role === 'TECHNICIAN')
      .flatMap((s) => {
        const tech = instance.employees.find((e) => e.id === s.employeeId)!;
        const interval = Math.ceil((Date.parse(s.start) - grid.start) / grid.intervalMs);
        const date = grid.intervalDates[interval];
        return instance.queues.flatMap((q) =>
          q.states
            .filter(
              (state) =>
                ruleSetInForce(instance.ruleSets, state, date)?.supervision.kind === 'NONE',
            )
            .filter(
              (state) =>
                technicianRefusals(
                  tech,
                  q,
                  state,
                  date,
                  ruleSetInForce(instance.ruleSets, state, date),
                ).length === 0,
            )
            .filter(
              (state) =>
                !instance.demand.some(
                  (d) => d.intervalIndex === interval && d.queueId === q.id && d.state === state,
                ),
            )
            .map((state) => ({
              employeeId: s.employeeId,
              intervalIndex: interval,
              queueId: q.id,
              state,
            })),
        );
      })[0];
    expect(allocation).toBeDefined();
    const queueKey = (
      await t.gql<{ queues: { id: string; key: string }[] }>(
        '{ queues { id key } }',
        undefined,
        manager,
      )
    ).data!.queues.find((q) => q.id === allocation.queueId)!.key;
    const input = {
      rosterId,
      employeeId: allocation.employeeId,
      intervalIndex: allocation.intervalIndex,
      queueKey,
      state: allocation.state,
    };
    const mutation = `mutation($input: SetRosterAllocationInput!) { setRosterAllocation(input: $input) ${RESULT} }`;
    const refused = await t.gql<{ setRosterAllocation: EditResult }>(mutation, { input }, manager);
    expect(refused.data?.setRosterAllocation.applied).toBe(false);
    expect(refused.data?.setRosterAllocation.softBreaches.map((b) => b.term)).toContain(
      'overstaffing',
    );
    const withoutReason = await t.gql(
      mutation,
      { input: { ...input, acceptSoftBreaches: true } },
      manager,
    );
    expect(withoutReason.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'input.reason',
    });
    const accepted = await t.gql<{ setRosterAllocation: EditResult }>(
      mutation,
      { input: { ...input, acceptSoftBreaches: true, reason: 'cover a backlog spike' } },
      manager,
    );
    expect(accepted.data?.setRosterAllocation.applied).toBe(true);
    const [edit] = await t.app
      .get((await import('typeorm')).DataSource)
      .query<{ edited_by: string; reason: string; accepted_breaches: string[] }[]>(
        'SELECT edited_by, reason, accepted_breaches FROM roster_edit',
      );
    expect(edit).toEqual({
      edited_by: 'manager',
      reason: 'cover a backlog spike',
      accepted_breaches: ['overstaffing'],
    });
  });

  it('refuses edits of a published roster and of unknown shifts', async () => {
    const unknown = await t.gql(
      `mutation($input: RemoveRosterShiftInput!) { removeRosterShift(input: $input) { applied } }`,
      { input: { rosterId, shiftId: '00000000-0000-4000-8000-000000000001' } },
      manager,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.shiftId',
    });
    await t.gql(
      `mutation($id: ID!) { publishRoster(id: $id) { status } }`,
      { id: rosterId },
      manager,
    );
    const [first] = await shifts();
    const published = await t.gql(
      `mutation($input: RemoveRosterShiftInput!) { removeRosterShift(input: $input) { applied } }`,
      { input: { rosterId, shiftId: first.id } },
      manager,
    );
    expect(published.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
