import { describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../../../src/core/checker/check-roster.js';
import { generateInstance } from '../../../../src/core/generator/generate-instance.js';
import { bestWeek } from '../../../../src/core/optimizer/search/best-week.js';
import { construct } from '../../../../src/core/optimizer/search/construct.js';
import { SearchModel } from '../../../../src/core/optimizer/search/model.js';
import { RosterState } from '../../../../src/core/optimizer/search/state.js';
import { solveRoster } from '../../../../src/core/optimizer/solve.js';
import {
  type BestWeekWorker,
  type HelperProposal,
  startBestWeekWorker,
  workerBestWeeks,
} from '../../../../src/core/optimizer/worker/run-best-weeks-in-worker.js';

/**
 * The helper's worker loads compiled JavaScript (dist/, built by `pretest`), like the solve
 * worker (worker.spec.ts). It runs at normal priority here: at the solver's SCHED_IDLE it gets no
 * CPU while other test files keep both cores busy, and proposes nothing in time.
 */
const NORMAL_PRIORITY = { lowPriority: false };

/** Waits until the helper has sent `count` proposals made after `step` applied moves or more. */
async function proposals(
  helper: BestWeekWorker,
  step: number,
  count: number,
): Promise<HelperProposal[]> {
  const found: HelperProposal[] = [];
  const until = Date.now() + 20_000;
  while (found.length < count && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    found.push(...helper.take().filter((p) => p.step >= step));
  }
  return found;
}

describe('the best-week helper thread', () => {
  it("proposes each employee's best week on its copy of the roster, and follows applied moves", async () => {
    const instance = generateInstance('small', 1);
    const model = new SearchModel(instance);
    const built = construct(model, { seed: 1, deadline: performance.now() + 10_000 });
    const state = new RosterState(model, built.weeks!);
    const helper = startBestWeekWorker(model, 7, NORMAL_PRIORITY);
    try {
      helper.reset(state.weeks);
      for (const proposal of await proposals(helper, 0, 5)) {
        const expected = [...state.weeks[proposal.employee]];
        for (const change of bestWeek(state, proposal.employee)!)
          expected[change.day] = change.next;
        expect(proposal.week).toEqual(expected);
      }
      // A move applied here reaches the helper's copy: its later proposals are best weeks on
      // the roster with the move.
      const mover = model.employees.findIndex((_, e) => bestWeek(state, e) !== null);
      const move = state.price(bestWeek(state, mover)!)!;
      state.apply(move);
      helper.applied(move);
      const after = await proposals(helper, 1, 5);
      expect(after.length).toBeGreaterThanOrEqual(5);
      for (const proposal of after) {
        const changes = bestWeek(state, proposal.employee);
        const expected = [...state.weeks[proposal.employee]];
        for (const change of changes ?? []) expected[change.day] = change.next;
        expect(proposal.week).toEqual(expected);
      }
    } finally {
      helper.stop();
    }
  });

  it('drops proposals made before a reset, and stops proposing once stopped', async () => {
    const model = new SearchModel(generateInstance('small', 2));
    const built = construct(model, { seed: 2, deadline: performance.now() + 10_000 });
    const helper = startBestWeekWorker(model, 3, NORMAL_PRIORITY);
    helper.reset(built.weeks!);
    expect((await proposals(helper, 0, 1)).length).toBeGreaterThan(0);
    const empty = model.employees.map((_, e) => model.pinnedWeek(e));
    helper.reset(empty);
    // Every proposal taken after the reset is a best week against the new (empty) roster.
    const state = new RosterState(model, empty);
    for (const proposal of await proposals(helper, 0, 3)) {
      const expected = [...state.weeks[proposal.employee]];
      for (const change of bestWeek(state, proposal.employee)!) expected[change.day] = change.next;
      expect(proposal.week).toEqual(expected);
    }
    helper.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(helper.take()).toEqual([]);
  });

  it('serves a clock-limited solve: its proposals are priced, and the roster is checker-clean', async () => {
    const instance = generateInstance('small', 3);
    const result = await solveRoster(
      instance,
      { timeLimitSeconds: 4, seed: 1 },
      { bestWeekHelper: workerBestWeeks(NORMAL_PRIORITY) },
    );
    expect(result.method).toContain('best-week-helper');
    expect(checkRoster(instance, result.roster!).violations).toEqual([]);
  });

  it('is not used by a search on an iteration budget (deterministic)', async () => {
    const instance = generateInstance('small', 3);
    const result = await solveRoster(
      instance,
      { timeLimitSeconds: 30, seed: 1 },
      { bestWeekHelper: workerBestWeeks(NORMAL_PRIORITY), search: { maxIterations: 300 } },
    );
    expect(result.method).not.toContain('best-week-helper');
  });
});
