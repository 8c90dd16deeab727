import type { PlanningInstance } from '../../model/instance.js';
import type { Roster } from '../../model/roster.js';
import { lpLowerBound } from './bound.js';
import { intervalLpBound } from './interval-bound.js';
import { solveMonolithicMip } from './solve-mip.js';

/**
 * The work the solve runner hands to its second thread (worker/bound-worker.ts) while the
 * heuristic runs on the first: a lower bound and, for 'mip', possibly a better or proven-optimal
 * roster.
 *
 * - 'mip': the monolithic HiGHS MIP (`solveMonolithicMip`): its dual bound, and its incumbent
 *   (decoded and passed through the checker, which throws RosterVerificationError on a
 *   violation). `proven` when HiGHS proves optimality of a model that is a relaxation of the
 *   rules (status OPTIMAL).
 * - 'lp': the LP relaxation (`lpLowerBound`), by HiGHS's interior-point solver (about twice as
 *   fast as the dual simplex on the medium week, measured); no roster.
 * - 'interval-lp': the interval LP bound (`intervalLpBound`: the week relaxed into independent
 *   intervals with everyone available on duty, supervision counted): seconds where the weekly LP
 *   takes minutes; no roster.
 *
 * `shouldStop` is polled inside HiGHS, so the other thread can end the job at any time: a MIP then
 * returns its bound and incumbent so far, an unfinished LP no bound.
 */

export type BoundStrategy = 'mip' | 'lp' | 'interval-lp';

export interface BoundJobOptions {
  readonly strategy: BoundStrategy;
  readonly timeLimitSeconds: number;
  readonly shouldStop?: () => boolean;
  /** Each improvement of the MIP's proven bound while it runs (strategy 'mip'). */
  readonly onBound?: (bound: number) => void;
}

export interface BoundJobResult {
  /** A valid lower bound on weightedTotal of every checker-feasible roster, or null. */
  readonly bound: number | null;
  /** A checker-clean roster (strategy 'mip' only), or null. */
  readonly roster: Roster | null;
  /** Its weightedTotal, or null. */
  readonly objective: number | null;
  /** The roster is proven optimal (bound = objective). */
  readonly proven: boolean;
  readonly method: string;
  readonly seconds: number;
}

export async function runBoundJob(
  instance: PlanningInstance,
  options: BoundJobOptions,
): Promise<BoundJobResult> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const stop = options.shouldStop ? { shouldStop: options.shouldStop } : {};
  const boundOnly = (bound: number | null, method: string): BoundJobResult => ({
    bound,
    roster: null,
    objective: null,
    proven: false,
    method,
    seconds: seconds(),
  });
  if (options.strategy === 'interval-lp') {
    const result = await intervalLpBound(instance, {
      timeLimitSeconds: options.timeLimitSeconds,
      ...stop,
    });
    return boundOnly(result.bound, 'interval-lp-bound');
  }
  if (options.strategy === 'lp') {
    const result = await lpLowerBound(instance, {
      timeLimitSeconds: options.timeLimitSeconds,
      highsOptions: { solver: 'ipm' },
      ...stop,
    });
    return boundOnly(result.bound, `${result.method}-bound`);
  }
  const result = await solveMonolithicMip(instance, {
    timeLimitSeconds: options.timeLimitSeconds,
    ...stop,
    ...(options.onBound ? { onBound: options.onBound } : {}),
  });
  return {
    bound: result.lowerBound,
    roster: result.roster,
    objective: result.objective,
    proven: result.status === 'OPTIMAL' && result.roster !== null,
    method: result.method,
    seconds: seconds(),
  };
}
