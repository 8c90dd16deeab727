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
 * Up to this many employees the LP relaxation runs on the second core when the job gets at least
 * `PARALLEL_LP_MIN_SECONDS` (90 % of the solve's limit less 0.3 s: solves of about 84 s or more).
 * The medium LP takes 22–27 s by HiGHS's interior-point method alone on this machine, but next to
 * the heuristic under load (load average 5–7) it did not finish in a 60 s solve (a 50.5 s job), and
 * a job that cannot finish only takes CPU and memory from the heuristic. Beyond this many
 * employees the model takes most of a minute to build and its LP does not finish within ten.
 */
export const PARALLEL_LP_MAX_EMPLOYEES = 150;
export const PARALLEL_LP_MIN_SECONDS = 75;

/**
 * Up to `PARALLEL_LP_MAX_EMPLOYEES`, a job shorter than the weekly LP needs but at least this long
 * (solves of about 9 s or more) prices the week cut into days instead (mip/day-bound.ts): in a
 * 20 s medium solve it reports 27 068 (seed 1; 16 153 for seed 2) where the interval LP gives
 * 22 195 (13 977) and the weekly LP 28 982, for rosters within the runs' noise without the
 * best-week helper (docs/benchmarks.md). Its first prices alone take about 4 s at medium (the
 * model, the days' first LPs); it starts with the interval LP bound, so it never reports less.
 * Beyond that size the days' first LPs take over a minute (large: 82 s), so large weeks keep the
 * interval LP and the helper.
 */
export const PARALLEL_DAY_MIN_SECONDS = 8;

/**
 * What the service's solves use: the combinatorial relaxation bound on the solve's own thread,
 * a HiGHS job on the second thread, and the monolithic HiGHS MIP for explicit `method: 'mip'`
 * solves. The second thread runs the MIP for small weeks, the weekly LP for medium ones given the
 * time, else the day bound given 8 s, and otherwise the interval LP bound (mip/interval-bound.ts:
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
  if (employees > PARALLEL_LP_MAX_EMPLOYEES) return { ...helped, parallel: intervals };
  const weekly = workerBound('lp', { ...priority, minTimeLimitSeconds: PARALLEL_LP_MIN_SECONDS });
  const days = workerBound('day-lagrangian', {
    ...priority,
    minTimeLimitSeconds: PARALLEL_DAY_MIN_SECONDS,
  });
  return { ...helped, parallel: firstStarted(weekly, days, intervals) };
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
