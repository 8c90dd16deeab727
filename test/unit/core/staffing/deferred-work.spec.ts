import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ValidationFailedError } from '../../../../src/core/errors.js';
import {
  buildDeferredWorkFlow,
  canClearDeferredWork,
  deferredStaffAsArrives,
  deferredWorkloadAgents,
  minimumConstantStaff,
  scheduleEarliestDeadlineFirst,
  staffToClearBacklog,
  unitsFromArrays,
} from '../../../../src/core/staffing/index.js';

/**
 * Brute force for tiny integer instances: try every way to put each unit of work into an
 * interval between its arrival and its deadline (integral flows make this exact).
 */
function bruteForceFeasible(work: number[], deadlines: number[], staff: number[]): boolean {
  const pieces = work.flatMap((amount, i) => Array.from({ length: amount }, () => i));
  const capacity = [...staff];
  const place = (index: number): boolean => {
    if (index === pieces.length) return true;
    const arrival = pieces[index];
    for (let t = arrival; t <= deadlines[arrival]; t += 1) {
      if (capacity[t] >= 1) {
        capacity[t] -= 1;
        if (place(index + 1)) return true;
        capacity[t] += 1;
      }
    }
    return false;
  };
  return place(0);
}

/** Random tiny instance: up to 4 intervals, integer work and staff, deadlines in range. */
const tinyInstance = fc
  .integer({ min: 1, max: 4 })
  .chain((intervals) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: intervals, maxLength: intervals }),
      fc.tuple(
        ...Array.from({ length: intervals }, (_, i) => fc.integer({ min: i, max: intervals - 1 })),
      ),
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: intervals, maxLength: intervals }),
    ),
  );

describe('deferred work: the domain-notes backlog example', () => {
  const example = {
    backlogItems: 200,
    newItemsPerPeriod: 80,
    periods: 5,
    handleSeconds: 25 * 60,
    productiveSecondsPerAgentPerPeriod: 5.5 * 3600,
  };

  it('200 items in 5 days + 80/day at 25 min, 5.5 productive h: 120 / 13.2 → 10 agents', () => {
    const plan = staffToClearBacklog(example);
    expect(plan.itemsPerPeriod).toBe(120);
    expect(plan.itemsPerAgentPerPeriod).toBeCloseTo(13.2, 12);
    expect(plan.exactAgents).toBeCloseTo(9.0909, 4);
    expect(plan.agents).toBe(10);
  });

  it('gives the same 10 agents through the flow formulation, and 9 fail', () => {
    const units = buildDeferredWorkFlow({
      arrivals: [80, 80, 80, 80, 80],
      handleSeconds: 25 * 60,
      intervalSeconds: 5.5 * 3600, // one interval = one productive agent-day
      productiveFraction: 1,
      deadlineIntervals: 4,
      initialBacklogItems: 200,
      backlogDeadlineInterval: 4,
    });
    expect(minimumConstantStaff(units, 5)).toBe(10);
    expect(scheduleEarliestDeadlineFirst(units, [10, 10, 10, 10, 10]).feasible).toBe(true);
    const short = scheduleEarliestDeadlineFirst(units, [9, 9, 9, 9, 9]);
    expect(short).toMatchObject({ feasible: false, firstMissedDeadline: 4 });
    expect(short.lateWork).toBeCloseTo((600 * 1500) / 19800 - 45, 9);
  });

  it('validates the backlog inputs by name', () => {
    expect(() => staffToClearBacklog({ ...example, periods: 0 })).toThrow(/^periods: /);
    expect(() => staffToClearBacklog({ ...example, handleSeconds: -1 })).toThrow(
      ValidationFailedError,
    );
  });
});

describe('deferred work done as it arrives', () => {
  const parameters = { handleSeconds: 600, intervalSeconds: 1800, productiveFraction: 0.8 };

  it('needs arrivals × handle / (interval × productive fraction) agents', () => {
    expect(deferredWorkloadAgents(12, parameters)).toBeCloseTo(5, 12);
    expect(deferredStaffAsArrives([12, 13, 0], parameters)).toEqual([5, 6, 0]);
  });

  it('names bad inputs', () => {
    expect(() => deferredWorkloadAgents(1, { ...parameters, productiveFraction: 0 })).toThrow(
      /^productiveFraction: /,
    );
    expect(() => deferredStaffAsArrives([1, -2], parameters)).toThrow(/^arrivals\[1\]: /);
    expect(() => deferredWorkloadAgents(1, { ...parameters, handleSeconds: Number.NaN })).toThrow(
      /^handleSeconds: /,
    );
  });
});

describe('deferred work as flow', () => {
  it('builds one unit per arrival interval, deadlines clamped to the horizon', () => {
    const units = buildDeferredWorkFlow({
      arrivals: [6, 0, 3],
      handleSeconds: 900,
      intervalSeconds: 1800,
      productiveFraction: 1,
      deadlineIntervals: 1,
    });
    expect(units).toEqual([
      { arrivalInterval: 0, work: 3, deadlineInterval: 1 },
      { arrivalInterval: 2, work: 1.5, deadlineInterval: 2 },
    ]);
  });

  it('shifts work into later intervals before its deadline', () => {
    expect(canClearDeferredWork([4, 0, 0], [2, 2, 2], [1, 1, 2])).toBe(true);
    expect(canClearDeferredWork([4, 0, 0], [1, 1, 2], [1, 1, 2])).toBe(false);
    expect(canClearDeferredWork([0, 0, 3], [2, 2, 2], [5, 5, 2])).toBe(false); // cannot work ahead
    const schedule = scheduleEarliestDeadlineFirst(unitsFromArrays([2, 2], [1, 1]), [1, 3]);
    expect(schedule.donePerInterval).toEqual([1, 3]);
  });

  it('agrees with a brute-force search on tiny instances (property)', () => {
    fc.assert(
      fc.property(tinyInstance, ([work, deadlines, staff]) => {
        expect(canClearDeferredWork(work, deadlines, staff)).toBe(
          bruteForceFeasible(work, deadlines, staff),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('finds the least constant staffing (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((intervals) =>
          fc
            .array(
              fc.record({
                arrivalInterval: fc.integer({ min: 0, max: intervals - 1 }),
                work: fc.double({ min: 0, max: 20, noNaN: true }),
                span: fc.integer({ min: 0, max: 5 }),
              }),
              { maxLength: 15 },
            )
            .map((raw) => ({
              intervals,
              units: raw.map((u) => ({
                arrivalInterval: u.arrivalInterval,
                work: u.work,
                deadlineInterval: Math.min(intervals - 1, u.arrivalInterval + u.span),
              })),
            })),
        ),
        ({ intervals, units }) => {
          const staff = minimumConstantStaff(units, intervals);
          const constant = (c: number): number[] => new Array<number>(intervals).fill(c);
          expect(scheduleEarliestDeadlineFirst(units, constant(staff)).feasible).toBe(true);
          if (staff > 0)
            expect(scheduleEarliestDeadlineFirst(units, constant(staff - 1)).feasible).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('validates the flow inputs by name', () => {
    expect(() => canClearDeferredWork([1, 1], [1], [1, 1])).toThrow(/^deadlines: /);
    expect(() => canClearDeferredWork([1, 1], [0, 5], [1, 1])).toThrow(/^deadlines\[1\]: 5/);
    expect(() => canClearDeferredWork([1, 1], [1, 0], [1, 1])).toThrow(/^deadlines\[1\]: 0/);
    expect(() => canClearDeferredWork([1, -1], [1, 1], [1, 1])).toThrow(/^arrivals\[1\]: -1/);
    expect(() => canClearDeferredWork([1, 1, 1], [1, 1, 1], [1, 1])).toThrow(/^arrivals\[2\]: /);
    const unit = { arrivalInterval: 0, work: 1, deadlineInterval: 3 };
    expect(() => minimumConstantStaff([unit], 2)).toThrow(/^units\[0\]\.deadlineInterval: 3/);
    expect(() => canClearDeferredWork([1, 1], [1, 1], [1, Number.NaN])).toThrow(
      /^staffPerInterval\[1\]: /,
    );
  });
});
