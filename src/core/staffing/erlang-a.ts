import { erlangB, erlangCRequiredAgents } from './erlang-c.js';
import { type ConcaveExponent, logAddExp, logIntegralOfExp } from './numerics.js';
import { type QueueMetrics, type ServiceTarget } from './types.js';

/**
 * Erlang A (M/M/N+M): Erlang C plus exponential patience with mean 1/θ; a caller still waiting
 * when the patience runs out hangs up. Stable for every N, including N <= A.
 *
 * Time is measured in units of the AHT, so the service rate is μ = 1, the arrival rate is the
 * offered load A, θ = AHT / patience and the answer-time target is τ = t / AHT.
 *
 * **Stationary distribution (birth–death chain).** States n = 0, 1, … calls in the system; births
 * at rate A, deaths at rate min(n, N) + θ·max(n − N, 0). Relative to π_N:
 * - below N the chain is the truncated Poisson of Erlang B: Σ_{n<N} π_n / π_N = 1 / B(N, A) − 1;
 * - above N, r_j = π_{N+j} / π_N = Π_{k=1..j} A / (N + kθ), summed with a scaled recursion
 *   (rescaled by 10^−200 when it grows, the scale kept as a logarithm) until the remainder is
 *   provably below 10^−17 of the sum (the ratios A / (N + kθ) fall with k, so the tail is bounded
 *   by a geometric series). A chain longer than {@link MAX_CHAIN_STATES} (overloaded queue with
 *   extreme patience) is summed through the equivalent integral Σ_j r_j = N·∫_0^∞ e^{ψ(x)} dx.
 *
 * Then P(wait) = Σ_{n>=N} π_n (arrivals see time averages) and P(abandon) = θ·E[queue] / A.
 *
 * **Service level.** The offered wait V (the wait of a caller with infinite patience) has an
 * atom P(V = 0) = Σ_{n<N} π_n and, for x > 0, the density
 *   f_V(x) = π_N · N · exp(ψ(x)),  ψ(x) = A·(1 − e^{−θx})/θ − N·x.
 * Derivation: a caller finding j others waiting reaches an agent after V = Σ_{k=0..j} Exp(N + kθ)
 * (service completions at rate N, each of the k callers ahead abandons at θ). Its Laplace
 * transform summed against π_{N+j} equals π_N·N·Σ_j A^j / Π_{k=0..j}(N + s + kθ), which is the
 * transform of the density above (integrate by parts: I(b) = ∫ e^{−bx} e^{A(1−e^{−θx})/θ} dx
 * satisfies I(b) = 1/b + (A/b)·I(b + θ)). The caller is answered within τ iff V <= τ and the
 * patience exceeds V, which it does with probability e^{−θV}, so
 *   SL = P(V = 0) + π_N · N · ∫_0^τ exp(ψ(x) − θx) dx,
 * a one-dimensional integral of a log-concave function, computed by {@link logIntegralOfExp}.
 * Per state this is the hypoexponential form: weighting V's density by e^{−θx} turns its rates
 * N + kθ into N + (k+1)θ, so P(answered within τ | j waiting) = N/(N + (j+1)θ) ·
 * P(Σ_{i=1..j+1} Exp(N + iθ) <= τ); the integral sums these over π without a per-state CDF.
 * The unit tests check it against an independent computation: the tagged caller's own chain (k
 * callers ahead → k − 1 at rate N + kθ, answered from k = 0 at rate N, abandoning at rate θ)
 * solved by uniformisation. As θ → 0 both reduce to Erlang C.
 *
 * ASA is the mean wait of answered calls: π_N·N·∫_0^∞ x·exp(ψ(x) − θx) dx / (1 − P(abandon)).
 * Occupancy is the carried load over N: A·(1 − P(abandon)) / N.
 */

/** Longest chain summed state by state before switching to the integral form. */
export const MAX_CHAIN_STATES = 2_000_000;
const TAIL_TOLERANCE = 1e-17;
const RESCALE_ABOVE = 1e200;
const LOG_RESCALE = Math.log(1e200);

/** How the tail Σ_{j>=0} π_{N+j} / π_N is computed: state by state or as an integral. */
export type ErlangATailMethod = 'chain' | 'integral';

export interface ErlangAParameters {
  readonly ahtSeconds: number;
  readonly patienceSeconds: number;
  readonly targetAnswerSeconds: number;
}

/** The stationary quantities the metrics need, relative to π_N and in log space. */
interface Stationary {
  readonly logPiN: number;
  readonly noWaitProbability: number;
  readonly waitProbability: number;
  readonly abandonmentProbability: number;
}

/** log Σ_j r_j and log Σ_j j·r_j by the scaled recursion; `null` if the chain is too long. */
function chainTail(agents: number, load: number, theta: number): [number, number] | null {
  let term = 1;
  let sum = 1;
  let weighted = 0;
  let logScale = 0;
  for (let j = 1; j <= MAX_CHAIN_STATES; j += 1) {
    const ratio = load / (agents + j * theta);
    term *= ratio;
    sum += term;
    weighted += j * term;
    if (term > RESCALE_ABOVE) {
      term /= RESCALE_ABOVE;
      sum /= RESCALE_ABOVE;
      weighted /= RESCALE_ABOVE;
      logScale += LOG_RESCALE;
    }
    if (ratio < 1) {
      const geometric = ratio / (1 - ratio);
      const restOfSum = term * geometric;
      const restOfWeighted = term * (j * geometric + geometric / (1 - ratio));
      if (restOfSum <= TAIL_TOLERANCE * sum && restOfWeighted <= TAIL_TOLERANCE * weighted) {
        return [Math.log(sum) + logScale, Math.log(weighted) + logScale];
      }
    }
  }
  return null;
}

/** ψ(x) = A(1 − e^{−θx})/θ − N·x, the log of the offered-wait density over π_N·N. */
function offeredWaitExponent(agents: number, load: number, theta: number): ConcaveExponent {
  return {
    value: (x) => (load * -Math.expm1(-theta * x)) / theta - agents * x,
    slope: (x) => load * Math.exp(-theta * x) - agents,
  };
}

/** ψ plus a concave term g (log of a factor of the integrand). */
function withFactor(base: ConcaveExponent, factor: ConcaveExponent): ConcaveExponent {
  return {
    value: (x) => base.value(x) + factor.value(x),
    slope: (x) => base.slope(x) + factor.slope(x),
  };
}

/** Same two sums as {@link chainTail}, as integrals: N∫e^ψ and (A/θ)·N∫e^ψ(1 − e^{−θx}). */
function integralTail(agents: number, load: number, theta: number): [number, number] {
  const psi = offeredWaitExponent(agents, load, theta);
  const abandonedBy: ConcaveExponent = {
    value: (x) => Math.log(-Math.expm1(-theta * x)),
    slope: (x) => theta / Math.expm1(theta * x),
  };
  const logSum = Math.log(agents) + logIntegralOfExp(psi, 0, Infinity);
  const logAbandonRate =
    Math.log(agents) + logIntegralOfExp(withFactor(psi, abandonedBy), 0, Infinity);
  return [logSum, logAbandonRate + Math.log(load / theta)];
}

/** Stationary probabilities for N >= 1 agents and load A > 0. */
function solveStationary(
  agents: number,
  load: number,
  theta: number,
  method: ErlangATailMethod,
): Stationary {
  const blocking = erlangB(agents, load);
  if (blocking === 0) {
    return {
      logPiN: -Infinity,
      noWaitProbability: 1,
      waitProbability: 0,
      abandonmentProbability: 0,
    };
  }
  const logBelow = Math.log1p(-blocking) - Math.log(blocking);
  const [logSum, logWeighted] =
    (method === 'chain' ? chainTail(agents, load, theta) : null) ??
    integralTail(agents, load, theta);
  const logTotal = logAddExp(logBelow, logSum);
  const logPiN = -logTotal;
  return {
    logPiN,
    noWaitProbability: Math.exp(logBelow + logPiN),
    waitProbability: Math.exp(logSum + logPiN),
    abandonmentProbability: Math.min(1, (theta * Math.exp(logWeighted + logPiN)) / load),
  };
}

/** exp(ψ(x) − θx): the offered-wait density of callers who are still patient at x. */
function answeredExponent(agents: number, load: number, theta: number): ConcaveExponent {
  return withFactor(offeredWaitExponent(agents, load, theta), {
    value: (x) => -theta * x,
    slope: () => -theta,
  });
}

/** SL = P(V = 0) + π_N·N·∫_0^τ exp(ψ(x) − θx) dx. */
function serviceLevelOf(
  agents: number,
  load: number,
  theta: number,
  tau: number,
  stationary: Stationary,
): number {
  const logIntegral = logIntegralOfExp(answeredExponent(agents, load, theta), 0, tau);
  const withinTarget = Math.exp(stationary.logPiN + Math.log(agents) + logIntegral);
  return Math.min(1, stationary.noWaitProbability + withinTarget);
}

/** E[wait · 1{answered}] = π_N·N·∫_0^∞ x·exp(ψ(x) − θx) dx, in AHT units. */
function answeredWaitOf(
  agents: number,
  load: number,
  theta: number,
  stationary: Stationary,
): number {
  const logX: ConcaveExponent = { value: (x) => Math.log(x), slope: (x) => 1 / x };
  const exponent = withFactor(answeredExponent(agents, load, theta), logX);
  return Math.exp(stationary.logPiN + Math.log(agents) + logIntegralOfExp(exponent, 0, Infinity));
}

/** Metrics when nobody calls or nobody answers. */
function degenerateMetrics(agents: number, load: number): QueueMetrics {
  const idle = load === 0;
  return {
    agents,
    offeredLoad: load,
    serviceLevel: idle ? 1 : 0,
    waitProbability: idle ? 0 : 1,
    averageSpeedOfAnswerSeconds: idle ? 0 : null,
    occupancy: 0,
    abandonmentProbability: idle ? 0 : 1,
  };
}

/** θ = AHT / patience and τ = t / AHT: the model in AHT time units. */
function rates(parameters: ErlangAParameters): { theta: number; tau: number } {
  return {
    theta: parameters.ahtSeconds / parameters.patienceSeconds,
    tau: parameters.targetAnswerSeconds / parameters.ahtSeconds,
  };
}

/**
 * Erlang A metrics for N agents at offered load A. `tailMethod` ('chain' by default) exists so
 * the tests can check the two ways of summing the tail against each other.
 */
export function erlangAMetrics(
  agents: number,
  load: number,
  parameters: ErlangAParameters,
  tailMethod: ErlangATailMethod = 'chain',
): QueueMetrics {
  if (agents === 0 || load === 0) return degenerateMetrics(agents, load);
  const { theta, tau } = rates(parameters);
  const stationary = solveStationary(agents, load, theta, tailMethod);
  const answeredShare = 1 - stationary.abandonmentProbability;
  const meanWait = answeredWaitOf(agents, load, theta, stationary) / answeredShare;
  return {
    agents,
    offeredLoad: load,
    serviceLevel: serviceLevelOf(agents, load, theta, tau, stationary),
    waitProbability: stationary.waitProbability,
    averageSpeedOfAnswerSeconds: answeredShare > 0 ? meanWait * parameters.ahtSeconds : null,
    occupancy: Math.min(1, (load * answeredShare) / agents),
    abandonmentProbability: stationary.abandonmentProbability,
  };
}

/** Whether N agents meet the target: SL and occupancy only, without the ASA integral. */
function meetsTarget(agents: number, load: number, target: ErlangATarget): boolean {
  if (agents === 0) return false;
  const { theta, tau } = rates(target);
  const stationary = solveStationary(agents, load, theta, 'chain');
  // Clamped as in erlangAMetrics: past saturation the ratio exceeds 1 only by rounding.
  const occupancy = Math.min(1, (load * (1 - stationary.abandonmentProbability)) / agents);
  if (occupancy > target.maxOccupancy) return false;
  return serviceLevelOf(agents, load, theta, tau, stationary) >= target.targetServiceLevel;
}

/** The smallest n >= 1 passing a monotone test, galloping from `start` then bisecting. */
function smallestPassing(passes: (n: number) => boolean, start: number): number {
  let [failing, passing] = [0, start];
  if (passes(start)) {
    for (let step = 1; passing - step > 0; step *= 2) {
      if (!passes(passing - step)) {
        failing = passing - step;
        break;
      }
      passing -= step;
    }
  } else {
    for (let step = 1; ; step *= 2) {
      failing = passing;
      passing = failing + step;
      if (passes(passing)) break;
    }
  }
  while (passing - failing > 1) {
    const middle = Math.floor((failing + passing) / 2);
    if (passes(middle)) passing = middle;
    else failing = middle;
  }
  return passing;
}

export type ErlangATarget = ServiceTarget & { readonly patienceSeconds: number };

/**
 * Required agents under Erlang A: the smallest N with SL(N) >= target and occupancy <= cap.
 * Both improve with N, so the search gallops from the Erlang C requirement (usually within a
 * few agents of the answer) and then bisects: O(log distance) evaluations, each computing only
 * the stationary distribution and the SL integral.
 */
export function erlangARequiredAgents(load: number, target: ErlangATarget): number {
  if (load === 0) return 0;
  const start = erlangCRequiredAgents(load, target);
  return smallestPassing((agents) => meetsTarget(agents, load, target), start);
}
