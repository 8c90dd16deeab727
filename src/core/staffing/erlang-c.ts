import { type QueueMetrics, type ServiceTarget } from './types.js';

/**
 * Erlang C (M/M/N): Poisson arrivals, exponential handle times, N agents, callers wait forever.
 *
 * With offered load A = arrivals × AHT / interval (erlangs) and N > A:
 * - Erlang B by the stable recursion B_0 = 1, B_k = A·B_{k-1} / (k + A·B_{k-1}) (every B_k is in
 *   (0, 1], so nothing overflows, unlike A^N / N!);
 * - probability of waiting P_w = N·B_N / (N − A·(1 − B_N));
 * - service level for an answer-time target t: SL = 1 − P_w · exp(−(N − A) · t / AHT);
 * - average speed of answer ASA = P_w · AHT / (N − A); occupancy = A / N.
 *
 * N <= A is unstable (the queue grows without bound): P_w = 1, SL = 0 and ASA = ∞. The raw
 * functions return `Infinity` for that ASA; {@link erlangCMetrics} reports it as `null`.
 * Zero load needs no agents: P_w = 0, SL = 1, ASA = 0.
 */

/** Offered load A = arrivals × AHT / interval length, in erlangs. */
export function offeredLoad(arrivals: number, intervalSeconds: number, ahtSeconds: number): number {
  return (arrivals * ahtSeconds) / intervalSeconds;
}

/** One step of the Erlang B recursion: B_k from B_{k-1}. */
export function nextErlangB(k: number, load: number, previous: number): number {
  const carried = load * previous;
  return carried / (k + carried);
}

/** Erlang B blocking probability B(N, A) in O(N), stable for any N and A. */
export function erlangB(agents: number, load: number): number {
  let blocking = 1;
  for (let k = 1; k <= agents; k += 1) blocking = nextErlangB(k, load, blocking);
  return blocking;
}

/** P_w = N·B / (N − A(1 − B)) given B = B(N, A); 1 when N <= A, 0 when A = 0. */
export function waitProbabilityFromErlangB(agents: number, load: number, blocking: number): number {
  if (load === 0) return 0;
  if (agents <= load) return 1;
  return Math.min(1, (agents * blocking) / (agents - load * (1 - blocking)));
}

/** Erlang C probability of waiting P_w(N, A). */
export function erlangCWaitProbability(agents: number, load: number): number {
  return waitProbabilityFromErlangB(agents, load, erlangB(agents, load));
}

/** SL = 1 − P_w · exp(−(N − A) · t / AHT), given P_w; 0 when N <= A (and A > 0). */
export function serviceLevelFromWaitProbability(
  agents: number,
  load: number,
  waitProbability: number,
  targetAnswerSeconds: number,
  ahtSeconds: number,
): number {
  if (load === 0) return 1;
  if (agents <= load) return 0;
  const decay = Math.exp((-(agents - load) * targetAnswerSeconds) / ahtSeconds);
  return Math.max(0, 1 - waitProbability * decay);
}

/** Erlang C service level: P(answered within `targetAnswerSeconds`). */
export function erlangCServiceLevel(
  agents: number,
  load: number,
  targetAnswerSeconds: number,
  ahtSeconds: number,
): number {
  const waitProbability = erlangCWaitProbability(agents, load);
  return serviceLevelFromWaitProbability(
    agents,
    load,
    waitProbability,
    targetAnswerSeconds,
    ahtSeconds,
  );
}

/** ASA = P_w · AHT / (N − A), seconds; `Infinity` when N <= A (and A > 0). */
export function erlangCAverageSpeedOfAnswer(
  agents: number,
  load: number,
  ahtSeconds: number,
): number {
  if (load === 0) return 0;
  if (agents <= load) return Infinity;
  return (erlangCWaitProbability(agents, load) * ahtSeconds) / (agents - load);
}

/** All Erlang C metrics for N agents, with the unstable case made finite-safe (ASA `null`). */
export function erlangCMetrics(
  agents: number,
  load: number,
  parameters: Pick<ServiceTarget, 'ahtSeconds' | 'targetAnswerSeconds'>,
): QueueMetrics {
  const { ahtSeconds, targetAnswerSeconds } = parameters;
  const waitProbability = erlangCWaitProbability(agents, load);
  const stable = load === 0 || agents > load;
  return {
    agents,
    offeredLoad: load,
    serviceLevel: serviceLevelFromWaitProbability(
      agents,
      load,
      waitProbability,
      targetAnswerSeconds,
      ahtSeconds,
    ),
    waitProbability,
    averageSpeedOfAnswerSeconds: stable
      ? erlangCAverageSpeedOfAnswer(agents, load, ahtSeconds)
      : null,
    occupancy: agents === 0 ? 0 : Math.min(1, load / agents),
    abandonmentProbability: null,
  };
}

/**
 * Required agents: the smallest N > A with SL(N) >= target and A / N <= maxOccupancy.
 *
 * Searches N upward from ⌊A⌋ + 1, advancing B_N by one recursion step per candidate, so the
 * whole search is O(N) (recomputing B from scratch for each candidate would be O(N²)). SL rises
 * with N and tends to 1, so the search ends for every target below 1.
 */
export function erlangCRequiredAgents(load: number, target: ServiceTarget): number {
  if (load === 0) return 0;
  const { ahtSeconds, targetAnswerSeconds, targetServiceLevel, maxOccupancy } = target;
  let agents = Math.floor(load) + 1;
  let blocking = erlangB(agents, load);
  for (;;) {
    if (load / agents <= maxOccupancy) {
      const waitProbability = waitProbabilityFromErlangB(agents, load, blocking);
      const serviceLevel = serviceLevelFromWaitProbability(
        agents,
        load,
        waitProbability,
        targetAnswerSeconds,
        ahtSeconds,
      );
      if (serviceLevel >= targetServiceLevel) return agents;
    }
    agents += 1;
    blocking = nextErlangB(agents, load, blocking);
  }
}

/**
 * Erlang C service levels SL(0), SL(1), …, SL(maxAgents) in one O(maxAgents) pass (for service
 * curves): 0 for N <= A, then 1 − P_w·exp(−(N − A)t/AHT).
 */
export function erlangCServiceLevelsUpTo(
  maxAgents: number,
  load: number,
  parameters: Pick<ServiceTarget, 'ahtSeconds' | 'targetAnswerSeconds'>,
): number[] {
  const levels: number[] = [];
  let blocking = 1;
  for (let agents = 0; agents <= maxAgents; agents += 1) {
    if (agents > 0) blocking = nextErlangB(agents, load, blocking);
    const waitProbability = waitProbabilityFromErlangB(agents, load, blocking);
    levels.push(
      serviceLevelFromWaitProbability(
        agents,
        load,
        waitProbability,
        parameters.targetAnswerSeconds,
        parameters.ahtSeconds,
      ),
    );
  }
  return levels;
}
