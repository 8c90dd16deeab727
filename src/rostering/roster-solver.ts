import type { PlanningInstance } from '../core/model/instance.js';
import type { SolveOptions, SolveProgress, SolveResult } from '../core/optimizer/types.js';

/**
 * The port through which the service runs the optimizer. The default adapter runs the core's
 * solver in a worker thread so requests keep being served; tests replace it through DI.
 */
export interface RosterSolver {
  solve(
    instance: PlanningInstance,
    options: Omit<SolveOptions, 'signal' | 'onProgress'>,
    control: { signal: AbortSignal; onProgress: (progress: SolveProgress) => void },
  ): Promise<SolveResult>;
}

export const ROSTER_SOLVER = Symbol('ROSTER_SOLVER');
