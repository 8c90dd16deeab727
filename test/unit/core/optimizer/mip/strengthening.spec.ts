import { describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../../../../src/core/checker/check-roster.js';
import { generateInstance } from '../../../../../src/core/generator/generate-instance.js';
import { lpLowerBound } from '../../../../../src/core/optimizer/mip/bound.js';
import { runBoundJob } from '../../../../../src/core/optimizer/mip/bound-job.js';
import { HighsSolver } from '../../../../../src/core/optimizer/mip/highs-adapter.js';
import { buildRosterModel } from '../../../../../src/core/optimizer/mip/model.js';
import { solveMonolithicMip } from '../../../../../src/core/optimizer/mip/solve-mip.js';
import { at, demand, instanceWith, mondayEmployee, solveOptimal } from './helpers.js';

/**
 * The valid inequalities that tighten the LP without changing the integer solutions: the
 * `supervisorPresence` rows and the convex-tier row `a·p >= T + (a - f)·b`. Each fixture has an
 * expensive pharmacist, so the LP would like to put only a fraction of one on duty.
 */

const expensive = (id: string) =>
  mondayEmployee(id, 'PHARMACIST', {
    contract: { ...mondayEmployee(id, 'PHARMACIST').contract, hourlyRate: 2000 },
  });

async function lpAndOptimum(instance: ReturnType<typeof instanceWith>) {
  const optimum = await solveOptimal(instance);
  const lp = await lpLowerBound(instance, { timeLimitSeconds: 20 });
  expect(lp.bound).not.toBeNull();
  return { optimum: optimum.objective!, lp: lp.bound! };
}

describe('MIP strengthening (same integer optimum, tighter LP)', () => {
  it('supervisorPresence: an NC technician works only while a whole pharmacist is on duty, so the LP bound is the optimum', async () => {
    const instance = instanceWith({
      employees: [mondayEmployee('tech-1', 'TECHNICIAN'), expensive('pharm-1')],
      demand: demand('q-calls', 'NC', at(0, '10:00'), at(0, '14:00'), 1),
    });
    const { model } = buildRosterModel(instance);
    expect(model.rowNames.some((name) => name.startsWith('sup_present['))).toBe(true);
    expect(model.rowNames.some((name) => name.startsWith('sup_short['))).toBe(true);
    const { optimum, lp } = await lpAndOptimum(instance);
    // Without the rows the LP puts a quarter of the pharmacist on duty (T <= 4·P): about 20 + 0.8.
    expect(lp).toBeGreaterThan(optimum - 1e-4 * optimum);
    expect(lp).toBeLessThanOrEqual(optimum + 1e-6 * optimum);
  });

  it('supervisorPresence rows hold for every roster the MIP returns (generated tiny week)', async () => {
    const instance = generateInstance('tiny', 3);
    const result = await solveMonolithicMip(instance, { timeLimitSeconds: 30 });
    expect(result.status).toBe('OPTIMAL');
    expect(checkRoster(instance, result.roster!).violations).toEqual([]);
  });

  it('convex tier (CA, 1 then 2): a·p >= T + (a - f)·b has the integer optimum of a·p >= T - f + a·b and a higher LP bound', async () => {
    const instance = instanceWith({
      employees: [
        mondayEmployee('tech-1', 'TECHNICIAN'),
        mondayEmployee('tech-2', 'TECHNICIAN'),
        expensive('pharm-1'),
      ],
      demand: demand('q-calls', 'CA', at(0, '10:00'), at(0, '14:00'), 2),
    });
    const { model, index } = buildRosterModel(instance);
    // The earlier form of the same rule: coefficient a on b and right-hand side f.
    const earlier = structuredClone(model);
    let rows = 0;
    earlier.rowNames.forEach((name, row) => {
      if (!name.startsWith('ratio_cap_convex[')) return;
      const t = Number(/t=(\d+)/.exec(name)![1]);
      const any = index.supervised.get(`${t}|CA`)!.anyTechnician;
      for (let k = earlier.rowStarts[row]; k < earlier.rowStarts[row + 1]; k += 1) {
        if (earlier.indices[k] === any) earlier.values[k] = 2; // a
      }
      expect(model.rowRhs[row]).toBe(0);
      earlier.rowRhs[row] = 1; // f
      rows += 1;
    });
    expect(rows).toBeGreaterThan(0);
    const solver = new HighsSolver();
    const [lpNow, lpBefore, ipNow, ipBefore] = await Promise.all([
      solver.solve(model, { timeLimitSeconds: 20, relax: true }),
      solver.solve(earlier, { timeLimitSeconds: 20, relax: true }),
      solver.solve(model, { timeLimitSeconds: 20, mipRelGap: 0 }),
      solver.solve(earlier, { timeLimitSeconds: 20, mipRelGap: 0 }),
    ]);
    expect(ipNow.status).toBe('OPTIMAL');
    expect(ipBefore.status).toBe('OPTIMAL');
    expect(ipNow.objective!).toBeCloseTo(ipBefore.objective!, 6);
    expect(lpNow.bound!).toBeGreaterThan(lpBefore.bound! + 1);
    expect(lpNow.bound!).toBeLessThanOrEqual(ipNow.objective! + 1e-6);
  });
});

describe('interruptible HiGHS and the second-thread job', () => {
  it('shouldStop ends a running MIP promptly with its incumbent and bound so far, never OPTIMAL', async () => {
    const instance = generateInstance('small', 1);
    const started = Date.now();
    const result = await solveMonolithicMip(instance, {
      timeLimitSeconds: 60,
      shouldStop: () => Date.now() - started > 3000,
    });
    expect((Date.now() - started) / 1000).toBeLessThan(20);
    expect(result.status).not.toBe('OPTIMAL');
    if (result.roster) expect(checkRoster(instance, result.roster).violations).toEqual([]);
  });

  it("runBoundJob: 'mip' proves a tiny week with a checker-clean roster; 'lp' bounds it from below", async () => {
    const instance = generateInstance('tiny', 2);
    const mip = await runBoundJob(instance, { strategy: 'mip', timeLimitSeconds: 30 });
    expect(mip.proven).toBe(true);
    expect(checkRoster(instance, mip.roster!).violations).toEqual([]);
    expect(mip.bound!).toBeCloseTo(mip.objective!, 3);
    const lp = await runBoundJob(instance, { strategy: 'lp', timeLimitSeconds: 30 });
    expect(lp.roster).toBeNull();
    expect(lp.bound).not.toBeNull();
    expect(lp.bound!).toBeLessThanOrEqual(mip.objective! + 1e-6);
  });
});
