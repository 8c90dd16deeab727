import { describe, expect, it } from '@jest/globals';
import { ValidationFailedError } from '../../../../src/core/errors.js';
import {
  computeQueueStaffing,
  computeRequirements,
  evaluateStaffing,
  type QueueParameters,
  type RequirementCell,
  volumeWeightedAverage,
} from '../../../../src/core/staffing/index.js';

const voice: QueueParameters = {
  intervalSeconds: 900,
  ahtSeconds: 300,
  targetAnswerSeconds: 20,
  targetServiceLevel: 0.8,
  maxOccupancy: 0.9,
  shrinkage: 0.3,
};
const withPatience: QueueParameters = { ...voice, patienceSeconds: 90 };

/** A deterministic week: 672 intervals × 4 queues × 10 states = 26 880 cells. */
function week(): RequirementCell[] {
  const queues = ['rx-support', 'claims-line', 'prescriber', 'billing'];
  const states = ['CA', 'TX', 'FL', 'NY', 'OH', 'GA', 'NC', 'IL', 'AZ', 'MA'];
  const cells: RequirementCell[] = [];
  for (let interval = 0; interval < 672; interval += 1) {
    const hour = (interval % 96) / 4;
    const daytime = Math.max(0.05, Math.sin((Math.PI * (hour - 6)) / 15));
    queues.forEach((queue, q) =>
      states.forEach((state, s) => {
        const arrivals = Math.round(200 * daytime * (1 - s / 12) * (1 - q / 6) * 10) / 10;
        cells.push({ interval, queue, state, arrivals, parameters: voice });
      }),
    );
  }
  return cells;
}

describe('computeRequirements', () => {
  it('gives each cell what the single-queue calculator gives', () => {
    const cells: RequirementCell[] = [0, 3.5, 12, 60, 200, 60, 900].flatMap((arrivals, i) => [
      { interval: i, queue: 'voice', state: 'CA', arrivals, parameters: voice },
      { interval: i, queue: 'voice', state: 'TX', arrivals, parameters: withPatience },
    ]);
    const results = computeRequirements(cells);
    results.forEach((result, i) => {
      const cell = cells[i];
      const single = computeQueueStaffing({ ...cell.parameters, arrivals: cell.arrivals });
      expect(result).toMatchObject({
        interval: cell.interval,
        queue: cell.queue,
        state: cell.state,
        requiredAgents: single.requiredAgents,
        scheduledStaff: single.scheduledStaff,
      });
    });
  });

  it('sizes a 26 880-cell week quickly', () => {
    const cells = week();
    expect(cells).toHaveLength(26_880);
    const started = performance.now();
    const results = computeRequirements(cells);
    const elapsed = performance.now() - started;
    expect(results).toHaveLength(26_880);
    expect(
      results.every((r) => r.requiredAgents >= 0 && r.scheduledStaff >= r.requiredAgents),
    ).toBe(true);
    expect(elapsed).toBeLessThan(2000); // generous for CI; the benchmark measures the real figure
  });

  it('names the offending cell', () => {
    const cells: RequirementCell[] = [
      { interval: 0, queue: 'q', state: 'CA', arrivals: 10, parameters: voice },
      { interval: 1, queue: 'q', state: 'CA', arrivals: -3, parameters: voice },
    ];
    expect(() => computeRequirements(cells)).toThrow(ValidationFailedError);
    expect(() => computeRequirements(cells)).toThrow(/^cells\[1\]\.arrivals: -3 is invalid/);
    const badAht = [{ ...cells[0], parameters: { ...voice, ahtSeconds: 0 } }];
    expect(() => computeRequirements(badAht)).toThrow(/^cells\[0\]\.parameters\.ahtSeconds: 0/);
  });
});

describe('evaluateStaffing', () => {
  const example = { ...voice, intervalSeconds: 1800, ahtSeconds: 240, targetAnswerSeconds: 15 };

  it('reports per-interval and volume-weighted service levels', () => {
    const evaluation = evaluateStaffing(example, [360, 0, 180], [55, 3, 40]);
    expect(evaluation.intervals).toHaveLength(3);
    expect(evaluation.intervals[0].serviceLevel).toBeCloseTo(0.8459, 4);
    expect(evaluation.intervals[1].serviceLevel).toBe(1);
    const expected =
      (360 * evaluation.intervals[0].serviceLevel + 180 * evaluation.intervals[2].serviceLevel) /
      540;
    expect(evaluation.serviceLevel).toBeCloseTo(expected, 12);
    expect(evaluation.totalArrivals).toBe(540);
    expect(evaluation.answeredWithinTarget).toBeCloseTo(540 * expected, 9);
    expect(evaluation.abandonmentProbability).toBeNull();
  });

  it('counts understaffed intervals at SL 0 and weights abandonment with patience', () => {
    expect(evaluateStaffing(example, [360, 360], [40, 55]).serviceLevel).toBeCloseTo(0.8459 / 2, 4);
    const patient = evaluateStaffing({ ...example, patienceSeconds: 120 }, [360, 360], [40, 55]);
    expect(patient.abandonmentProbability).toBeGreaterThan(0);
    expect(patient.serviceLevel).toBeGreaterThan(0.8459 / 2);
  });

  it('reports SL 1 for a horizon without calls and validates its inputs', () => {
    expect(evaluateStaffing(example, [0, 0], [0, 0]).serviceLevel).toBe(1);
    expect(volumeWeightedAverage([], [], 1)).toBe(1);
    expect(() => evaluateStaffing(example, [1, 2], [3])).toThrow(/^agents: 1 is invalid/);
    expect(() => evaluateStaffing(example, [1, 2], [3, -1])).toThrow(/^agents\[1\]: -1/);
    expect(() => evaluateStaffing(example, [1, Number.NaN], [3, 1])).toThrow(/^arrivals\[1\]: /);
  });
});
