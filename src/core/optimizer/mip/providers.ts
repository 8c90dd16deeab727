import type { PlanningInstance } from '../../model/instance.js';
import type { Roster } from '../../model/roster.js';
import type { SolveOptions, SolveResult } from '../types.js';
import { lpLowerBound } from './bound.js';
import { polishNeighbourhood } from './polish.js';
import { solveMonolithicMip } from './solve-mip.js';

/**
 * The MIP module in the shapes the solve runner takes (`SolveDeps` in ../solve.ts: `bounds`,
 * `polish`, `mip`), structurally typed so this module does not depend on the runner.
 */

/** HiGHS LP-relaxation bound (null when the LP is not solved to optimality in time). */
export const highsLpBoundProvider = {
  name: 'highs-lp-bound',
  async lowerBound(instance: PlanningInstance, timeLimitSeconds: number): Promise<number | null> {
    return (await lpLowerBound(instance, { timeLimitSeconds })).bound;
  },
};

/** HiGHS neighbourhood polishing over some employees' whole week. */
export const highsPolishProvider = {
  name: 'highs-polish',
  polish(
    instance: PlanningInstance,
    incumbent: Roster,
    freeEmployeeIds: readonly string[],
    options: { timeLimitSeconds: number },
  ): Promise<Roster | null> {
    return polishNeighbourhood(instance, incumbent, new Set(freeEmployeeIds), options);
  },
};

/** `solveMonolithicMip` driven by the runner's SolveOptions (solver, signal, time limit). */
export function monolithicMip(
  instance: PlanningInstance,
  options: SolveOptions,
): Promise<SolveResult> {
  return solveMonolithicMip(instance, {
    timeLimitSeconds: options.timeLimitSeconds,
    ...(options.solver ? { solver: options.solver } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
