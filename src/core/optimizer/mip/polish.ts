import { checkRoster } from '../../checker/check-roster.js';
import type { LocalDate } from '../../model/common.js';
import type { PlanningInstance } from '../../model/instance.js';
import type { Roster } from '../../model/roster.js';
import type { SolverName } from '../types.js';
import type { Neighbourhood } from './context.js';
import { decodeRoster } from './decode.js';
import { encodeRoster } from './encode.js';
import { buildRosterModel } from './model.js';
import type { MipSolver } from './solver-port.js';
import { solverFor } from './solvers.js';
import { toNamed } from './sparse.js';

/** Which part to re-optimise: some employees' whole week, some dates for everyone, or both. */
export type NeighbourhoodSpec =
  | ReadonlySet<string>
  | { readonly employeeIds?: ReadonlySet<string>; readonly dates?: ReadonlySet<LocalDate> };

export interface PolishOptions {
  readonly timeLimitSeconds: number;
  readonly solver?: SolverName | MipSolver;
  readonly signal?: AbortSignal;
}

/**
 * MIP polishing of a neighbourhood: every shift outside it is fixed to the incumbent (with its
 * allocations), the free part is re-solved with the incumbent as MIP start, and the result is
 * decoded and checked. Returns the new roster only when the checker says it is strictly better
 * (weightedTotal lower by more than 1e-9 relative), else null. A checker violation throws
 * RosterVerificationError. The incumbent must be checker-clean.
 */
export async function polishNeighbourhood(
  instance: PlanningInstance,
  incumbent: Roster,
  spec: NeighbourhoodSpec,
  options: PolishOptions,
): Promise<Roster | null> {
  const started = Date.now();
  const neighbourhood: Neighbourhood =
    spec instanceof Set
      ? { incumbent, freeEmployeeIds: spec as ReadonlySet<string> }
      : {
          incumbent,
          ...((spec as { employeeIds?: ReadonlySet<string> }).employeeIds
            ? { freeEmployeeIds: (spec as { employeeIds: ReadonlySet<string> }).employeeIds }
            : {}),
          ...((spec as { dates?: ReadonlySet<LocalDate> }).dates
            ? { freeDates: (spec as { dates: ReadonlySet<LocalDate> }).dates }
            : {}),
        };
  const before = checkRoster(instance, incumbent).soft.weightedTotal;
  const rosterModel = buildRosterModel(instance, { neighbourhood });
  if (rosterModel.index.buildConflicts.length > 0) return null;
  const encoded = encodeRoster(rosterModel, incumbent);
  const solver = solverFor(options.solver);
  const result = await solver.solve(rosterModel.model, {
    timeLimitSeconds: Math.max(0.1, options.timeLimitSeconds - (Date.now() - started) / 1000),
    warmStart: toNamed(rosterModel.model, encoded.values),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!result.values) return null;
  const { roster, check } = decodeRoster(
    instance,
    rosterModel,
    result.values,
    `polish-${solver.name}`,
  );
  return check.soft.weightedTotal < before - 1e-9 * Math.max(1, Math.abs(before)) ? roster : null;
}
