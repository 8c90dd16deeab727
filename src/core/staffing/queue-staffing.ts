import { erlangAMetrics, erlangARequiredAgents } from './erlang-a.js';
import { erlangCMetrics, erlangCRequiredAgents } from './erlang-c.js';
import { ceilTolerant } from './numerics.js';
import { type QueueMetrics, type QueueParameters } from './types.js';
import {
  type ValidQueueParameters,
  validateAgents,
  validateArrivals,
  validateQueueParameters,
  validatedOfferedLoad,
} from './validation.js';

/**
 * The queue calculator behind the future GraphQL query: Erlang C for queues without a patience
 * model, Erlang A (M/M/N+M) for queues with `patienceSeconds`.
 */

/** Input of {@link computeQueueStaffing}, named as in the GraphQL calculator input. */
export interface QueueStaffingInput extends QueueParameters {
  /** Calls forecast in the interval (>= 0). */
  readonly arrivals: number;
  /** Productive agents to evaluate; absent: the metrics are reported at `requiredAgents`. */
  readonly agents?: number | null;
}

export interface QueueStaffingResult {
  /** Smallest agent count meeting the service-level target and the occupancy cap. */
  readonly requiredAgents: number;
  /** Heads to schedule for `requiredAgents`: ⌈requiredAgents / (1 − shrinkage)⌉. */
  readonly scheduledStaff: number;
  /** The agent count the metrics below describe (`agents` if given, else `requiredAgents`). */
  readonly agents: number;
  readonly offeredLoad: number;
  readonly serviceLevel: number;
  /** Mean wait of answered calls, seconds; `null` when infinite (unstable Erlang C queue). */
  readonly averageSpeedOfAnswer: number | null;
  readonly occupancy: number;
  readonly waitProbability: number;
  /** `null` without `patienceSeconds`. */
  readonly abandonmentProbability: number | null;
}

/** Required agents for a validated queue at offered load A (Erlang A when patience is given). */
export function requiredAgentsFor(load: number, parameters: ValidQueueParameters): number {
  const { patienceSeconds } = parameters;
  return patienceSeconds === null
    ? erlangCRequiredAgents(load, parameters)
    : erlangARequiredAgents(load, { ...parameters, patienceSeconds });
}

/** The service N agents deliver at offered load A (Erlang A when patience is given). */
export function queueMetricsFor(
  agents: number,
  load: number,
  parameters: ValidQueueParameters,
): QueueMetrics {
  const { patienceSeconds } = parameters;
  return patienceSeconds === null
    ? erlangCMetrics(agents, load, parameters)
    : erlangAMetrics(agents, load, { ...parameters, patienceSeconds });
}

/** Heads to schedule so that `agents` remain after shrinkage: ⌈N / (1 − shrinkage)⌉. */
export function scheduledStaffFor(agents: number, shrinkage: number): number {
  return ceilTolerant(agents / (1 - shrinkage));
}

/**
 * Sizes one queue interval and reports its service. With `agents` it evaluates that staffing
 * (and still reports the requirement); without, it reports the metrics at `requiredAgents`.
 * Throws `ValidationFailedError` naming the offending input field.
 */
export function computeQueueStaffing(input: QueueStaffingInput): QueueStaffingResult {
  const parameters = validateQueueParameters(input);
  const arrivals = validateArrivals(input.arrivals);
  const given =
    input.agents === null || input.agents === undefined ? null : validateAgents(input.agents);
  const load = validatedOfferedLoad(arrivals, parameters);
  const requiredAgents = requiredAgentsFor(load, parameters);
  const metrics = queueMetricsFor(given ?? requiredAgents, load, parameters);
  return {
    requiredAgents,
    scheduledStaff: scheduledStaffFor(requiredAgents, parameters.shrinkage),
    agents: metrics.agents,
    offeredLoad: load,
    serviceLevel: metrics.serviceLevel,
    averageSpeedOfAnswer: metrics.averageSpeedOfAnswerSeconds,
    occupancy: metrics.occupancy,
    waitProbability: metrics.waitProbability,
    abandonmentProbability: metrics.abandonmentProbability,
  };
}
