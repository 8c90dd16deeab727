import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  buildServiceCurve,
  buildServiceCurves,
  type ConcaveEnvelope,
  erlangCServiceLevel,
  type QueueParameters,
  upperConcaveEnvelope,
} from '../../../../src/core/staffing/index.js';

const voice: QueueParameters = {
  intervalSeconds: 1800,
  ahtSeconds: 240,
  targetAnswerSeconds: 20,
  targetServiceLevel: 0.8,
};

function expectConcaveAbove(raw: readonly number[], envelope: ConcaveEnvelope): void {
  const tolerance = 1e-9 * Math.max(1, ...raw.map(Math.abs));
  expect(envelope.values).toHaveLength(raw.length);
  expect(envelope.marginalValues).toHaveLength(Math.max(0, raw.length - 1));
  raw.forEach((value, n) => expect(envelope.values[n]).toBeGreaterThanOrEqual(value - tolerance));
  envelope.marginalValues.forEach((step, n) => {
    expect(envelope.values[n + 1] - envelope.values[n]).toBeCloseTo(step, 9);
    if (n > 0) expect(step).toBeLessThanOrEqual(envelope.marginalValues[n - 1]);
  });
  for (const vertex of envelope.breakpoints) expect(envelope.values[vertex]).toBe(raw[vertex]);
}

describe('upperConcaveEnvelope', () => {
  it('bridges the flat start of an S-shaped curve with the tangent from the origin', () => {
    const envelope = upperConcaveEnvelope([0, 0, 0, 5, 8, 9, 9.5]);
    expect(envelope.breakpoints).toEqual([0, 4, 5, 6]);
    expect(envelope.marginalValues).toEqual([2, 2, 2, 2, 1, 0.5]);
    expect(envelope.values).toEqual([0, 2, 4, 6, 8, 9, 9.5]);
  });

  it('keeps a concave curve as it is and handles tiny inputs', () => {
    expect(upperConcaveEnvelope([0, 3, 5, 6]).values).toEqual([0, 3, 5, 6]);
    expect(upperConcaveEnvelope([7])).toEqual({
      values: [7],
      marginalValues: [],
      breakpoints: [0],
    });
    expect(upperConcaveEnvelope([])).toEqual({ values: [], marginalValues: [], breakpoints: [] });
  });

  it('is concave and never below the raw curve (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (raw) => expectConcaveAbove(raw, upperConcaveEnvelope(raw)),
      ),
    );
  });
});

describe('buildServiceCurve', () => {
  it('values N agents at arrivals × SL(N), made concave', () => {
    const curve = buildServiceCurve({ ...voice, arrivals: 360 });
    expect(curve.requiredAgents).toBe(54);
    expect(curve.maxAgents).toBeGreaterThanOrEqual(56);
    expect(curve.rawValues[55]).toBeCloseTo(360 * erlangCServiceLevel(55, 48, 20, 240), 9);
    expect(curve.rawValues.slice(0, 49).every((value) => value === 0)).toBe(true);
    expectConcaveAbove(curve.rawValues, curve);
    // Linear from (0, 0) to the tangent point (best SL(N) / N), the raw curve from there on.
    const tangent = curve.breakpoints[1];
    expect(tangent).toBe(58);
    for (let n = tangent; n <= curve.maxAgents; n += 1) {
      expect(curve.values[n]).toBe(curve.rawValues[n]);
    }
    expect(curve.values[54]).toBeGreaterThan(curve.rawValues[54]);
    expect(curve.marginalValues.at(-1)!).toBeLessThan(1e-3);
  });

  it('honours the margin, the epsilon and the hard limit', () => {
    const wide = buildServiceCurve({ ...voice, arrivals: 360 }, { marginAgents: 10 });
    expect(wide.maxAgents).toBeGreaterThanOrEqual(64);
    const capped = buildServiceCurve(
      { ...voice, arrivals: 360 },
      { maxExtraAgents: 1, marginAgents: 0, epsilon: 1e-12 },
    );
    expect(capped.maxAgents).toBe(55);
    const coarse = buildServiceCurve(
      { ...voice, arrivals: 360 },
      { marginAgents: 0, epsilon: 100 },
    );
    expect(coarse.maxAgents).toBe(54);
    expect(() => buildServiceCurve({ ...voice, arrivals: 360 }, { epsilon: 0 })).toThrow(
      /^epsilon: /,
    );
  });

  it('works with patience (Erlang A) and for zero calls', () => {
    const curve = buildServiceCurve({ ...voice, arrivals: 360, patienceSeconds: 120 });
    expect(curve.rawValues[0]).toBe(0);
    expect(curve.rawValues[30]).toBeGreaterThan(0); // abandonment keeps an understaffed queue serving
    expectConcaveAbove(curve.rawValues, curve);
    const empty = buildServiceCurve({ ...voice, arrivals: 0 });
    expect(empty.requiredAgents).toBe(0);
    expect(empty.values.every((value) => value === 0)).toBe(true);
  });

  it('is concave for any load (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.double({ min: 15, max: 1200, noNaN: true }), { nil: undefined }),
        (arrivals, target, patience) => {
          const curve = buildServiceCurve({
            ...voice,
            arrivals,
            targetAnswerSeconds: target,
            patienceSeconds: patience,
          });
          expect(curve.maxAgents).toBeGreaterThanOrEqual(curve.requiredAgents);
          expectConcaveAbove(curve.rawValues, curve);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('builds curves for many cells, tagged with their cell', () => {
    const curves = buildServiceCurves([
      { interval: 4, queue: 'rx', state: 'OH', arrivals: 100, parameters: voice },
      { interval: 5, queue: 'rx', state: 'OH', arrivals: 0, parameters: voice },
    ]);
    expect(curves.map((c) => [c.interval, c.queue, c.state])).toEqual([
      [4, 'rx', 'OH'],
      [5, 'rx', 'OH'],
    ]);
  });
});
