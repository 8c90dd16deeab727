import type { PlanningInstance } from '../../model/instance.js';
import type { Roster } from '../../model/roster.js';
import { lpLowerBound } from './bound.js';
import { dayLagrangianBound } from './day-bound.js';
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
 * - 'day-lagrangian': first the interval LP bound (a second), then a Lagrangian bound from the
 *   week cut into days (`dayLagrangianBound`: the days' LPs with the rows joining days priced, the
 *   prices improved for the rest of the time limit); the better of the two, each improvement
 *   posted through `onBound` as it comes; no roster.
 * - 'interval-lp': the interval LP bound (`intervalLpBound`: the week relaxed into independent
 *   intervals with everyone available on duty, supervision counted): seconds where the weekly LP
 *   takes minutes; no roster.
 *
 * `shouldStop` is polled inside HiGHS, so the other thread can end the job at any time: a MIP then
 * returns its bound and incumbent so far, an unfinished LP no bound.
 */

export type BoundStrategy = 'mip' | 'lp' | 'day-lagrangian' | 'interval-lp';

export interface BoundJobOptions {
  readonly strategy: BoundStrategy;
  readonly timeLimitSeconds: number;
  readonly shouldStop?: () => boolean;
  /** Each improvement of the proven bound while the job runs ('mip', 'day-lagrangian'). */
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
  if (options.strategy === 'day-lagrangian') return dayJob(instance, options, boundOnly);
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

/** 'day-lagrangian': the interval LP bound, then the day bound improving on it. */
async function dayJob(
  instance: PlanningInstance,
  options: BoundJobOptions,
  boundOnly: (bound: number | null, method: string) => BoundJobResult,
): Promise<BoundJobResult> {
  const started = Date.now();
  const stop = options.shouldStop ? { shouldStop: options.shouldStop } : {};
  const intervals = await intervalLpBound(instance, {
    timeLimitSeconds: options.timeLimitSeconds,
    ...stop,
  });
  if (intervals.bound !== null) options.onBound?.(intervals.bound);
  const floor = intervals.bound ?? -Infinity;
  const days = await dayLagrangianBound(instance, {
    timeLimitSeconds: options.timeLimitSeconds - (Date.now() - started) / 1000,
    ...stop,
    onBound: (bound) => {
      if (bound > floor) options.onBound?.(bound);
    },
  });
  if (days.bound !== null && days.bound > floor)
    return boundOnly(days.bound, `${days.method}-bound`);
  return boundOnly(intervals.bound, 'interval-lp-bound');
}
