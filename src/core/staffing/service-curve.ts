import { erlangAMetrics } from './erlang-a.js';
import {
  nextErlangB,
  serviceLevelFromWaitProbability,
  waitProbabilityFromErlangB,
} from './erlang-c.js';
import { requiredAgentsFor } from './queue-staffing.js';
import { type RequirementCell } from './requirements.js';
import { type QueueParameters } from './types.js';
import {
  type ValidQueueParameters,
  requireNumber,
  validateArrivals,
  validateQueueParameters,
  validatedOfferedLoad,
} from './validation.js';

/**
 * Service curves for the optimizer: for one (interval, queue, state) cell, the value of N agents
 * is the expected number of calls answered within the target, arrivals × SL(N), N = 0..Nmax.
 *
 * The optimizer needs a concave curve (non-increasing marginal value of each extra agent), but
 * SL(N) is not concave: under Erlang C it is 0 for every N <= A and then rises steeply before
 * flattening. The curve is therefore replaced by its upper concave envelope (the upper convex
 * hull of the points (N, value(N))): the smallest concave function >= the raw curve. Under
 * Erlang C it is linear from (0, 0) up to the tangent point N_t (the N with the best value per
 * agent, SL(N) / N) and equals the raw curve from N_t on. Below N_t it overstates what partial
 * staffing achieves, and N_t can lie above the requirement (A = 48, 80 % in 20 s: requirement 54,
 * N_t = 58), so an optimizer working on the envelope should keep the requirement as a constraint
 * or check its solution against `rawValues`. The envelope's vertices are in `breakpoints`.
 *
 * Nmax is the first N >= requiredAgents + marginAgents at which the raw marginal value
 * value(N) − value(N − 1) drops below `epsilon` (calls), but at most
 * requiredAgents + maxExtraAgents. Agents past Nmax are worth (almost) nothing more.
 */

export interface ConcaveEnvelope {
  /** Envelope value at N = 0..Nmax: concave, >= the raw value at every N. */
  readonly values: readonly number[];
  /** values[N + 1] − values[N] for N = 0..Nmax − 1: non-increasing. */
  readonly marginalValues: readonly number[];
  /** Agent counts where the envelope touches the raw curve (the hull's vertices). */
  readonly breakpoints: readonly number[];
}

export interface ServiceCurveOptions {
  /** Agents beyond the requirement always included; default 2. */
  readonly marginAgents?: number;
  /** Marginal value (calls answered in time) below which the curve stops; default 0.001. */
  readonly epsilon?: number;
  /** Hard limit of agents beyond the requirement; default max(20, requiredAgents). */
  readonly maxExtraAgents?: number;
}

export interface ServiceCurve extends ConcaveEnvelope {
  readonly arrivals: number;
  readonly offeredLoad: number;
  readonly requiredAgents: number;
  /** Nmax: the curve covers N = 0..maxAgents. */
  readonly maxAgents: number;
  /** arrivals × SL(N) for N = 0..Nmax, before the envelope. */
  readonly rawValues: readonly number[];
}

/**
 * Upper concave envelope of the points (i, raw[i]) by Andrew's monotone chain: a point is
 * dropped while it lies on or below the chord of its neighbours. Each envelope step takes the
 * slope of its hull segment, so the marginal values are non-increasing exactly, not just up to
 * rounding.
 */
export function upperConcaveEnvelope(raw: readonly number[]): ConcaveEnvelope {
  const at = (i: number): number => raw[i];
  const slope = (a: number, b: number): number => (at(b) - at(a)) / (b - a);
  const hull: number[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    while (hull.length >= 2 && slope(hull.at(-2)!, hull.at(-1)!) <= slope(hull.at(-1)!, i)) {
      hull.pop();
    }
    hull.push(i);
  }
  const values: number[] = raw.length > 0 ? [at(0)] : [];
  const marginalValues: number[] = [];
  for (let k = 0; k + 1 < hull.length; k += 1) {
    const [from, to] = [hull[k], hull[k + 1]];
    const step = slope(from, to);
    for (let n = from + 1; n <= to; n += 1) {
      values.push(n === to ? at(to) : at(from) + step * (n - from));
      marginalValues.push(step);
    }
  }
  return { values, marginalValues, breakpoints: hull };
}

/** SL(0), SL(1), … on successive calls: Erlang C incrementally, Erlang A per N. */
function serviceLevelSequence(load: number, parameters: ValidQueueParameters): () => number {
  let agents = -1;
  let blocking = 1;
  const { patienceSeconds } = parameters;
  return () => {
    agents += 1;
    if (patienceSeconds !== null) {
      return erlangAMetrics(agents, load, { ...parameters, patienceSeconds }).serviceLevel;
    }
    if (agents > 0) blocking = nextErlangB(agents, load, blocking);
    const { targetAnswerSeconds, ahtSeconds } = parameters;
    const wait = waitProbabilityFromErlangB(agents, load, blocking);
    return serviceLevelFromWaitProbability(agents, load, wait, targetAnswerSeconds, ahtSeconds);
  };
}

function validateCurveOptions(options: ServiceCurveOptions, requiredAgents: number) {
  const whole = (v: number): boolean => v >= 0 && Number.isInteger(v);
  return {
    margin: requireNumber(
      'marginAgents',
      options.marginAgents ?? 2,
      whole,
      'must be a whole number >= 0',
    ),
    epsilon: requireNumber(
      'epsilon',
      options.epsilon ?? 1e-3,
      (v) => v > 0,
      'must be a positive number',
    ),
    maxExtra: requireNumber(
      'maxExtraAgents',
      options.maxExtraAgents ?? Math.max(20, requiredAgents),
      whole,
      'must be a whole number >= 0',
    ),
  };
}

/** The raw curve arrivals × SL(N) for N = 0..Nmax, with Nmax chosen as described above. */
function rawServiceValues(
  arrivals: number,
  load: number,
  parameters: ValidQueueParameters,
  requiredAgents: number,
  options: ServiceCurveOptions,
): number[] {
  const { margin, epsilon, maxExtra } = validateCurveOptions(options, requiredAgents);
  const nextLevel = serviceLevelSequence(load, parameters);
  const hardLimit = requiredAgents + Math.max(margin, maxExtra);
  const raw = [arrivals * nextLevel()];
  for (let agents = 1; agents <= hardLimit; agents += 1) {
    raw.push(arrivals * nextLevel());
    const flat = raw[agents] - raw[agents - 1] < epsilon;
    if (agents >= requiredAgents + margin && flat) break;
  }
  return raw;
}

/** The concave service curve of one cell (see the module comment). */
export function buildServiceCurve(
  input: QueueParameters & { readonly arrivals: number },
  options: ServiceCurveOptions = {},
): ServiceCurve {
  const parameters = validateQueueParameters(input);
  const arrivals = validateArrivals(input.arrivals);
  const load = validatedOfferedLoad(arrivals, parameters);
  const requiredAgents = requiredAgentsFor(load, parameters);
  const rawValues = rawServiceValues(arrivals, load, parameters, requiredAgents, options);
  return {
    arrivals,
    offeredLoad: load,
    requiredAgents,
    maxAgents: rawValues.length - 1,
    rawValues,
    ...upperConcaveEnvelope(rawValues),
  };
}

/** Service curves for many cells, each tagged with its interval, queue and state. */
export function buildServiceCurves(
  cells: readonly RequirementCell[],
  options: ServiceCurveOptions = {},
): (ServiceCurve & Pick<RequirementCell, 'interval' | 'queue' | 'state'>)[] {
  return cells.map((cell) => ({
    interval: cell.interval,
    queue: cell.queue,
    state: cell.state,
    ...buildServiceCurve({ ...cell.parameters, arrivals: cell.arrivals }, options),
  }));
}
