import { describe, expect, it } from '@jest/globals';
import {
  EvaluatedInterval,
  intervalOutcome,
} from '../../../../../src/core/optimizer/search/interval-outcome.js';
import { WorkingAllocation } from '../../../../../src/core/optimizer/search/supervision-split.js';

describe('interval outcomes', () => {
  const parts = {
    value: 42.5,
    allocations: [
      { employee: 3, pair: 5 },
      { employee: 1, pair: 0 },
    ],
    shares: [{ employee: 8, state: 'CA', share: 0.5 }],
    ratioBinding: ['CA'],
    noSupervisor: [],
  };

  it('employs the allocated technicians and the supervising pharmacists, no one else', () => {
    const outcome = intervalOutcome(parts);
    expect([3, 1, 8].every((e) => outcome.employs(e))).toBe(true);
    expect([0, 2, 5].some((e) => outcome.employs(e))).toBe(false);
  });

  it('gives the allocation by index and as a list, equal to the parts it was made of', () => {
    const outcome = intervalOutcome(parts);
    expect(outcome.allocationCount).toBe(2);
    expect([outcome.allocatedEmployee(1), outcome.allocatedPair(1)]).toEqual([1, 0]);
    expect(outcome.allocations).toEqual(parts.allocations);
    expect(outcome.allocations).toBe(outcome.allocations);
    expect([outcome.value, outcome.shares, outcome.ratioBinding]).toEqual([
      42.5,
      parts.shares,
      ['CA'],
    ]);
  });

  it('reads only the filled part of a working allocation, and keeps it under other binding states', () => {
    const working = new WorkingAllocation(4);
    working.push(6, 2, 0);
    const outcome = new EvaluatedInterval(1, working, [], [], ['NY']);
    const rebound = outcome.withRatioBinding(['TX']);
    expect(rebound.allocations).toEqual([{ employee: 6, pair: 2 }]);
    expect([rebound.ratioBinding, rebound.noSupervisor, rebound.value]).toEqual([
      ['TX'],
      ['NY'],
      1,
    ]);
    // Unfilled capacity holds zeros, which must not read as employee 0 at work.
    expect(rebound.employs(0)).toBe(false);
  });
});
