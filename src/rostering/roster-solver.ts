import type { PlanningInstance } from '../core/model/instance.js';
import type { SolveOptions, SolveProgress, SolveResult } from '../core/optimizer/types.js';

/** What a run asks of a solve. */
export interface RosterSolveRequest extends Omit<SolveOptions, 'signal' | 'onProgress'> {
  /**
   * Stop the search after this many iterations: the deterministic mode, whose rosters are
   * reproducible for the same instance and seed (`SolveResult.reproducible`). Absent: time only.
   */
  readonly iterationBudget?: number;
}

/**
 * The port through which the service runs the optimizer. The default adapter runs the core's
 * solver in a worker thread so requests keep being served; tests replace it through DI.
 */
export interface RosterSolver {
  solve(
    instance: PlanningInstance,
    request: RosterSolveRequest,
    control: { signal: AbortSignal; onProgress: (progress: SolveProgress) => void },
  ): Promise<SolveResult>;
}

export const ROSTER_SOLVER = Symbol('ROSTER_SOLVER');
