import { ValidationFailedError } from '../errors.js';
import { queueMetricsFor } from './queue-staffing.js';
import { type QueueMetrics, type QueueParameters } from './types.js';
import {
  validateAgents,
  validateArrivals,
  validateQueueParameters,
  validatedOfferedLoad,
} from './validation.js';

/**
 * Evaluation of a given staffing: the service level each interval achieves and the
 * volume-weighted service level over the horizon (a week):
 *   weekly SL = Σ arrivals_i · SL_i / Σ arrivals_i,
 * i.e. the share of all the week's calls answered within the target. Intervals without calls
 * carry no weight; a horizon without any call reports SL 1 (no call missed its target).
 */

export interface StaffingEvaluation {
  /** Per-interval metrics, in input order. */
  readonly intervals: readonly QueueMetrics[];
  readonly totalArrivals: number;
  /** Calls answered within the target over the horizon: Σ arrivals_i · SL_i. */
  readonly answeredWithinTarget: number;
  /** Volume-weighted service level over the horizon. */
  readonly serviceLevel: number;
  /** Volume-weighted abandonment probability; `null` without a patience model. */
  readonly abandonmentProbability: number | null;
}

/** Σ w_i·x_i / Σ w_i, or `whenEmpty` if the weights sum to 0. */
export function volumeWeightedAverage(
  arrivals: readonly number[],
  values: readonly number[],
  whenEmpty: number,
): number {
  let total = 0;
  let weighted = 0;
  arrivals.forEach((volume, index) => {
    total += volume;
    weighted += volume * (values[index] ?? 0);
  });
  return total > 0 ? weighted / total : whenEmpty;
}

/**
 * Achieved service per interval and over the horizon for one queue: `arrivals[i]` calls are
 * forecast and `agents[i]` productive agents are on the queue in interval i.
 */
export function evaluateStaffing(
  parameters: QueueParameters,
  arrivals: readonly number[],
  agents: readonly number[],
): StaffingEvaluation {
  const valid = validateQueueParameters(parameters);
  if (agents.length !== arrivals.length) {
    throw ValidationFailedError.forField(
      'agents',
      agents.length,
      `must give one value per interval (${arrivals.length} intervals of arrivals)`,
    );
  }
  const intervals = arrivals.map((volume, i) => {
    const field = `arrivals[${i}]`;
    const load = validatedOfferedLoad(validateArrivals(volume, field), valid, field);
    return queueMetricsFor(validateAgents(agents[i], `agents[${i}]`), load, valid);
  });
  const levels = intervals.map((metrics) => metrics.serviceLevel);
  const totalArrivals = arrivals.reduce((sum, volume) => sum + volume, 0);
  return {
    intervals,
    totalArrivals,
    answeredWithinTarget: arrivals.reduce((sum, volume, i) => sum + volume * levels[i], 0),
    serviceLevel: volumeWeightedAverage(arrivals, levels, 1),
    abandonmentProbability:
      valid.patienceSeconds === null
        ? null
        : volumeWeightedAverage(
            arrivals,
            intervals.map((metrics) => metrics.abandonmentProbability ?? 0),
            0,
          ),
  };
}
