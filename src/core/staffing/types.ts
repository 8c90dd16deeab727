/**
 * Shared shapes of the staffing engine. Times are in seconds, probabilities in [0, 1], and
 * `agents` always means productive agents handling the queue (after shrinkage).
 */

/** Parameters of one voice queue in one interval, named as in the GraphQL calculator input. */
export interface QueueParameters {
  /** Length of the forecast interval, seconds (> 0). */
  readonly intervalSeconds: number;
  /** Average handle time, seconds (> 0). */
  readonly ahtSeconds: number;
  /** Answer-time target t of the service level, seconds (>= 0; 0 means "answered at once"). */
  readonly targetAnswerSeconds: number;
  /** Share of calls to answer within the target, in (0, 1). */
  readonly targetServiceLevel: number;
  /** Occupancy cap in (0, 1]; default 1. */
  readonly maxOccupancy?: number | null;
  /** Share of paid time not on the phones, in [0, 1); default 0. */
  readonly shrinkage?: number | null;
  /** Mean patience 1/theta, seconds (> 0). Given: Erlang A (M/M/N+M); absent: Erlang C. */
  readonly patienceSeconds?: number | null;
}

/** What sizing aims for: the service-level target and the occupancy cap. */
export interface ServiceTarget {
  readonly ahtSeconds: number;
  readonly targetAnswerSeconds: number;
  readonly targetServiceLevel: number;
  /** In (0, 1]; 1 means no cap beyond stability. */
  readonly maxOccupancy: number;
}

/**
 * The service a given number of agents delivers. Infinite or undefined values are reported as
 * `null` so they survive JSON and GraphQL (an unstable Erlang C queue has SL 0, P(wait) 1 and
 * `averageSpeedOfAnswerSeconds: null`).
 */
export interface QueueMetrics {
  readonly agents: number;
  /** Offered load A = arrivals × AHT / interval, erlangs. */
  readonly offeredLoad: number;
  /** P(answered within the target); abandoned calls count as not answered in time. */
  readonly serviceLevel: number;
  /** P(an arriving call has to wait). */
  readonly waitProbability: number;
  /** Mean wait of answered calls, seconds; `null` when infinite or when no call is answered. */
  readonly averageSpeedOfAnswerSeconds: number | null;
  /** Busy share of the agents' time (carried load / agents); 0 without agents. */
  readonly occupancy: number;
  /** P(a caller hangs up before being answered); `null` without a patience model. */
  readonly abandonmentProbability: number | null;
}
