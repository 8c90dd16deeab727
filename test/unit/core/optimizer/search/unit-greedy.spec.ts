import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { FlowNetwork } from '../../../../support/min-cost-flow.js';
import { greedyAssignment } from '../../../../../src/core/optimizer/search/unit-greedy.js';

interface Case {
  readonly supply: number[];
  readonly eligible: number[][];
  readonly gains: number[][];
}

const arbitraryCase: fc.Arbitrary<Case> = fc
  .record({ classes: fc.integer({ min: 1, max: 6 }), slots: fc.integer({ min: 1, max: 6 }) })
  .chain(({ classes, slots }) =>
    fc.record({
      supply: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: classes, maxLength: classes }),
      eligible: fc.array(
        fc.subarray(
          Array.from({ length: slots }, (_, j) => j),
          { minLength: 1 },
        ),
        { minLength: classes, maxLength: classes },
      ),
      // Non-increasing positive worths per slot, ties included (shortage units are all equal).
      gains: fc.array(
        fc
          .array(fc.constantFrom(1, 2.5, 5, 50, 52.5), { maxLength: 8 })
          .map((list) => list.sort((a, b) => b - a)),
        { minLength: slots, maxLength: slots },
      ),
    }),
  );

interface Caps {
  readonly group: number[];
  readonly limit: number[];
}

/** The same problem as a min-cost flow (the evaluator's earlier method): the oracle. */
function flowOptimum({ supply, eligible, gains }: Case, caps?: Caps): number {
  const classes = supply.length;
  const groupBase = 2 + classes + gains.length;
  const network = new FlowNetwork(groupBase + (caps?.limit.length ?? 0));
  supply.forEach((amount, c) => {
    network.addArc(0, 2 + c, amount, 0);
    for (const j of eligible[c]) network.addArc(2 + c, 2 + classes + j, amount, 0);
  });
  gains.forEach((list, j) => {
    const group = caps?.group[j] ?? -1;
    const target = group >= 0 ? groupBase + group : 1;
    for (const gain of list) network.addArc(2 + classes + j, target, 1, -gain);
  });
  caps?.limit.forEach((limit, g) => network.addArc(groupBase + g, 1, limit, 0));
  return -network.minCostFlow(0, 1);
}

/** Staff per slot, after checking supply, eligibility and the number of units. */
function staffing(c: Case, assigned: Int32Array): number[] {
  const slots = c.gains.length;
  const staffed = new Array<number>(slots).fill(0);
  c.supply.forEach((amount, k) => {
    let used = 0;
    for (let j = 0; j < slots; j += 1) {
      const n = assigned[k * slots + j];
      expect(n).toBeGreaterThanOrEqual(0);
      if (n > 0) expect(c.eligible[k]).toContain(j);
      used += n;
      staffed[j] += n;
    }
    expect(used).toBeLessThanOrEqual(amount);
  });
  staffed.forEach((n, j) => expect(n).toBeLessThanOrEqual(c.gains[j].length));
  return staffed;
}

const valueOf = (c: Case, staffed: number[]) =>
  staffed.reduce((sum, n, j) => sum + c.gains[j].slice(0, n).reduce((a, b) => a + b, 0), 0);

describe('greedyAssignment', () => {
  it('is feasible and as good as the min-cost flow', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const staffed = staffing(c, greedyAssignment(c.supply, c.eligible, c.gains));
        expect(valueOf(c, staffed)).toBeCloseTo(flowOptimum(c), 9);
      }),
      { numRuns: 500, seed: 2026 },
    );
  });

  it('with caps: keeps every group within its limit and is never better than the capped flow', () => {
    const withCaps = arbitraryCase.chain((c) =>
      fc
        .record({
          group: fc.array(fc.integer({ min: -1, max: 1 }), {
            minLength: c.gains.length,
            maxLength: c.gains.length,
          }),
          limit: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 2 }),
        })
        .map((caps) => ({ c, caps })),
    );
    fc.assert(
      fc.property(withCaps, ({ c, caps }) => {
        const staffed = staffing(c, greedyAssignment(c.supply, c.eligible, c.gains, caps));
        caps.limit.forEach((limit, g) => {
          const inGroup = staffed.reduce((sum, n, j) => sum + (caps.group[j] === g ? n : 0), 0);
          expect(inGroup).toBeLessThanOrEqual(limit);
        });
        expect(valueOf(c, staffed)).toBeLessThanOrEqual(flowOptimum(c, caps) + 1e-9);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('moves a worker along a path to make room (the second slot is reachable only so)', () => {
    // Class 0 (one member) may work slots 0 and 1, class 1 (one member) only slot 0. Slot 0 is
    // worth more and is filled first by class 0, then slot 1 needs class 0 to move to it while
    // class 1 takes slot 0.
    const assigned = greedyAssignment([1, 1], [[0, 1], [0]], [[10], [8]]);
    expect(Array.from(assigned)).toEqual([0, 1, 1, 0]);
  });
});
