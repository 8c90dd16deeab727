import type { PlanningInstance } from '../../model/instance.js';
import type { Roster } from '../../model/roster.js';
import type { SolveResult, SolverName } from '../types.js';
import { decodeRoster } from './decode.js';
import { encodeRoster } from './encode.js';
import { analyseInfeasibility } from './infeasibility.js';
import { buildRosterModel, exactModelIsRelaxation } from './model.js';
import type { MipSolver } from './solver-port.js';
import { HighsSolver } from './highs-adapter.js';
import { solverFor } from './solvers.js';
import { toNamed } from './sparse.js';

export interface MonolithicOptions {
  readonly timeLimitSeconds: number;
  readonly solver?: SolverName | MipSolver;
  readonly signal?: AbortSignal;
  /** Relative gap at which HiGHS stops (default 1e-6). */
  readonly mipRelGap?: number;
  /** A checker-clean roster to start from (MIP start). */
  readonly warmStart?: Roster;
  /** Polled while HiGHS runs; true stops it like a time limit (see `MipSolveOptions`). */
  readonly shouldStop?: () => boolean;
  /**
   * Told each improvement of HiGHS's proven lower bound on weightedTotal while it runs (only when
   * the model is an exact relaxation of the rules, as for `lowerBound`).
   */
  readonly onBound?: (bound: number) => void;
  /** Extra HiGHS options (e.g. { mip_heuristic_effort: 0.2 }); ignored by other solvers. */
  readonly highsOptions?: Readonly<Record<string, number | string | boolean>>;
}

/** Passes on a bound only when it is better than the last one passed on. */
function improvingOnly(onBound: (bound: number) => void): (bound: number) => void {
  let best = -Infinity;
  return (bound) => {
    if (bound <= best) return;
    best = bound;
    onBound(bound);
  };
}

function gapOf(objective: number | null, bound: number | null): number | null {
  if (objective === null || bound === null) return null;
  return Math.max(0, objective - bound) / Math.max(Math.abs(objective), 1e-9);
}

/**
 * Builds the whole-week 'exact' model and solves it (small instances). OPTIMAL only when HiGHS
 * proves it and the model is a relaxation of the rules (`exactModelIsRelaxation`); otherwise a
 * solved model gives FEASIBLE. The roster is decoded and verified by the checker (a violation
 * throws RosterVerificationError). No solution within the limit gives CANCELLED with no roster.
 */
export async function solveMonolithicMip(
  instance: PlanningInstance,
  options: MonolithicOptions,
): Promise<SolveResult> {
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  const solver =
    options.solver === undefined || options.solver === 'highs'
      ? new HighsSolver(options.highsOptions ?? {})
      : solverFor(options.solver);
  const method = `mip-${solver.name}`;
  const empty = {
    roster: null,
    objective: null,
    soft: null,
    lowerBound: null,
    gap: null,
    method,
    explanations: [],
    infeasibility: null,
    search: null,
    // HiGHS runs on the clock: what it has found when its time limit ends depends on the machine.
    reproducible: false,
  };
  if (options.signal?.aborted) return { ...empty, status: 'CANCELLED', elapsedSeconds: elapsed() };
  const rosterModel = buildRosterModel(instance);
  if (rosterModel.index.buildConflicts.length > 0) {
    const infeasibility = await analyseInfeasibility(instance);
    return { ...empty, status: 'INFEASIBLE', infeasibility, elapsedSeconds: elapsed() };
  }
  const warm = options.warmStart
    ? toNamed(rosterModel.model, encodeRoster(rosterModel, options.warmStart).values)
    : undefined;
  const result = await solver.solve(rosterModel.model, {
    timeLimitSeconds: Math.max(0.1, options.timeLimitSeconds - elapsed()),
    ...(options.mipRelGap !== undefined ? { mipRelGap: options.mipRelGap } : {}),
    ...(warm ? { warmStart: warm } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
    ...(options.onBound && exactModelIsRelaxation(instance)
      ? { onBound: improvingOnly(options.onBound) }
      : {}),
  });
  if (result.status === 'INFEASIBLE') {
    const infeasibility = await analyseInfeasibility(instance);
    return { ...empty, status: 'INFEASIBLE', infeasibility, elapsedSeconds: elapsed() };
  }
  if (!result.values) return { ...empty, status: 'CANCELLED', elapsedSeconds: elapsed() };
  const { roster, check } = decodeRoster(instance, rosterModel, result.values, method);
  const valid = exactModelIsRelaxation(instance);
  const objective = check.soft.weightedTotal;
  const lowerBound = valid && result.bound !== null ? Math.min(result.bound, objective) : null;
  return {
    status: valid && result.status === 'OPTIMAL' ? 'OPTIMAL' : 'FEASIBLE',
    roster,
    objective,
    soft: check.soft,
    lowerBound,
    gap: gapOf(objective, lowerBound),
    method,
    elapsedSeconds: elapsed(),
    explanations: [],
    infeasibility: null,
    search: null,
    reproducible: false,
  };
}
