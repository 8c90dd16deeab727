import { describe, expect, it } from '@jest/globals';
import { assertNeverAboveACheckedRoster } from '../../../../support/bound-properties.js';
import { generateInstance } from '../../../../../src/core/generator/generate-instance.js';
import type { PlanningInstance } from '../../../../../src/core/model/instance.js';
import { intervalLpBound } from '../../../../../src/core/optimizer/mip/interval-bound.js';
import { solveMonolithicMip } from '../../../../../src/core/optimizer/mip/solve-mip.js';
import { relaxationBound } from '../../../../../src/core/optimizer/search/bounds.js';

/** The same instance without any supervision ratio (every state's rule NONE). */
function withoutRatios(instance: PlanningInstance): PlanningInstance {
  return {
    ...instance,
    ruleSets: instance.ruleSets.map((ruleSet) => ({ ...ruleSet, supervision: { kind: 'NONE' } })),
  };
}

describe('intervalLpBound', () => {
  it('is at most the proven optimum, and at least the relaxation bound', async () => {
    const cases = [
      generateInstance('tiny', 1),
      generateInstance('tiny', 3, { minHoursZero: true }),
    ];
    for (const instance of cases) {
      const { bound } = await intervalLpBound(instance, { timeLimitSeconds: 30 });
      const solved = await solveMonolithicMip(instance, { timeLimitSeconds: 30 });
      expect(solved.status).toBe('OPTIMAL');
      expect(bound!).toBeLessThanOrEqual(solved.objective! + 1e-6);
      expect(bound!).toBeGreaterThanOrEqual(relaxationBound(instance) - 1e-6);
    }
  });

  it('never exceeds a roster the checker accepts (random tiny weeks, DST weeks included)', async () => {
    await assertNeverAboveACheckedRoster(
      async (instance) => (await intervalLpBound(instance, { timeLimitSeconds: 30 })).bound,
      5,
    );
  });

  it('counts supervision: ratios raise it above the bound without them', async () => {
    // Small seed 1: CA and NC have ratios and few licensed pharmacists on duty in the evenings.
    const instance = generateInstance('small', 1);
    const withRatios = await intervalLpBound(instance, { timeLimitSeconds: 30 });
    const without = await intervalLpBound(withoutRatios(instance), { timeLimitSeconds: 30 });
    expect(withRatios.bound!).toBeGreaterThan(without.bound! + 100);
    expect(withRatios.bound!).toBeGreaterThan(relaxationBound(instance) + 100);
    expect(withRatios.solvedIntervals).toBeGreaterThan(0);
  });

  it('gives no bound when stopped or out of time (a partial sum is not a bound)', async () => {
    const instance = generateInstance('tiny', 1);
    expect((await intervalLpBound(instance, { timeLimitSeconds: 0 })).bound).toBeNull();
    const stopped = await intervalLpBound(instance, {
      timeLimitSeconds: 30,
      shouldStop: () => true,
    });
    expect(stopped.bound).toBeNull();
  });
});
