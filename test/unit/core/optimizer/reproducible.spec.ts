import { describe, expect, it, jest } from '@jest/globals';
import { generateInstance } from '../../../../src/core/generator/generate-instance.js';
import type { Roster } from '../../../../src/core/model/roster.js';
import { construct } from '../../../../src/core/optimizer/search/construct.js';
import { SearchModel } from '../../../../src/core/optimizer/search/model.js';
import type {
  BestWeekHelperProvider,
  ParallelBoundProvider,
  PolishProvider,
} from '../../../../src/core/optimizer/solve-deps.js';
import { solveRoster } from '../../../../src/core/optimizer/solve.js';

/**
 * The deterministic mode (an iteration budget): what it leaves out, and when `reproducible`
 * holds. The rosters themselves are compared in solve.spec.ts and, through the API, in
 * test/e2e/roster-real-optimizer.e2e.spec.ts.
 */

const instance = generateInstance('small', 5);
const budget = (maxIterations: number) => ({ search: { maxIterations } });

/** A second thread that answers at once with `roster` and a (valid, weak) bound of 0. */
function parallelWith(roster: Roster): ParallelBoundProvider {
  return {
    name: 'fake-parallel',
    start: () => ({
      quick: true,
      result: Promise.resolve({ bound: 0, roster, proven: false, method: 'fake' }),
      stop: () => undefined,
      terminate: () => undefined,
    }),
  };
}

describe('solveRoster on an iteration budget', () => {
  it('reports the search it ran and a reproducible roster', async () => {
    const a = await solveRoster(instance, { timeLimitSeconds: 60, seed: 4 }, budget(700));
    const b = await solveRoster(instance, { timeLimitSeconds: 60, seed: 4 }, budget(700));
    expect(a.search).toEqual({ iterations: 700, stoppedBy: 'iterations' });
    expect(a.reproducible).toBe(true);
    expect(b.roster).toEqual(a.roster);
  });

  it('is not reproducible when the clock ends the search before the budget', async () => {
    const result = await solveRoster(instance, { timeLimitSeconds: 1, seed: 4 }, budget(1e9));
    expect(result.search?.stoppedBy).toBe('deadline');
    expect(result.search!.iterations).toBeLessThan(1e9);
    expect(result.reproducible).toBe(false);
  });

  it('is never reproducible on the clock alone', async () => {
    const result = await solveRoster(instance, { timeLimitSeconds: 1, seed: 4 });
    expect(result.roster).not.toBeNull();
    expect(result.search?.stoppedBy).toBe('deadline');
    expect(result.reproducible).toBe(false);
  });

  it('is not reproducible when cancelled', async () => {
    const controller = new AbortController();
    const solving = solveRoster(
      instance,
      { timeLimitSeconds: 60, seed: 4, signal: controller.signal },
      budget(1e9),
    );
    setTimeout(() => controller.abort(), 300);
    const result = await solving;
    expect(result.status).toBe('CANCELLED');
    expect(result.reproducible).toBe(false);
  });

  it('leaves out polishing and the best-week helper, which run on the clock', async () => {
    const polish = jest.fn<PolishProvider['polish']>(() => Promise.resolve(null));
    const helper = jest.fn<BestWeekHelperProvider['start']>(() => ({
      take: () => [],
      applied: () => undefined,
      reset: () => undefined,
      stop: () => undefined,
    }));
    const deps = {
      polish: { name: 'fake-polish', polish },
      bestWeekHelper: { name: 'fake-helper', start: helper },
    };
    const result = await solveRoster(
      instance,
      { timeLimitSeconds: 60, seed: 4 },
      { ...budget(300), ...deps },
    );
    expect(result.reproducible).toBe(true);
    expect(polish).not.toHaveBeenCalled();
    expect(helper).not.toHaveBeenCalled();
    // The same providers on the clock are used: the mode, not the fakes, leaves them out.
    await solveRoster(instance, { timeLimitSeconds: 2, seed: 4 }, deps);
    expect(polish).toHaveBeenCalled();
    expect(helper).toHaveBeenCalled();
  });

  it("keeps the second thread's bound but not its roster, even a better one", async () => {
    const better = await solveRoster(instance, { timeLimitSeconds: 60, seed: 9 }, budget(6000));
    const own = await solveRoster(instance, { timeLimitSeconds: 60, seed: 4 }, budget(100));
    expect(better.objective!).toBeLessThan(own.objective!);
    const withThread = await solveRoster(
      instance,
      { timeLimitSeconds: 60, seed: 4 },
      { ...budget(100), parallel: parallelWith(better.roster!) },
    );
    expect(withThread.roster).toEqual(own.roster);
    expect(withThread.reproducible).toBe(true);
    expect(withThread.lowerBound).not.toBeNull();
    // On the clock the same thread's roster is taken: the mode, not the fake, leaves it out.
    const onClock = await solveRoster(
      instance,
      { timeLimitSeconds: 2, seed: 4 },
      { parallel: parallelWith(better.roster!) },
    );
    expect(onClock.objective!).toBeLessThanOrEqual(better.objective! + 1e-6);
  });

  it('answers an infeasible week reproducibly: its conflicts come before any step on the clock', async () => {
    const impossible = {
      ...instance,
      employees: instance.employees.map((e, i) =>
        i === 0 ? { ...e, contract: { ...e.contract, minHoursPerWeek: 200 } } : e,
      ),
    };
    const result = await solveRoster(impossible, { timeLimitSeconds: 60, seed: 4 }, budget(100));
    expect(result.status).toBe('INFEASIBLE');
    expect(result.search).toBeNull();
    expect(result.reproducible).toBe(true);
  });
});

describe('construct', () => {
  it('says when the deadline cut its optional rounds short', () => {
    const model = new SearchModel(instance);
    expect(construct(model, { seed: 1, deadline: Number.POSITIVE_INFINITY }).cutShort).toBe(false);
    expect(construct(model, { seed: 1, deadline: performance.now() - 1 }).cutShort).toBe(true);
  });
});
