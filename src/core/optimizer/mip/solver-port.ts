import type { MipModel } from './sparse.js';

/**
 * The port every LP/MIP solver adapter implements. Adapters are guarded: a returned solution has
 * passed `verifyAgainstModel` (bounds, integrality unless `relax`, every row, within tolerance)
 * and its objective has been recomputed from the values; a solution that fails throws
 * SolverResultError instead of being returned.
 */
export type MipStatus = 'OPTIMAL' | 'FEASIBLE' | 'INFEASIBLE' | 'TIME_LIMIT' | 'ERROR';

export interface MipSolveOptions {
  readonly timeLimitSeconds: number;
  /** Solve the LP relaxation (integrality dropped). */
  readonly relax?: boolean;
  /** Relative gap at which a MIP counts as solved (default 1e-6). */
  readonly mipRelGap?: number;
  /** A (partial) start by column name; HiGHS uses it as a MIP start. */
  readonly warmStart?: ReadonlyMap<string, number>;
  /**
   * Checked before the solve starts. Solvers here run synchronously on the calling thread, so an
   * abort can only take effect between solves (the time limit bounds each solve).
   */
  readonly signal?: AbortSignal;
  /** Tolerance of the guard (default 1e-5, rows scaled by max(1, |rhs|)). */
  readonly tolerance?: number;
  /**
   * Polled at the solver's own checkpoints while it runs (HiGHS: simplex, IPM and MIP interrupt
   * callbacks): returning true stops the solve as at a time limit, with the incumbent and the
   * bound reached so far. This is how another thread cancels a running solve (e.g. through a
   * SharedArrayBuffer flag), since the solve blocks its own thread.
   */
  readonly shouldStop?: () => boolean;
  /**
   * Told the solver's proven bound on the model's objective whenever it reports progress (HiGHS:
   * the MIP interrupt callback's dual bound), so a caller has it even if the solve never returns.
   */
  readonly onBound?: (bound: number) => void;
}

export interface MipSolution {
  readonly status: MipStatus;
  /** Column values by name; null when there is no (verified) solution. */
  readonly values: Map<string, number> | null;
  /** Objective of `values` recomputed from the model (offset included). */
  readonly objective: number | null;
  /** A proven lower bound on the model optimum (the LP optimum when `relax`), or null. */
  readonly bound: number | null;
  readonly seconds: number;
}

export interface MipSolver {
  readonly name: string;
  solve(model: MipModel, options: MipSolveOptions): Promise<MipSolution>;
}
