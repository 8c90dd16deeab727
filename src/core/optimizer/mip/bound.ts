import type { PlanningInstance } from '../../model/instance.js';
import type { CandidateShift } from '../../time/shift-times.js';
import type { SolverName } from '../types.js';
import { buildRosterModel, exactModelIsRelaxation } from './model.js';
import type { MipSolver, MipStatus } from './solver-port.js';
import { HighsSolver } from './highs-adapter.js';
import { solverFor } from './solvers.js';

export interface LowerBoundOptions {
  readonly timeLimitSeconds: number;
  /**
   * Restricted candidate shifts per employee. The bound is then only valid for rosters using
   * these candidates, not for every checker-feasible roster.
   */
  readonly candidates?: ReadonlyMap<string, readonly CandidateShift[]>;
  /** 'lp' (default): the LP relaxation. 'mip': the dual bound of a branch-and-cut run. */
  readonly strategy?: 'lp' | 'mip';
  readonly solver?: SolverName | MipSolver;
  /** Extra HiGHS options for the default solver (e.g. { solver: 'ipm' } for large LPs). */
  readonly highsOptions?: Readonly<Record<string, number | string | boolean>>;
  /** Polled while the solver runs; true stops it (the bound is then null for 'lp'). */
  readonly shouldStop?: () => boolean;
}

export interface LowerBound {
  /** A valid lower bound on weightedTotal of every checker-feasible roster, or null. */
  readonly bound: number | null;
  readonly status: MipStatus;
  readonly method: string;
  readonly seconds: number;
}

/**
 * A lower bound on `checkRoster(instance, r).soft.weightedTotal` over every checker-feasible r:
 * the LP relaxation (or, with strategy 'mip', HiGHS's dual bound after branch-and-cut within the
 * time limit) of a model that is a relaxation of the rules: the 'exact' model when
 * `exactModelIsRelaxation`, else the 'relaxed' supervision model. The LP value counts only when
 * proven optimal; it is lowered by 1e-6 relative as a guard against solver tolerances.
 * INFEASIBLE means no roster exists (bound null).
 */
export async function lpLowerBound(
  instance: PlanningInstance,
  options: LowerBoundOptions,
): Promise<LowerBound> {
  const started = Date.now();
  const mode = exactModelIsRelaxation(instance) ? 'exact' : 'relaxed';
  const { model } = buildRosterModel(instance, {
    supervision: mode,
    ...(options.candidates ? { candidates: options.candidates } : {}),
  });
  const solver =
    options.highsOptions && (options.solver === undefined || options.solver === 'highs')
      ? new HighsSolver(options.highsOptions)
      : solverFor(options.solver);
  const strategy = options.strategy ?? 'lp';
  const remaining = Math.max(0.1, options.timeLimitSeconds - (Date.now() - started) / 1000);
  const result = await solver.solve(model, {
    timeLimitSeconds: remaining,
    relax: strategy === 'lp',
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
  });
  const raw = result.bound;
  const bound = raw === null ? null : raw - 1e-6 * Math.max(1, Math.abs(raw));
  return {
    bound,
    status: result.status,
    method: `${solver.name}-${strategy}-${mode}`,
    seconds: (Date.now() - started) / 1000,
  };
}
