import type { PlanningInstance } from '../model/instance.js';
import { monolithicMip } from './mip/providers.js';
import { relaxationBoundProvider } from './search/bounds.js';
import type { ParallelBoundProvider, SolveDeps } from './solve-deps.js';
import { workerBound } from './worker/run-bound-in-worker.js';
import { workerBestWeeks } from './worker/run-best-weeks-in-worker.js';

/**
 * Up to this many employees the whole-week HiGHS MIP runs on the second core next to the
 * heuristic (small: proves the optimum in seconds to tens of seconds, measured in
 * docs/benchmarks.md); its dual bound is reported, and its roster is returned when better.
 */
export const PARALLEL_MIP_MAX_EMPLOYEES = 40;

/**
 * Up to this many employees, given at least `PARALLEL_DAY_MIN_SECONDS` (90 % of the solve's limit
 * less 0.3 s: solves of about 9 s or more), the second core prices the week cut into days
 * (mip/day-bound.ts), an anytime job that starts with the interval LP bound, so it never reports
 * less. In a 20 s medium solve it reports 27 068 (seed 1; 16 153 for seed 2) where the interval LP
 * gives 22 195 (13 977), for rosters within the runs' noise without the best-week helper; given
 * 45 s it comes within 0.1 % of the weekly LP (28 958 against 28 982). It replaced the weekly LP
 * job for solves of 84 s or more: that one gave 28 982 at 90 s for the same rosters, but answers
 * all or nothing (next to the heuristic under load it did not finish in a 60 s solve) and the
 * search kept 7 s for waiting on it (docs/benchmarks.md, sixteenth session). Its first prices take
 * about 4 s at medium (the model, the days' first LPs). Beyond this size the days' first LPs take
 * over a minute (large: 82 s), so large weeks keep the interval LP and the helper.
 */
export const PARALLEL_DAY_MAX_EMPLOYEES = 150;
export const PARALLEL_DAY_MIN_SECONDS = 8;

/**
 * What the service's solves use: the combinatorial relaxation bound on the solve's own thread,
 * a HiGHS job on the second thread, and the monolithic HiGHS MIP for explicit `method: 'mip'`
 * solves. The second thread runs the MIP for small weeks, the day bound for medium ones given
 * 8 s, and otherwise the interval LP bound (mip/interval-bound.ts:
 * 1 s at medium, 2.3 s at large, where it raised the bound from 26 727 to 33 221 against the
 * weekly LP's 35 686). Beyond the small size the second core, once that quick job is done (the
 * interval LP), proposes best weeks for the search
 * (`workerBestWeeks`; the solve starts it only next to a quick job or none). Their threads run
 * at the lowest CPU priority unless `lowPriority` is false (`WorkerRunOptions.lowPriority`).
 */
export function defaultSolveDeps(
  instance: PlanningInstance,
  options: { readonly lowPriority?: boolean } = {},
): SolveDeps {
  const employees = instance.employees.length;
  const priority = { lowPriority: options.lowPriority ?? true };
  const base: SolveDeps = { bounds: relaxationBoundProvider, mip: monolithicMip };
  if (employees <= PARALLEL_MIP_MAX_EMPLOYEES)
    return { ...base, parallel: workerBound('mip', priority) };
  const intervals = workerBound('interval-lp', priority);
  const helped = { ...base, bestWeekHelper: workerBestWeeks(priority) };
  if (employees > PARALLEL_DAY_MAX_EMPLOYEES) return { ...helped, parallel: intervals };
  const days = workerBound('day-lagrangian', {
    ...priority,
    minTimeLimitSeconds: PARALLEL_DAY_MIN_SECONDS,
  });
  return { ...helped, parallel: firstStarted(days, intervals) };
}

/** The first of the providers whose job starts (each run names its own method). */
function firstStarted(...providers: ParallelBoundProvider[]): ParallelBoundProvider {
  return {
    name: providers.map((provider) => provider.name).join('|'),
    start: (instance, options) => {
      for (const provider of providers) {
        const run = provider.start(instance, options);
        if (run) return run;
      }
      return null;
    },
  };
}
