import type { PlanningInstance } from '../model/instance.js';
import { highsLpBoundProvider, monolithicMip } from './mip/providers.js';
import { bestOfBounds, relaxationBoundProvider } from './search/bounds.js';
import type { SolveDeps } from './solve.js';

/**
 * Up to this many employees the HiGHS LP relaxation solves within a few seconds (small: about
 * 1.4 s, measured) and gives a much tighter bound than the combinatorial relaxation; beyond it the
 * model takes longer to build and solve than a solve's budget allows (medium: about 30 s), and the
 * HiGHS call cannot be interrupted, so it is not attempted.
 */
export const HIGHS_BOUND_MAX_EMPLOYEES = 40;

/** What the service's solves use: the best available bound, and HiGHS for explicit MIP solves. */
export function defaultSolveDeps(instance: PlanningInstance): SolveDeps {
  if (instance.employees.length > HIGHS_BOUND_MAX_EMPLOYEES) return { mip: monolithicMip };
  return {
    bounds: bestOfBounds([relaxationBoundProvider, highsLpBoundProvider]),
    boundTimeShare: 0.3,
    mip: monolithicMip,
  };
}
