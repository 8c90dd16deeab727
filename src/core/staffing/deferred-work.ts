import { ceilTolerant } from './numerics.js';
import { type DeferredWorkUnit } from './deferred-flow.js';
import { requireNumber, validateArrivals } from './validation.js';

/**
 * Deferred work (insurance claims, e-prescriptions): not answered within seconds but finished by
 * a deadline, e.g. within 24 h. Three views of it:
 * (a) staffing as it arrives: workload (agents) = arrivals × handle time / (interval length ×
 *     productive fraction), rounded up per interval;
 * (b) clearing a backlog by a deadline with constant staff: items per period = backlog / periods
 *     + new items per period; agents = ⌈items per period / (productive seconds per agent-period /
 *     handle seconds)⌉. Domain example: (200 / 5 + 80) = 120 items/day, 5.5 h × 60 / 25 min =
 *     13.2 items per agent-day, 120 / 13.2 = 9.09 → 10 agents;
 * (c) a flow for the optimizer: per arrival interval, the work in agent-intervals and the last
 *     interval by which it must be done ({@link buildDeferredWorkFlow}); feasibility of a
 *     staffing and the least constant staffing are in `deferred-flow.ts`.
 */

export interface DeferredWorkParameters {
  /** Handle time of one item, seconds (> 0). */
  readonly handleSeconds: number;
  /** Interval length, seconds (> 0). */
  readonly intervalSeconds: number;
  /** Share of a staffed interval spent on the work, in (0, 1]. */
  readonly productiveFraction: number;
}

function validateDeferredParameters(parameters: DeferredWorkParameters): DeferredWorkParameters {
  const seconds = 'must be a positive number of seconds';
  return {
    handleSeconds: requireNumber('handleSeconds', parameters.handleSeconds, (v) => v > 0, seconds),
    intervalSeconds: requireNumber(
      'intervalSeconds',
      parameters.intervalSeconds,
      (v) => v > 0,
      seconds,
    ),
    productiveFraction: requireNumber(
      'productiveFraction',
      parameters.productiveFraction,
      (v) => v > 0 && v <= 1,
      'must be greater than 0 and at most 1',
    ),
  };
}

/** Agent-intervals one item takes: handle / (interval × productive fraction). */
function workPerItem(parameters: DeferredWorkParameters): number {
  return parameters.handleSeconds / (parameters.intervalSeconds * parameters.productiveFraction);
}

/** (a) Fractional agents needed to do an interval's arrivals within that interval. */
export function deferredWorkloadAgents(
  arrivals: number,
  parameters: DeferredWorkParameters,
): number {
  return validateArrivals(arrivals) * workPerItem(validateDeferredParameters(parameters));
}

/** (a) Whole agents per interval when every interval's work is done as it arrives. */
export function deferredStaffAsArrives(
  arrivals: readonly number[],
  parameters: DeferredWorkParameters,
): number[] {
  const perItem = workPerItem(validateDeferredParameters(parameters));
  return arrivals.map((items, i) =>
    ceilTolerant(validateArrivals(items, `arrivals[${i}]`) * perItem),
  );
}

export interface BacklogClearingInput {
  /** Items waiting now (>= 0). */
  readonly backlogItems: number;
  /** Items arriving per period, e.g. per day (>= 0). */
  readonly newItemsPerPeriod: number;
  /** Periods until the backlog must be gone (> 0). */
  readonly periods: number;
  readonly handleSeconds: number;
  /** Productive seconds one agent works per period, e.g. 5.5 h = 19 800 s per day (> 0). */
  readonly productiveSecondsPerAgentPerPeriod: number;
}

export interface BacklogClearingPlan {
  readonly itemsPerPeriod: number;
  readonly itemsPerAgentPerPeriod: number;
  /** Fractional agents: itemsPerPeriod / itemsPerAgentPerPeriod. */
  readonly exactAgents: number;
  /** Constant whole agents per period that clear the backlog and keep up with new work. */
  readonly agents: number;
}

/** (b) Constant staff that clears a backlog within `periods` while keeping up with inflow. */
export function staffToClearBacklog(input: BacklogClearingInput): BacklogClearingPlan {
  const atLeastZero = 'must be a finite number >= 0';
  const backlog = requireNumber('backlogItems', input.backlogItems, (v) => v >= 0, atLeastZero);
  const inflow = requireNumber(
    'newItemsPerPeriod',
    input.newItemsPerPeriod,
    (v) => v >= 0,
    atLeastZero,
  );
  const periods = requireNumber(
    'periods',
    input.periods,
    (v) => v > 0,
    'must be a positive number',
  );
  const seconds = 'must be a positive number of seconds';
  const handle = requireNumber('handleSeconds', input.handleSeconds, (v) => v > 0, seconds);
  const productive = requireNumber(
    'productiveSecondsPerAgentPerPeriod',
    input.productiveSecondsPerAgentPerPeriod,
    (v) => v > 0,
    seconds,
  );
  const itemsPerPeriod = backlog / periods + inflow;
  const itemsPerAgentPerPeriod = productive / handle;
  const exactAgents = itemsPerPeriod / itemsPerAgentPerPeriod;
  return { itemsPerPeriod, itemsPerAgentPerPeriod, exactAgents, agents: ceilTolerant(exactAgents) };
}

export interface DeferredWorkFlowInput extends DeferredWorkParameters {
  /** Items arriving in each interval of the horizon. */
  readonly arrivals: readonly number[];
  /** Intervals an item may wait: work arriving in i is due by interval i + deadlineIntervals. */
  readonly deadlineIntervals: number;
  /** Items already waiting at the start of interval 0 (default 0). */
  readonly initialBacklogItems?: number;
  /** Last interval for the initial backlog (default: `deadlineIntervals`). */
  readonly backlogDeadlineInterval?: number;
}

/**
 * (c) The flow formulation: one unit per arrival interval with work, in agent-intervals, due by
 * min(i + deadlineIntervals, last interval) — work whose deadline falls after the horizon is
 * conservatively due in its last interval — plus one unit for the initial backlog.
 */
export function buildDeferredWorkFlow(input: DeferredWorkFlowInput): DeferredWorkUnit[] {
  const perItem = workPerItem(validateDeferredParameters(input));
  const whole = (v: number): boolean => v >= 0 && Number.isInteger(v);
  const lag = requireNumber(
    'deadlineIntervals',
    input.deadlineIntervals,
    whole,
    'must be a whole number >= 0',
  );
  const last = input.arrivals.length - 1;
  const units: DeferredWorkUnit[] = [];
  const backlog = validateArrivals(input.initialBacklogItems ?? 0, 'initialBacklogItems');
  if (backlog > 0 && last >= 0) {
    const due = requireNumber(
      'backlogDeadlineInterval',
      input.backlogDeadlineInterval ?? lag,
      whole,
      'must be a whole number >= 0',
    );
    units.push({
      arrivalInterval: 0,
      work: backlog * perItem,
      deadlineInterval: Math.min(due, last),
    });
  }
  input.arrivals.forEach((items, i) => {
    const work = validateArrivals(items, `arrivals[${i}]`) * perItem;
    if (work > 0)
      units.push({ arrivalInterval: i, work, deadlineInterval: Math.min(i + lag, last) });
  });
  return units;
}
