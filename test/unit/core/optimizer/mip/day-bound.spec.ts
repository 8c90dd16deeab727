import { describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../../../../src/core/checker/check-roster.js';
import { solveRoster } from '../../../../../src/core/optimizer/solve.js';
import {
  assertNeverAboveACheckedRoster,
  withConvexTierAboveOne,
} from '../../../../support/bound-properties.js';
import { generateInstance } from '../../../../../src/core/generator/generate-instance.js';
import { lpLowerBound } from '../../../../../src/core/optimizer/mip/bound.js';
import { runBoundJob } from '../../../../../src/core/optimizer/mip/bound-job.js';
import { dayLagrangianBound } from '../../../../../src/core/optimizer/mip/day-bound.js';
import { splitByDay } from '../../../../../src/core/optimizer/mip/day-split.js';
import { HighsSolver } from '../../../../../src/core/optimizer/mip/highs-adapter.js';
import { HighsLpSession } from '../../../../../src/core/optimizer/mip/highs-lp-session.js';
import { intervalLpBound } from '../../../../../src/core/optimizer/mip/interval-bound.js';
import { buildRosterModel } from '../../../../../src/core/optimizer/mip/model.js';
import { solveMonolithicMip } from '../../../../../src/core/optimizer/mip/solve-mip.js';
import { numCols, numRows } from '../../../../../src/core/optimizer/mip/sparse.js';

describe('splitByDay', () => {
  it.each(['2026-04-13', '2026-03-02'])(
    'puts every row in one day or prices it, and every column in at most one day (week %s)',
    (weekStart) => {
      const { model, index } = buildRosterModel(generateInstance('tiny', 2, { weekStart }));
      const split = splitByDay(model, index);
      expect(split.blocks.length).toBeGreaterThanOrEqual(6);
      const blockRows = split.blocks.reduce((sum, block) => sum + numRows(block.model), 0);
      let nonEmpty = 0;
      for (let r = 0; r < numRows(model); r += 1)
        if (model.rowStarts[r + 1] > model.rowStarts[r]) nonEmpty += 1;
      expect(blockRows + split.priced.length).toBe(nonEmpty);
      const owner = new Int32Array(numCols(model)).fill(-1);
      for (const block of split.blocks)
        for (const col of block.cols) {
          expect(owner[col]).toBe(-1);
          owner[col] = block.day;
        }
      const loose = split.loose.map(({ col }) => col);
      expect(loose.sort((a, b) => a - b)).toEqual(
        [...owner.keys()].filter((col) => owner[col] === -1),
      );
      // Weekly hours join the days: priced. One shift per day stays inside its day.
      const inBlocks = new Set(split.blocks.flatMap((block) => block.model.rowNames));
      const pricedFamilies = new Set(
        model.rowNames.filter((name) => !inBlocks.has(name)).map((name) => name.split('[')[0]),
      );
      expect(pricedFamilies.has('max_week_hours')).toBe(true);
      expect(pricedFamilies.has('one_per_day')).toBe(false);
      // The weekly columns get finite bounds where the model leaves them open (the spreads).
      const spreads = new Set(index.spreadCols.values());
      const spreadBounds = split.loose.filter(({ col }) => spreads.has(col));
      expect(spreadBounds.length).toBe(spreads.size);
      for (const { lower, upper } of spreadBounds)
        expect([lower, upper]).toEqual([0, expect.any(Number)]);
      for (const { upper } of spreadBounds) expect(upper).toBeLessThanOrEqual(7);
    },
  );
});

describe('HighsLpSession', () => {
  it('re-solved under new costs gives what a fresh LP solve gives', async () => {
    const { model } = buildRosterModel(generateInstance('tiny', 1));
    const session = await HighsLpSession.open(model);
    try {
      const first = session.solve(Float64Array.from(model.colCost), 30);
      const fresh = await new HighsSolver().solve(model, { timeLimitSeconds: 30, relax: true });
      expect(first.optimal).toBe(true);
      expect(first.objective).toBeCloseTo(fresh.objective!, 6);
      const cheaper = Float64Array.from(model.colCost, (cost) => cost * 0.5);
      const halved = session.solve(cheaper, 30);
      const freshHalved = await new HighsSolver().solve(
        { ...model, colCost: Array.from(cheaper) },
        { timeLimitSeconds: 30, relax: true },
      );
      expect(halved.objective).toBeCloseTo(freshHalved.objective!, 6);
      expect(session.solve(cheaper, 30, () => true).optimal).toBe(true); // nothing left to do
    } finally {
      session.dispose();
    }
  });
});

describe('dayLagrangianBound', () => {
  it('is at most the weekly LP and the proven optimum', async () => {
    const cases = [
      generateInstance('tiny', 1),
      generateInstance('tiny', 3, { minHoursZero: true }),
      generateInstance('tiny', 5, { weekStart: '2026-10-26' }),
    ];
    for (const instance of cases) {
      const { bound, steps } = await dayLagrangianBound(instance, { timeLimitSeconds: 3 });
      const lp = await lpLowerBound(instance, { timeLimitSeconds: 30 });
      const solved = await solveMonolithicMip(instance, { timeLimitSeconds: 30 });
      expect(solved.status).toBe('OPTIMAL');
      expect(steps).toBeGreaterThan(1);
      expect(bound!).toBeLessThanOrEqual(lp.bound! + 1e-6 * Math.abs(lp.bound!));
      expect(bound!).toBeLessThanOrEqual(solved.objective! + 1e-6);
    }
  });

  it('never exceeds a roster the checker accepts (random tiny weeks, DST weeks included)', async () => {
    await assertNeverAboveACheckedRoster(
      async (instance) => (await dayLagrangianBound(instance, { timeLimitSeconds: 1 })).bound,
      11,
    );
  });

  it('prices the weekly rows: the bound rises well above the days taken alone, up to the LP', async () => {
    // Small seed 1: weekly LP 10 913.18; the days alone (prices 0) 9 357.37.
    const instance = generateInstance('small', 1);
    const posted: number[] = [];
    const result = await dayLagrangianBound(instance, {
      timeLimitSeconds: 6,
      onBound: (bound) => posted.push(bound),
    });
    expect(posted[0]).toBeCloseTo(9357.37, 0);
    expect(posted).toEqual([...posted].sort((a, b) => a - b));
    expect(result.bound).toBe(posted.at(-1));
    expect(result.bound!).toBeGreaterThan(10_000);
    expect(result.bound!).toBeLessThanOrEqual(10_913.19);
  });

  it('bounds the relaxed supervision model when a convex tier has firstPharmacist > 1', async () => {
    const instance = withConvexTierAboveOne(generateInstance('small', 1), 'NC');
    const result = await dayLagrangianBound(instance, { timeLimitSeconds: 3 });
    expect(result.method).toBe('day-lagrangian-relaxed');
    const lp = await lpLowerBound(instance, { timeLimitSeconds: 30 });
    expect(lp.method).toContain('relaxed');
    expect(result.bound!).toBeLessThanOrEqual(lp.bound! + 1e-6 * Math.abs(lp.bound!));
    const solved = await solveRoster(
      instance,
      { timeLimitSeconds: 30, seed: 1 },
      { search: { maxIterations: 500 } },
    );
    const check = checkRoster(instance, solved.roster!);
    expect(check.violations).toEqual([]);
    expect(result.bound!).toBeLessThanOrEqual(check.soft.weightedTotal + 1e-6);
  });

  it('gives no bound when stopped before its first prices are evaluated', async () => {
    const stopped = await dayLagrangianBound(generateInstance('tiny', 1), {
      timeLimitSeconds: 30,
      shouldStop: () => true,
    });
    expect(stopped).toMatchObject({ bound: null, steps: 0 });
  });
});

describe("runBoundJob('day-lagrangian')", () => {
  it('posts the interval LP bound first and never answers below it', async () => {
    const instance = generateInstance('small', 2);
    const posted: number[] = [];
    const result = await runBoundJob(instance, {
      strategy: 'day-lagrangian',
      timeLimitSeconds: 4,
      onBound: (bound) => posted.push(bound),
    });
    const intervals = await intervalLpBound(instance, { timeLimitSeconds: 30 });
    expect(posted[0]).toBeCloseTo(intervals.bound!, 6);
    expect(result.bound!).toBeGreaterThan(intervals.bound!);
    expect(result.bound).toBe(posted.at(-1));
    expect(result.method).toBe('day-lagrangian-exact-bound');
    expect(result.roster).toBeNull();
  });
});
