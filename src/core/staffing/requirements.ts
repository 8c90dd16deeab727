import { requiredAgentsFor, scheduledStaffFor } from './queue-staffing.js';
import { type QueueParameters } from './types.js';
import {
  MAX_OFFERED_LOAD,
  type ValidQueueParameters,
  validateArrivals,
  validateQueueParameters,
  validatedOfferedLoad,
} from './validation.js';

/**
 * Batch requirements: required agents per (interval, queue, state) cell for a whole week.
 *
 * Speed comes from the O(N) Erlang C search (the Erlang B recursion advances one step per
 * candidate N, see `erlangCRequiredAgents`): a 26 880-cell week takes a few milliseconds. On top,
 * results are memoised per batch, per parameters object, by the exact offered load (a number-keyed
 * map: cheap, and never rounded, so memoisation cannot change a result); this pays off for
 * repeated loads and above all for Erlang A cells, whose sizing costs far more. Parameter objects
 * shared by many cells are validated once, and error paths are built only when a check fails.
 */

/** One cell of the week: its identity, its forecast and its queue's parameters. */
export interface RequirementCell {
  /** Interval index within the horizon. */
  readonly interval: number;
  readonly queue: string;
  readonly state: string;
  /** Calls forecast in the interval. */
  readonly arrivals: number;
  readonly parameters: QueueParameters;
}

export interface CellRequirement {
  readonly interval: number;
  readonly queue: string;
  readonly state: string;
  readonly offeredLoad: number;
  /** Productive agents needed (Erlang C, or Erlang A with patience). */
  readonly requiredAgents: number;
  /** Heads to schedule: ⌈requiredAgents / (1 − shrinkage)⌉. */
  readonly scheduledStaff: number;
}

/** Validates each distinct parameters object once, naming the first cell that uses it. */
function parameterValidator(): (cell: RequirementCell, index: number) => ValidQueueParameters {
  const validated = new Map<QueueParameters, ValidQueueParameters>();
  return (cell, index) => {
    let parameters = validated.get(cell.parameters);
    if (parameters === undefined) {
      parameters = validateQueueParameters(cell.parameters, `cells[${index}].parameters.`);
      validated.set(cell.parameters, parameters);
    }
    return parameters;
  };
}

/** The cell's validated offered load; the error path `cells[i].arrivals` is built only on failure. */
function offeredLoadOf(
  cell: RequirementCell,
  parameters: ValidQueueParameters,
  index: number,
): number {
  const { arrivals } = cell;
  const load = (arrivals * parameters.ahtSeconds) / parameters.intervalSeconds;
  if (typeof arrivals === 'number' && arrivals >= 0 && load <= MAX_OFFERED_LOAD) return load;
  const field = `cells[${index}].arrivals`;
  return validatedOfferedLoad(validateArrivals(arrivals, field), parameters, field);
}

export interface RequirementOptions {
  /** Reuse results for repeated (parameters, offered load) pairs; default true. */
  readonly memoise?: boolean;
}

/** The requirement from the memo, sized and stored on a miss. */
function memoised(
  memo: Map<ValidQueueParameters, Map<number, number>>,
  parameters: ValidQueueParameters,
  load: number,
): number {
  let byLoad = memo.get(parameters);
  if (byLoad === undefined) memo.set(parameters, (byLoad = new Map<number, number>()));
  let requiredAgents = byLoad.get(load);
  if (requiredAgents === undefined) {
    requiredAgents = requiredAgentsFor(load, parameters);
    byLoad.set(load, requiredAgents);
  }
  return requiredAgents;
}

/**
 * Required agents for every cell, in input order. Throws `ValidationFailedError` naming the cell,
 * e.g. `cells[12].arrivals` or `cells[0].parameters.ahtSeconds`.
 */
export function computeRequirements(
  cells: readonly RequirementCell[],
  options: RequirementOptions = {},
): CellRequirement[] {
  const validate = parameterValidator();
  const memoise = options.memoise ?? true;
  const memo = new Map<ValidQueueParameters, Map<number, number>>();
  return cells.map((cell, index) => {
    const parameters = validate(cell, index);
    const load = offeredLoadOf(cell, parameters, index);
    const requiredAgents = memoise
      ? memoised(memo, parameters, load)
      : requiredAgentsFor(load, parameters);
    return {
      interval: cell.interval,
      queue: cell.queue,
      state: cell.state,
      offeredLoad: load,
      requiredAgents,
      scheduledStaff: scheduledStaffFor(requiredAgents, parameters.shrinkage),
    };
  });
}
