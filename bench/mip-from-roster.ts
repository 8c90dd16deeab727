import type { CheckResult } from '../src/core/checker/types.js';
import type { PlanningInstance } from '../src/core/model/instance.js';
import type { Roster } from '../src/core/model/roster.js';
import { decodeRoster } from '../src/core/optimizer/mip/decode.js';
import { encodeRoster } from '../src/core/optimizer/mip/encode.js';
import type { RosterModel } from '../src/core/optimizer/mip/context.js';
import type { MipSolution, MipSolver } from '../src/core/optimizer/mip/solver-port.js';
import { toNamed } from '../src/core/optimizer/mip/sparse.js';

/**
 * The probes' common step: HiGHS (or another solver) on a roster model, started from a roster
 * encoded into it; the solution, and the checker's verdict on its decoded roster (null when the
 * solver returned no values).
 */
export async function solveFromRoster(
  solver: MipSolver,
  instance: PlanningInstance,
  rosterModel: RosterModel,
  start: Roster,
  timeLimitSeconds: number,
): Promise<{ solution: MipSolution; check: CheckResult | null }> {
  const encoded = encodeRoster(rosterModel, start);
  const solution = await solver.solve(rosterModel.model, {
    timeLimitSeconds,
    warmStart: toNamed(rosterModel.model, encoded.values),
  });
  const check = solution.values ? decodeRoster(instance, rosterModel, solution.values).check : null;
  return { solution, check };
}
