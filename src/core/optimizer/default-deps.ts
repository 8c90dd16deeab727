import type { PlanningInstance } from '../model/instance.js';
import { monolithicMip } from './mip/providers.js';
import { relaxationBoundProvider } from './search/bounds.js';
import type { SolveDeps } from './solve.js';
import { workerBound } from './worker/run-bound-in-worker.js';

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
 * employees the model takes most of a minute to build and its LP does not finish within ten, so
 * no second thread is started.
 */
export const PARALLEL_LP_MAX_EMPLOYEES = 150;
export const PARALLEL_LP_MIN_SECONDS = 75;

/**
 * What the service's solves use: the combinatorial relaxation bound on the solve's own thread,
 * a HiGHS job on the second thread (the MIP for small weeks, the LP for medium ones), and the
 * monolithic HiGHS MIP for explicit `method: 'mip'` solves.
 */
export function defaultSolveDeps(instance: PlanningInstance): SolveDeps {
  const employees = instance.employees.length;
  const base: SolveDeps = { bounds: relaxationBoundProvider, mip: monolithicMip };
  if (employees <= PARALLEL_MIP_MAX_EMPLOYEES) return { ...base, parallel: workerBound('mip') };
  if (employees <= PARALLEL_LP_MAX_EMPLOYEES)
    return {
      ...base,
      parallel: workerBound('lp', { minTimeLimitSeconds: PARALLEL_LP_MIN_SECONDS }),
    };
  return base;
}
