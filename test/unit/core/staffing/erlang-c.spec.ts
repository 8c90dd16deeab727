import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  erlangB,
  erlangCAverageSpeedOfAnswer,
  erlangCMetrics,
  erlangCRequiredAgents,
  erlangCServiceLevel,
  erlangCServiceLevelsUpTo,
  erlangCWaitProbability,
  offeredLoad,
  type ServiceTarget,
} from '../../../../src/core/staffing/index.js';

const target = (overrides: Partial<ServiceTarget> = {}): ServiceTarget => ({
  ahtSeconds: 240,
  targetAnswerSeconds: 20,
  targetServiceLevel: 0.8,
  maxOccupancy: 1,
  ...overrides,
});

/** Textbook Erlang C: the smallest N > A meeting the target, B recomputed for every N. */
function naiveRequiredAgents(load: number, goal: ServiceTarget): number {
  for (let agents = Math.floor(load) + 1; ; agents += 1) {
    const level = erlangCServiceLevel(agents, load, goal.targetAnswerSeconds, goal.ahtSeconds);
    if (load / agents <= goal.maxOccupancy && level >= goal.targetServiceLevel) return agents;
  }
}

describe('Erlang C: the worked examples of the domain notes', () => {
  it('360 calls in 30 min, AHT 240 s, 55 agents, 15 s target', () => {
    const load = offeredLoad(360, 1800, 240);
    expect(load).toBe(48);
    const metrics = erlangCMetrics(55, load, { ahtSeconds: 240, targetAnswerSeconds: 15 });
    expect(metrics.waitProbability).toBeCloseTo(0.2387, 4);
    expect(metrics.serviceLevel).toBeCloseTo(0.8459, 4);
    expect(metrics.averageSpeedOfAnswerSeconds).toBeCloseTo(8.18, 2);
    expect(metrics.occupancy).toBeCloseTo(0.873, 3);
    expect(metrics.abandonmentProbability).toBeNull();
  });

  it('an 80 % / 20 s target at A = 48 needs 54 agents', () => {
    expect(erlangCRequiredAgents(48, target())).toBe(54);
    expect(erlangCServiceLevel(53, 48, 20, 240)).toBeLessThan(0.8);
    expect(erlangCServiceLevel(54, 48, 20, 240)).toBeGreaterThanOrEqual(0.8);
  });

  it('30 calls/h, AHT 5 min, P(wait) <= 10 % needs 6 agents; 5 agents give about 0.13', () => {
    const load = offeredLoad(30, 3600, 300);
    expect(load).toBe(2.5);
    expect(erlangCWaitProbability(5, load)).toBeCloseTo(0.13, 2);
    expect(erlangCWaitProbability(6, load)).toBeLessThanOrEqual(0.1);
    const waitTarget = target({ ahtSeconds: 300, targetAnswerSeconds: 0, targetServiceLevel: 0.9 });
    expect(erlangCRequiredAgents(load, waitTarget)).toBe(6);
  });

  it('Erlang B matches the closed form on a small case', () => {
    // B(2, 1) = (1/2) / (1 + 1 + 1/2) = 0.2
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15);
    expect(erlangB(0, 7)).toBe(1);
  });
});

describe('Erlang C: edge cases', () => {
  it('reports an unstable queue (N <= A) finitely: SL 0, P(wait) 1, ASA null', () => {
    for (const agents of [0, 30, 48]) {
      const metrics = erlangCMetrics(agents, 48, { ahtSeconds: 240, targetAnswerSeconds: 15 });
      expect(metrics.serviceLevel).toBe(0);
      expect(metrics.waitProbability).toBe(1);
      expect(metrics.averageSpeedOfAnswerSeconds).toBeNull();
    }
    expect(erlangCAverageSpeedOfAnswer(48, 48, 240)).toBe(Infinity);
  });

  it('needs nobody for zero load and serves it perfectly', () => {
    expect(erlangCRequiredAgents(0, target())).toBe(0);
    const metrics = erlangCMetrics(0, 0, { ahtSeconds: 240, targetAnswerSeconds: 15 });
    expect(metrics).toMatchObject({ serviceLevel: 1, waitProbability: 0, occupancy: 0 });
    expect(metrics.averageSpeedOfAnswerSeconds).toBe(0);
  });

  it('respects the occupancy cap', () => {
    expect(erlangCRequiredAgents(48, target({ maxOccupancy: 0.8 }))).toBe(60);
    expect(erlangCRequiredAgents(48, target({ maxOccupancy: 0.85 }))).toBe(57);
  });

  it('stays finite for 1 000 agents and A = 950, and for very large loads', () => {
    const metrics = erlangCMetrics(1000, 950, { ahtSeconds: 240, targetAnswerSeconds: 20 });
    for (const value of Object.values(metrics)) {
      if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
    }
    expect(metrics.serviceLevel).toBeGreaterThan(0.9);
    expect(metrics.serviceLevel).toBeLessThan(1);
    const required = erlangCRequiredAgents(950, target());
    expect(required).toBeGreaterThan(950);
    expect(required).toBeLessThan(1000);
    expect(erlangCRequiredAgents(20_000, target())).toBeGreaterThan(20_000);
    expect(Number.isFinite(erlangCWaitProbability(5000, 4990))).toBe(true);
    expect(erlangCWaitProbability(2000, 1)).toBe(0);
  });

  it('lists SL(0..N) in one pass, equal to the one-at-a-time values', () => {
    const levels = erlangCServiceLevelsUpTo(70, 48, { ahtSeconds: 240, targetAnswerSeconds: 15 });
    expect(levels).toHaveLength(71);
    levels.forEach((level, agents) => {
      expect(level).toBeCloseTo(erlangCServiceLevel(agents, 48, 15, 240), 12);
    });
  });
});

describe('Erlang C: properties', () => {
  const loads = fc.double({ min: 0.01, max: 800, noNaN: true });

  it('service level rises with N', () => {
    fc.assert(
      fc.property(
        loads,
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 60 }),
        (load, n, t) => {
          const lower = erlangCServiceLevel(n, load, t, 240);
          const higher = erlangCServiceLevel(n + 1, load, t, 240);
          expect(higher).toBeGreaterThanOrEqual(lower - 1e-12);
          expect(lower).toBeGreaterThanOrEqual(0);
          expect(higher).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('the requirement is monotone in arrivals and in AHT', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 30, max: 900, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        (arrivals, moreArrivals, aht, longer) => {
          const required = (calls: number, seconds: number): number =>
            erlangCRequiredAgents(
              offeredLoad(calls, 1800, seconds),
              target({ ahtSeconds: seconds }),
            );
          const base = required(arrivals, aht);
          expect(required(arrivals + moreArrivals, aht)).toBeGreaterThanOrEqual(base);
          expect(required(arrivals, aht + longer)).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });

  it('the incremental search agrees with the textbook search and is minimal', () => {
    fc.assert(
      fc.property(
        loads,
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (load, level, cap) => {
          const goal = target({ targetServiceLevel: level, maxOccupancy: cap });
          const required = erlangCRequiredAgents(load, goal);
          expect(required).toBe(naiveRequiredAgents(load, goal));
          expect(required).toBeGreaterThan(load);
        },
      ),
      { numRuns: 200 },
    );
  });
});
