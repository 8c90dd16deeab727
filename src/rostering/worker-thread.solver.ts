import { Injectable } from '@nestjs/common';
import type { PlanningInstance } from '../core/model/instance.js';
import { runSolveInWorker } from '../core/optimizer/index.js';
import type { SolveProgress, SolveResult } from '../core/optimizer/types.js';
import type { RosterSolveRequest, RosterSolver } from './roster-solver.js';

/** The default RosterSolver: the core optimizer in a worker thread, so the API keeps serving. */
@Injectable()
export class WorkerThreadRosterSolver implements RosterSolver {
  solve(
    instance: PlanningInstance,
    { iterationBudget, ...options }: RosterSolveRequest,
    control: { signal: AbortSignal; onProgress: (progress: SolveProgress) => void },
  ): Promise<SolveResult> {
    return runSolveInWorker(instance, options, {
      signal: control.signal,
      onProgress: control.onProgress,
      ...(iterationBudget !== undefined ? { search: { maxIterations: iterationBudget } } : {}),
    });
  }
}
