import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  type ErlangAParameters,
  erlangAMetrics,
  erlangARequiredAgents,
  erlangCMetrics,
  erlangCRequiredAgents,
  logIntegralOfExp,
} from '../../../../src/core/staffing/index.js';

const params = (patienceSeconds: number, targetAnswerSeconds = 15): ErlangAParameters => ({
  ahtSeconds: 240,
  patienceSeconds,
  targetAnswerSeconds,
});

/** Stationary distribution of the birth–death chain by brute force (small cases only). */
function bruteForceChain(agents: number, load: number, theta: number): number[] {
  const weights = [1];
  for (let n = 1; n < 4000; n += 1) {
    const death = Math.min(n, agents) + theta * Math.max(n - agents, 0);
    weights.push((weights[n - 1] * load) / death);
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}

/**
 * Independent oracle for the service level: the tagged caller's own chain. With k callers ahead
 * it moves to k − 1 at rate N + kθ (a completion or an abandonment ahead), from k = 0 it is
 * answered at rate N, and it abandons at rate θ. The probability of being answered within τ is
 * computed by uniformisation (all terms positive, no cancellation).
 */
function transientServiceLevel(
  agents: number,
  pi: readonly number[],
  theta: number,
  tau: number,
): number {
  let waiting = pi.slice(agents);
  const states = waiting.length;
  let answered = pi.slice(0, agents).reduce((sum, x) => sum + x, 0);
  const rate = agents + states * theta;
  const mean = rate * tau;
  let weight = Math.exp(-mean);
  let cumulative = weight;
  let result = weight * answered;
  for (let step = 1; cumulative < 1 - 1e-16 && step < 100_000; step += 1) {
    const next = new Array<number>(states).fill(0);
    waiting.forEach((mass, k) => {
      const forward = agents + k * theta;
      next[k] += mass * (1 - (forward + theta) / rate);
      if (k > 0) next[k - 1] += (mass * forward) / rate;
      else answered += (mass * forward) / rate;
    });
    waiting = next;
    weight *= mean / step;
    cumulative += weight;
    result += weight * answered;
  }
  return result + (1 - cumulative) * answered;
}

/**
 * Independent per-state oracle: the service level by {@link transientServiceLevel}, and
 * E[wait·1{answered} | j ahead] = N/(N+(j+1)θ)·Σ_{k=1..j+1} 1/(N+kθ) (in AHT units), from the
 * Laplace transform of the hypoexponential wait.
 */
function perStateOracle(agents: number, load: number, p: ErlangAParameters) {
  const theta = p.ahtSeconds / p.patienceSeconds;
  const tau = p.targetAnswerSeconds / p.ahtSeconds;
  const full = bruteForceChain(agents, load, theta);
  const pi = full.slice(0, full.findLastIndex((x) => x > 1e-20) + 1);
  let answeredWait = 0;
  let harmonic = 0;
  let queue = 0;
  for (let j = 0; agents + j < pi.length; j += 1) {
    const answered = agents / (agents + (j + 1) * theta);
    harmonic += 1 / (agents + (j + 1) * theta);
    answeredWait += pi[agents + j] * answered * harmonic;
    queue += j * pi[agents + j];
  }
  const abandonment = (theta * queue) / load;
  return {
    serviceLevel: transientServiceLevel(agents, pi, theta, tau),
    abandonment,
    asa: (answeredWait / (1 - abandonment)) * p.ahtSeconds,
  };
}

describe('Erlang A against an independent per-state computation', () => {
  it.each([
    [5, 4, 60, 20],
    [3, 4, 120, 30],
    [8, 6, 600, 10],
    [2, 5, 30, 60],
    [6, 4, 240, 0],
    [20, 18, 300, 20],
    [40, 45, 60, 30],
    [12, 10, 900, 300],
    [25, 30, 2000, 120],
  ])('N = %d, A = %d, patience %d s, target %d s', (agents, load, patience, t) => {
    const p = params(patience, t);
    const oracle = perStateOracle(agents, load, p);
    const metrics = erlangAMetrics(agents, load, p);
    expect(metrics.serviceLevel).toBeCloseTo(oracle.serviceLevel, 9);
    expect(metrics.abandonmentProbability).toBeCloseTo(oracle.abandonment, 9);
    expect(metrics.averageSpeedOfAnswerSeconds).toBeCloseTo(oracle.asa, 6);
  });

  it('sums the tail state by state and as an integral to the same result', () => {
    for (const [agents, load, patience] of [
      [55, 48, 120],
      [30, 48, 120],
      [500, 950, 100_000],
      [1000, 950, 180],
    ] as const) {
      const chain = erlangAMetrics(agents, load, params(patience), 'chain');
      const integral = erlangAMetrics(agents, load, params(patience), 'integral');
      expect(integral.waitProbability).toBeCloseTo(chain.waitProbability, 9);
      expect(integral.abandonmentProbability).toBeCloseTo(chain.abandonmentProbability!, 9);
      expect(integral.serviceLevel).toBeCloseTo(chain.serviceLevel, 9);
    }
  });

  it('integrates log-concave functions accurately', () => {
    // ∫_0^∞ e^{−x²/2} dx = √(π/2); ∫_0^1 e^{−3x} dx = (1 − e^{−3}) / 3
    const gauss = { value: (x: number) => -0.5 * x * x, slope: (x: number) => -x };
    expect(Math.exp(logIntegralOfExp(gauss, 0, Infinity))).toBeCloseTo(Math.sqrt(Math.PI / 2), 12);
    const decay = { value: (x: number) => -3 * x, slope: () => -3 };
    expect(Math.exp(logIntegralOfExp(decay, 0, 1))).toBeCloseTo((1 - Math.exp(-3)) / 3, 12);
    expect(logIntegralOfExp(decay, 1, 1)).toBe(-Infinity);
  });
});

describe('Erlang A behaviour', () => {
  it('tends to Erlang C as patience grows', () => {
    const erlangC = erlangCMetrics(55, 48, { ahtSeconds: 240, targetAnswerSeconds: 15 });
    let previousGap = Infinity;
    for (const patience of [600, 10_000, 1e6, 1e8]) {
      const metrics = erlangAMetrics(55, 48, params(patience));
      const gap = Math.abs(metrics.serviceLevel - erlangC.serviceLevel);
      expect(gap).toBeLessThan(previousGap);
      previousGap = gap;
    }
    const patient = erlangAMetrics(55, 48, params(1e8));
    expect(patient.serviceLevel).toBeCloseTo(erlangC.serviceLevel, 6);
    expect(patient.waitProbability).toBeCloseTo(erlangC.waitProbability, 6);
    expect(patient.averageSpeedOfAnswerSeconds).toBeCloseTo(
      erlangC.averageSpeedOfAnswerSeconds!,
      3,
    );
    expect(patient.abandonmentProbability).toBeLessThan(1e-6);
    const goal = {
      ahtSeconds: 240,
      targetAnswerSeconds: 20,
      targetServiceLevel: 0.8,
      maxOccupancy: 1,
    };
    expect(erlangARequiredAgents(48, { ...goal, patienceSeconds: 1e7 })).toBe(
      erlangCRequiredAgents(48, goal),
    );
  });

  it('is stable when N <= A: calls abandon instead of queueing forever', () => {
    const metrics = erlangAMetrics(30, 48, params(120));
    expect(metrics.serviceLevel).toBeGreaterThan(0);
    expect(metrics.serviceLevel).toBeLessThan(0.2);
    expect(metrics.abandonmentProbability).toBeGreaterThan(0.3);
    expect(metrics.averageSpeedOfAnswerSeconds).not.toBeNull();
    // Overloaded with very long patience: almost everyone waits, the excess load abandons.
    const overloaded = erlangAMetrics(500, 950, params(100_000));
    expect(overloaded.abandonmentProbability).toBeCloseTo(1 - 500 / 950, 6);
    expect(overloaded.waitProbability).toBeCloseTo(1, 9);
  });

  it('stays finite for 1 000 agents', () => {
    for (const [agents, load] of [
      [1000, 950],
      [1000, 1200],
      [1000, 10],
      [1, 950],
    ] as const) {
      const metrics = erlangAMetrics(agents, load, params(180));
      for (const value of Object.values(metrics)) {
        if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      }
    }
  });

  it('handles no agents and no calls', () => {
    expect(erlangAMetrics(0, 10, params(60))).toMatchObject({
      serviceLevel: 0,
      abandonmentProbability: 1,
      averageSpeedOfAnswerSeconds: null,
    });
    expect(erlangAMetrics(3, 0, params(60))).toMatchObject({
      serviceLevel: 1,
      abandonmentProbability: 0,
    });
  });

  it('sizes to the smallest N meeting the target', () => {
    const goal = {
      ahtSeconds: 240,
      targetAnswerSeconds: 20,
      targetServiceLevel: 0.8,
      maxOccupancy: 1,
      patienceSeconds: 120,
    };
    const required = erlangARequiredAgents(48, goal);
    expect(erlangAMetrics(required, 48, goal).serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangAMetrics(required - 1, 48, goal).serviceLevel).toBeLessThan(0.8);
    // Abandonment shortens the queue, so fewer agents than Erlang C's 54 suffice here.
    expect(required).toBeLessThan(54);
  });

  it('service level rises and abandonment falls with N (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 300, noNaN: true }),
        fc.integer({ min: 0, max: 400 }),
        fc.double({ min: 10, max: 3600, noNaN: true }),
        fc.integer({ min: 0, max: 120 }),
        (load, agents, patience, t) => {
          const lower = erlangAMetrics(agents, load, params(patience, t));
          const higher = erlangAMetrics(agents + 1, load, params(patience, t));
          expect(higher.serviceLevel).toBeGreaterThanOrEqual(lower.serviceLevel - 1e-9);
          expect(higher.abandonmentProbability!).toBeLessThanOrEqual(
            lower.abandonmentProbability! + 1e-9,
          );
          // Occupancy falls with N (N = 0 reports 0 by convention).
          if (agents > 0) expect(higher.occupancy).toBeLessThanOrEqual(lower.occupancy + 1e-9);
          expect(lower.serviceLevel).toBeGreaterThanOrEqual(0);
          expect(lower.serviceLevel).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sizes to the smallest N meeting SL and occupancy (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 400, noNaN: true }),
        fc.double({ min: 5, max: 1800, noNaN: true }),
        fc.integer({ min: 0, max: 120 }),
        fc.double({ min: 0.05, max: 0.98, noNaN: true }),
        fc.double({ min: 0.6, max: 1, noNaN: true }),
        (load, patience, t, level, cap) => {
          const goal = {
            ahtSeconds: 240,
            targetAnswerSeconds: t,
            targetServiceLevel: level,
            maxOccupancy: cap,
            patienceSeconds: patience,
          };
          const meets = (agents: number): boolean => {
            const metrics = erlangAMetrics(agents, load, goal);
            return metrics.serviceLevel >= level && metrics.occupancy <= cap;
          };
          const required = erlangARequiredAgents(load, goal);
          expect(meets(required)).toBe(true);
          expect(meets(required - 1)).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sizes a saturated queue with an occupancy cap of 1 to the smallest N (regression: found by the property)', () => {
    const goal = {
      ahtSeconds: 240,
      targetAnswerSeconds: 98,
      targetServiceLevel: 0.05,
      maxOccupancy: 1,
      patienceSeconds: 118.71719881836188,
    };
    const load = 191.0472968540939;
    const required = erlangARequiredAgents(load, goal);
    expect(erlangAMetrics(required, load, goal).serviceLevel).toBeGreaterThanOrEqual(0.05);
    expect(erlangAMetrics(required - 1, load, goal).serviceLevel).toBeLessThan(0.05);
  });
});
