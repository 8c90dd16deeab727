import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkRoster } from '../../../../src/core/checker/check-roster.js';
import {
  fixtureEmployee,
  fixtureInstance,
  shiftOn,
} from '../../../../src/core/generator/fixture.js';
import { generateInstance } from '../../../../src/core/generator/generate-instance.js';
import type { PlanningInstance } from '../../../../src/core/model/instance.js';
import type { Shift } from '../../../../src/core/model/roster.js';
import {
  relaxationBound,
  relaxationBoundProvider,
} from '../../../../src/core/optimizer/search/bounds.js';
import { construct } from '../../../../src/core/optimizer/search/construct.js';
import { localSearch } from '../../../../src/core/optimizer/search/local-search.js';
import { SearchModel } from '../../../../src/core/optimizer/search/model.js';
import { RosterState } from '../../../../src/core/optimizer/search/state.js';
import { searchReserveMs, solveRoster } from '../../../../src/core/optimizer/solve.js';
import type { SolveProgress, SolveResult } from '../../../../src/core/optimizer/types.js';
import { localToInstant } from '../../../../src/core/time/zones.js';

/** Iteration-bounded options: the deadline never binds, so results are deterministic. */
const bounded = { search: { maxIterations: 1500 } };
const options = (seed = 1, timeLimitSeconds = 60) => ({ timeLimitSeconds, seed });

function expectClean(instance: PlanningInstance, result: SolveResult): void {
  expect(result.roster).not.toBeNull();
  const check = checkRoster(instance, result.roster!);
  expect(check.violations).toEqual([]);
  expect(result.objective).toBeCloseTo(check.soft.weightedTotal, 6);
}

describe('solveRoster', () => {
  it('random tiny instances (DST weeks included) solve with zero checker violations', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom('2026-04-13', '2026-03-02', '2026-10-26'),
        fc.boolean(),
        async (seed, weekStart, minHoursZero) => {
          const instance = generateInstance('tiny', seed, { weekStart, minHoursZero });
          const result = await solveRoster(instance, options(seed), {
            search: { maxIterations: 300 },
          });
          expect(['FEASIBLE', 'OPTIMAL']).toContain(result.status);
          expectClean(instance, result);
          expect(result.lowerBound).not.toBeNull();
          expect(result.lowerBound!).toBeLessThanOrEqual(result.objective! + 1e-6);
        },
      ),
      { numRuns: 8, seed: 2026 },
    );
  });

  it('is deterministic for a seed when it stops by its iteration budget', async () => {
    const instance = generateInstance('small', 5);
    const a = await solveRoster(instance, options(11), bounded);
    const b = await solveRoster(instance, options(11), bounded);
    expect(a.roster).toEqual(b.roster);
    expect(a.objective).toBe(b.objective);
  });

  it('improves on the constructed roster and keeps its own objective equal to the checker', async () => {
    const instance = generateInstance('small', 2);
    const model = new SearchModel(instance);
    const built = construct(model, { seed: 3, deadline: performance.now() + 10_000 });
    const state = new RosterState(model, built.weeks!);
    const start = state.objective;
    expect(checkRoster(instance, state.toRoster()).soft.weightedTotal).toBeCloseTo(start, 6);
    const result = await localSearch(state, { seed: 3, deadline: Infinity, maxIterations: 3000 });
    expect(result.bestObjective).toBeLessThan(start);
    const best = new RosterState(model, result.best);
    const check = checkRoster(instance, best.toRoster());
    expect(check.violations).toEqual([]);
    expect(check.soft.weightedTotal).toBeCloseTo(result.bestObjective, 6);
    expect(relaxationBound(instance, model)).toBeLessThanOrEqual(result.bestObjective);
  });

  it('gives the relaxation bound from the solve model, the same as from a model of its own', async () => {
    const instance = generateInstance('small', 3);
    const model = new SearchModel(instance);
    const before = model.evaluator.evaluations;
    const bound = await relaxationBoundProvider.lowerBound(instance, 1, model);
    expect(model.evaluator.evaluations).toBeGreaterThan(before);
    expect(bound).toBe(relaxationBound(instance));
    expect(await relaxationBoundProvider.lowerBound(instance, 1)).toBe(bound);
  });

  it('keeps pinned shifts through re-optimisation (regression)', async () => {
    const instance = generateInstance('small', 8);
    expect(instance.pinnedShifts.length).toBeGreaterThan(0);
    const first = await solveRoster(instance, options(1), bounded);
    // Re-optimise against the published roster with an extra pin on an unused candidate shift.
    const technician = instance.employees.find(
      (e) => e.role === 'TECHNICIAN' && !first.roster!.shifts.some((s) => s.employeeId === e.id),
    );
    const extra: Shift[] = [];
    if (technician) {
      const model = new SearchModel(instance);
      const candidate = model.candidates[model.indexOf(technician.id)!][0];
      if (candidate) {
        extra.push({
          id: 'extra-pin',
          employeeId: technician.id,
          start: candidate.start,
          end: candidate.end,
          templateId: candidate.templateId,
          pinned: true,
        });
      }
    }
    const again: PlanningInstance = {
      ...instance,
      previousRoster: first.roster,
      pinnedShifts: [...instance.pinnedShifts, ...extra],
    };
    const second = await solveRoster(again, options(2), bounded);
    expectClean(again, second);
    const present = new Set(
      second.roster!.shifts.map((s) => `${s.employeeId}|${s.start}|${s.end}`),
    );
    for (const pin of again.pinnedShifts)
      expect(present.has(`${pin.employeeId}|${pin.start}|${pin.end}`)).toBe(true);
  });

  it.each(['2026-03-02', '2026-10-26'])(
    'solves a US daylight-saving week (%s) with zero violations',
    async (weekStart) => {
      const instance = generateInstance('small', 4, { weekStart });
      const result = await solveRoster(instance, options(4), { search: { maxIterations: 800 } });
      expectClean(instance, result);
    },
  );

  it('reports INFEASIBLE, naming the rule, when a weekly minimum cannot be met', async () => {
    const instance = fixtureInstance({
      employees: [
        fixtureEmployee('t1', 'TECHNICIAN', {
          contract: { ...fixtureEmployee('x', 'TECHNICIAN').contract, minHoursPerWeek: 30 },
          availability: [{ dayOfWeek: 1, start: '08:00', end: '18:00' }],
        }),
      ],
    });
    const result = await solveRoster(instance, options());
    expect(result.status).toBe('INFEASIBLE');
    expect(result.roster).toBeNull();
    const conflict = result.infeasibility!.conflicts[0];
    expect(conflict.rules).toContain('MIN_HOURS_PER_WEEK');
    expect(conflict.rules).toContain('AVAILABILITY');
    expect(conflict.employeeIds).toEqual(['t1']);
  });

  it('reports INFEASIBLE when a pinned shift breaks a rule (time off)', async () => {
    const base = fixtureInstance();
    const pin = shiftOn(base, 'tech-1', '2026-04-15', '09:00', 8);
    const instance: PlanningInstance = {
      ...base,
      employees: base.employees.map((e) =>
        e.id === 'tech-1'
          ? {
              ...e,
              timeOff: [
                {
                  start: localToInstant('2026-04-15', '00:00', e.timeZone),
                  end: localToInstant('2026-04-16', '00:00', e.timeZone),
                },
              ],
            }
          : e,
      ),
      pinnedShifts: [pin],
    };
    const result = await solveRoster(instance, options());
    expect(result.status).toBe('INFEASIBLE');
    expect(result.infeasibility!.conflicts.flatMap((c) => c.rules)).toContain('TIME_OFF');
  });

  it('explains shortages: no licensed technician for a state', async () => {
    const base = fixtureInstance();
    const tuesday10 =
      (localToInstant('2026-04-14', '10:00', 'America/New_York') -
        localToInstant('2026-04-13', '00:00', 'America/New_York')) /
      1_800_000;
    const instance: PlanningInstance = {
      ...base,
      queues: base.queues.map((q) => ({ ...q, states: [...q.states, 'MA'] })),
      demand: [{ intervalIndex: tuesday10, queueId: 'q-erx', state: 'MA', required: 2 }],
    };
    // The shortage is structural, so a short search explains it as well as a long one; under
    // Jest this week's 1 500 iterations took 16-20 s (1.9 s compiled), near the test timeout.
    const result = await solveRoster(instance, options(), { search: { maxIterations: 200 } });
    expectClean(instance, result);
    const explanation = result.explanations.find((e) => e.state === 'MA');
    expect(explanation?.shortStaff).toBe(2);
    expect(explanation?.reasons.map((r) => r.kind)).toContain('NO_LICENSED_TECHNICIAN');
  });

  it('reports progress and stops with CANCELLED (with a clean roster) when aborted', async () => {
    const instance = generateInstance('small', 6);
    const controller = new AbortController();
    const phases: SolveProgress['phase'][] = [];
    const result = await solveRoster(instance, {
      ...options(1, 30),
      signal: controller.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (p.phase === 'construct') setTimeout(() => controller.abort(), 200);
      },
    });
    expect(result.status).toBe('CANCELLED');
    expect(result.elapsedSeconds).toBeLessThan(10);
    expect(phases[0]).toBe('construct');
    expectClean(instance, result);
  });

  it('computes a quick bound before the search, a slow one after it', async () => {
    const instance = generateInstance('small', 2);
    const run = async (quick: boolean) => {
      const phases: SolveProgress['phase'][] = [];
      const result = await solveRoster(
        instance,
        { ...options(1, 2), onProgress: (p) => phases.push(p.phase) },
        {
          ...bounded,
          bounds: { name: 'test-bound', quick, lowerBound: () => Promise.resolve(1) },
        },
      );
      return { phases, method: result.method, bound: result.lowerBound };
    };
    const quick = await run(true);
    expect(quick.phases.slice(0, 2)).toEqual(['construct', 'bound']);
    expect(quick.method).toBe('construct+test-bound+local-search');
    expect(quick.bound).toBe(1);
    const slow = await run(false);
    expect(slow.phases.indexOf('bound')).toBeGreaterThan(slow.phases.indexOf('improve'));
    expect(slow.method).toBe('construct+local-search+test-bound');
    expect(slow.bound).toBe(1);
  });
});

describe('searchReserveMs', () => {
  const measured = { awaitsParallel: false, evaluationMs: 140 };

  it('keeps only the final steps when the bound is in and no second thread runs', () => {
    // 300 ms + 10 evaluations of 140 ms, instead of the fixed share (6 s of a 60 s solve).
    expect(searchReserveMs(60_000, {}, measured)).toBe(1_700);
    // Never more than the fixed share: 15 % of a 2 s solve.
    expect(searchReserveMs(2_000, {}, measured)).toBe(300);
  });

  it('keeps the fixed share while a bound or a second thread is still to come', () => {
    expect(searchReserveMs(60_000, {}, { ...measured, evaluationMs: null })).toBe(6_000);
    expect(searchReserveMs(60_000, {}, { ...measured, awaitsParallel: true })).toBe(6_000);
    expect(searchReserveMs(10_000, {}, { ...measured, awaitsParallel: true })).toBe(1_500);
  });

  it('keeps what polishing or an explicit bound share asks for', () => {
    expect(searchReserveMs(20_000, { boundTimeShare: 0.25 }, measured)).toBe(5_000);
    const polish = { name: 'p', polish: () => Promise.resolve(null) };
    expect(searchReserveMs(20_000, { polish }, measured)).toBe(6_000);
  });
});
