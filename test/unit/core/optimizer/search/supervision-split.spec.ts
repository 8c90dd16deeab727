import { describe, expect, it } from '@jest/globals';
import type { SupervisionRule } from '../../../../../src/core/model/jurisdiction.js';
import {
  WorkingAllocation,
  preferCertified,
} from '../../../../../src/core/optimizer/search/supervision-split.js';

/**
 * The evaluator's hand-overs on its working allocation (parallel arrays): pairs 0 and 1 belong to
 * state 0, which has a ratio; pair 2 to state 1, which has none.
 */
const PAIR_STATE = [0, 0, 1];
const RATIO: ReadonlyMap<number, SupervisionRule> = new Map([
  [0, { kind: 'RATIO', tiers: [], maxUncertifiedPerPharmacist: null }],
]);

function works(...pairs: number[]): Uint8Array {
  const row = new Uint8Array(PAIR_STATE.length);
  for (const pair of pairs) row[pair] = 1;
  return row;
}

function entries(allocation: WorkingAllocation) {
  return Array.from({ length: allocation.length }, (_, k) => ({
    employee: allocation.employees[k],
    pair: allocation.pairs[k],
    cls: allocation.classes[k],
  }));
}

type Entry = { employee: number; pair: number; cls: number };

/** The allocation of `start` after preferCertified, with `used[c]` members of class c working. */
function handOver(
  classes: { members: number[]; works: Uint8Array; certified: boolean }[],
  start: Entry[],
  used: number[],
): Entry[] {
  const allocation = new WorkingAllocation(start.length);
  for (const { employee, pair, cls } of start) allocation.push(employee, pair, cls);
  preferCertified(allocation, classes, used, RATIO, PAIR_STATE);
  return entries(allocation);
}

describe('preferCertified on a working allocation', () => {
  it('hands ratio work to an idle certified technician who may do it, the first such in class order', () => {
    const classes = [
      { members: [10], works: works(0), certified: false },
      { members: [20], works: works(2), certified: true },
      { members: [30, 31], works: works(0, 1), certified: true },
    ];
    // Class 2's first member works; its second is idle.
    const start = [
      { employee: 10, pair: 0, cls: 0 },
      { employee: 30, pair: 1, cls: 2 },
    ];
    expect(handOver(classes, start, [1, 0, 1])).toEqual([
      { employee: 31, pair: 0, cls: 2 },
      { employee: 30, pair: 1, cls: 2 },
    ]);
  });

  it('trades places with a certified technician working for a state without a ratio', () => {
    const classes = [
      { members: [10], works: works(0, 2), certified: false },
      { members: [20], works: works(0, 2), certified: true },
    ];
    const start = [
      { employee: 10, pair: 0, cls: 0 },
      { employee: 20, pair: 2, cls: 1 },
    ];
    expect(handOver(classes, start, [1, 1])).toEqual([
      { employee: 20, pair: 0, cls: 1 },
      { employee: 10, pair: 2, cls: 0 },
    ]);
  });

  it('leaves the allocation when no certified technician could take the work', () => {
    const classes = [
      // The uncertified technician may not work pair 2, so no trade is possible.
      { members: [10], works: works(0), certified: false },
      { members: [20], works: works(0, 2), certified: true },
      { members: [30], works: works(1), certified: true },
    ];
    const start = [
      { employee: 10, pair: 0, cls: 0 },
      { employee: 20, pair: 2, cls: 1 },
    ];
    expect(handOver(classes, start, [1, 1, 0])).toEqual(start);
  });
});

describe('WorkingAllocation', () => {
  it('drops the named technicians and keeps the others in order', () => {
    const allocation = new WorkingAllocation(4);
    allocation.push(4, 0, 1);
    allocation.push(7, 2, 0);
    allocation.push(9, 1, 2);
    const kept = allocation.without(new Set([7, 8]));
    expect(entries(kept)).toEqual([
      { employee: 4, pair: 0, cls: 1 },
      { employee: 9, pair: 1, cls: 2 },
    ]);
    expect(allocation.length).toBe(3);
  });
});
