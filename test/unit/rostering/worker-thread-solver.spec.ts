import { describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../../src/core/checker/check-roster.js';
import { generateInstance } from '../../../src/core/generator/generate-instance.js';
import { WorkerThreadRosterSolver } from '../../../src/rostering/worker-thread.solver.js';

/**
 * The service's solver adapter against the real worker thread (compiled: `npm test` builds
 * first): a run's iteration budget reaches the solve, and what the solve says of its search
 * comes back across the thread.
 */
describe('WorkerThreadRosterSolver', () => {
  const solver = new WorkerThreadRosterSolver();
  const control = () => ({ signal: new AbortController().signal, onProgress: () => undefined });

  it('runs an iteration budget as the deterministic mode: the same roster, reproducible', async () => {
    const instance = generateInstance('small', 2);
    const request = { timeLimitSeconds: 30, seed: 5, iterationBudget: 800 };
    const first = await solver.solve(instance, request, control());
    const second = await solver.solve(instance, request, control());
    expect(first.search).toEqual({ iterations: 800, stoppedBy: 'iterations' });
    expect(first.reproducible).toBe(true);
    expect(checkRoster(instance, first.roster!).violations).toEqual([]);
    expect(second.roster).toEqual(first.roster);
  }, 90_000);

  it('runs on the clock without one, and says the roster is not reproducible', async () => {
    // Seed 1: its MIP on the second thread takes about a minute to prove, so the clock ends the search.
    const instance = generateInstance('small', 1);
    const result = await solver.solve(instance, { timeLimitSeconds: 2, seed: 5 }, control());
    expect(result.search?.stoppedBy).toBe('deadline');
    expect(result.reproducible).toBe(false);
  }, 60_000);
});
