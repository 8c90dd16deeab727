import { expect } from '@jest/globals';
import fc from 'fast-check';
import { checkRoster } from '../../src/core/checker/check-roster.js';
import { generateInstance } from '../../src/core/generator/generate-instance.js';
import type { PlanningInstance } from '../../src/core/model/instance.js';
import { solveRoster } from '../../src/core/optimizer/solve.js';

/**
 * The property every lower bound must have: on random tiny weeks (daylight-saving weeks included)
 * it never exceeds the value of a roster the checker accepts (a short search's, checked here).
 */
export async function assertNeverAboveACheckedRoster(
  boundOf: (instance: PlanningInstance) => Promise<number | null>,
  fastCheckSeed: number,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 10_000 }),
      fc.constantFrom('2026-04-13', '2026-03-02', '2026-10-26'),
      async (seed, weekStart) => {
        const instance = generateInstance('tiny', seed, { weekStart });
        const bound = await boundOf(instance);
        const solved = await solveRoster(
          instance,
          { timeLimitSeconds: 30, seed },
          { search: { maxIterations: 300 } },
        );
        const check = checkRoster(instance, solved.roster!);
        expect(check.violations).toEqual([]);
        expect(bound).not.toBeNull();
        expect(bound!).toBeLessThanOrEqual(check.soft.weightedTotal + 1e-6);
      },
    ),
    { numRuns: 8, seed: fastCheckSeed },
  );
}

/**
 * The instance with `state`'s ratio rule replaced by one convex tier whose first pharmacist counts
 * for 2 technicians and each further one for 3: the exact supervision model is then conservative,
 * so bounds come from the 'relaxed' one (`exactModelIsRelaxation` false).
 */
export function withConvexTierAboveOne(
  instance: PlanningInstance,
  state: string,
): PlanningInstance {
  return {
    ...instance,
    ruleSets: instance.ruleSets.map((ruleSet) =>
      ruleSet.state === state && ruleSet.supervision.kind === 'RATIO'
        ? {
            ...ruleSet,
            supervision: {
              ...ruleSet.supervision,
              tiers: [
                { minCertifiedTechnicians: 0, firstPharmacist: 2, eachAdditionalPharmacist: 3 },
              ],
            },
          }
        : ruleSet,
    ),
  };
}
