import { describe, expect, it } from '@jest/globals';
import { withConvexTierAboveOne } from '../../../../support/bound-properties.js';
import { checkRoster } from '../../../../../src/core/checker/check-roster.js';
import { fixtureEmployee, shiftOn } from '../../../../../src/core/generator/fixture.js';
import { generateInstance } from '../../../../../src/core/generator/generate-instance.js';
import { minimumHoursRoster } from '../../../../../src/core/generator/witness.js';
import { alwaysAvailable } from '../../../../../src/core/model/employee.js';
import { analyseInfeasibility } from '../../../../../src/core/optimizer/mip/infeasibility.js';
import { decodeRoster } from '../../../../../src/core/optimizer/mip/decode.js';
import { encodeRoster } from '../../../../../src/core/optimizer/mip/encode.js';
import {
  HighsSolver,
  guard,
  loadHighs,
} from '../../../../../src/core/optimizer/mip/highs-adapter.js';
import { LpSolverAdapter } from '../../../../../src/core/optimizer/mip/lp-solver-adapter.js';
import { toLpText } from '../../../../../src/core/optimizer/mip/lp-text.js';
import { buildRosterModel } from '../../../../../src/core/optimizer/mip/model.js';
import { describeVariable } from '../../../../../src/core/optimizer/mip/names.js';
import { lpLowerBound } from '../../../../../src/core/optimizer/mip/bound.js';
import { polishNeighbourhood } from '../../../../../src/core/optimizer/mip/polish.js';
import { solveMonolithicMip } from '../../../../../src/core/optimizer/mip/solve-mip.js';
import {
  SolverResultError,
  addBinary,
  addCol,
  addRow,
  emptyModel,
  objectiveOf,
  verifyAgainstModel,
} from '../../../../../src/core/optimizer/mip/sparse.js';
import { MONDAY, TUESDAY, at, demand, instanceWith, mondayEmployee } from './helpers.js';

/** A fixture where every objective term is non-zero: preferences, overtime, fairness, changes, curves. */
function richInstance() {
  const base = fixtureEmployee('x', 'TECHNICIAN').contract;
  const twoDays = [1, 2].map((dayOfWeek) => ({
    dayOfWeek: dayOfWeek as 1 | 2,
    start: '06:00',
    end: '20:00',
  }));
  const plain = instanceWith({
    employees: [
      fixtureEmployee('tech-1', 'TECHNICIAN', {
        availability: twoDays,
        contract: { ...base, overtimeThresholdHours: 8 },
        preferences: {
          preferredStartTimes: ['09:00'],
          avoidStartTimes: ['06:00'],
          preferredDaysOff: [2],
        },
      }),
      fixtureEmployee('tech-2', 'TECHNICIAN', { availability: twoDays, certifications: [] }),
      fixtureEmployee('pharm-1', 'PHARMACIST', { availability: twoDays }),
    ],
    demand: [
      ...demand('q-calls', 'NC', at(0, '06:00'), at(0, '16:00'), 2, [30, 10, 2]),
      ...demand('q-erx', 'OH', at(1, '07:00'), at(1, '12:00'), 1.5),
    ],
  });
  const previous = {
    shifts: [shiftOn(plain, 'tech-2', MONDAY, '08:00', 8, 'prev-1')],
    allocations: [],
    supervision: [],
  };
  return { ...plain, previousRoster: previous };
}

describe('MIP objective = checker weightedTotal', () => {
  it('for the proven optimum of a fixture with every term active (HiGHS objective vs checker)', async () => {
    const instance = richInstance();
    const rosterModel = buildRosterModel(instance);
    const result = await new HighsSolver().solve(rosterModel.model, {
      timeLimitSeconds: 20,
      mipRelGap: 0,
    });
    expect(result.status).toBe('OPTIMAL');
    const { check } = decodeRoster(instance, rosterModel, result.values!);
    const total = check.soft.weightedTotal;
    expect(Math.abs(result.objective! - total)).toBeLessThanOrEqual(
      1e-6 * Math.max(1, Math.abs(total)),
    );
    expect(check.soft.overtimeCost).toBeGreaterThan(0);
    expect(check.soft.lostServiceValue).toBeGreaterThan(0);
    // Encoding the decoded roster gives the same objective exactly (tight slacks).
    const encoded = encodeRoster(
      rosterModel,
      decodeRoster(instance, rosterModel, result.values!).roster,
    );
    expect(encoded.missing).toEqual([]);
    expect(verifyAgainstModel(rosterModel.model, encoded.values).ok).toBe(true);
    expect(objectiveOf(rosterModel.model, encoded.values)).toBeCloseTo(total, 6);
  });

  it('for a service curve whose second agent is worth more than the first (binary, ordered increments)', async () => {
    // Only tech-1 is cheap: the optimum staffs at most one technician, so a model that let one
    // agent take the second increment's value (u_1 without u_0) would undercut the checker.
    // Three technicians against two values also give the `beyond` column.
    const contract = fixtureEmployee('x', 'TECHNICIAN').contract;
    const dear = { ...contract, hourlyRate: 100_000 };
    const instance = instanceWith({
      employees: [
        mondayEmployee('tech-1', 'TECHNICIAN'),
        mondayEmployee('tech-2', 'TECHNICIAN', { contract: dear }),
        mondayEmployee('tech-3', 'TECHNICIAN', { contract: dear }),
      ],
      demand: demand('q-calls', 'OH', at(0, '10:00'), at(0, '14:00'), 1, [1, 40]),
    });
    const rosterModel = buildRosterModel(instance);
    expect(rosterModel.model.colNames.some((name) => name.startsWith('beyond['))).toBe(true);
    const result = await new HighsSolver().solve(rosterModel.model, {
      timeLimitSeconds: 20,
      mipRelGap: 0,
    });
    expect(result.status).toBe('OPTIMAL');
    const { roster, check } = decodeRoster(instance, rosterModel, result.values!);
    expect(new Set(roster.shifts.map((shift) => shift.employeeId))).toEqual(new Set(['tech-1']));
    expect(result.objective!).toBeCloseTo(check.soft.weightedTotal, 6);
  });

  it('for generated witness rosters (tiny and small): feasible in the model, same objective', () => {
    for (const [size, seed] of [
      ['tiny', 1],
      ['tiny', 2],
      ['small', 3],
    ] as const) {
      const instance = generateInstance(size, seed);
      const roster = minimumHoursRoster(instance);
      const rosterModel = buildRosterModel(instance);
      const { values, missing } = encodeRoster(rosterModel, roster);
      expect(missing).toEqual([]);
      const verdict = verifyAgainstModel(rosterModel.model, values);
      expect(verdict.problems).toEqual([]);
      const total = checkRoster(instance, roster).soft.weightedTotal;
      expect(Math.abs(objectiveOf(rosterModel.model, values) - total)).toBeLessThanOrEqual(
        1e-6 * Math.max(1, total),
      );
    }
  });
});

describe('lower bound', () => {
  it('is at most the proven optimum on fixtures and a tiny generated week', async () => {
    const cases = [richInstance(), generateInstance('tiny', 3, { minHoursZero: true })];
    for (const instance of cases) {
      const bound = await lpLowerBound(instance, { timeLimitSeconds: 20 });
      expect(bound.status).toBe('OPTIMAL');
      const solved = await solveMonolithicMip(instance, { timeLimitSeconds: 30 });
      expect(solved.status).toBe('OPTIMAL');
      expect(bound.bound!).toBeLessThanOrEqual(solved.objective! + 1e-6);
      const mipBound = await lpLowerBound(instance, { timeLimitSeconds: 2, strategy: 'mip' });
      expect(mipBound.bound!).toBeLessThanOrEqual(solved.objective! + 1e-6);
      expect(mipBound.bound!).toBeGreaterThanOrEqual(bound.bound! - 1e-6);
    }
  });

  it('uses the relaxed supervision model when a convex tier has firstPharmacist > 1', async () => {
    const instance = withConvexTierAboveOne(richInstance(), 'NC');
    const bound = await lpLowerBound(instance, { timeLimitSeconds: 10 });
    expect(bound.method).toContain('relaxed');
    const solved = await solveMonolithicMip(instance, { timeLimitSeconds: 20 });
    expect(solved.status).toBe('FEASIBLE'); // a conservative model proves nothing about the true optimum
    expect(bound.bound!).toBeLessThanOrEqual(solved.objective! + 1e-6);
  });
});

describe('solver adapters and their guard', () => {
  /** min 3a + 2b + 4c, a + b + c >= 2, a + c >= 1, binaries: optimum a = b = 1, objective 5. */
  function smallModel() {
    const model = emptyModel();
    const a = addBinary(model, 'a', 3);
    const b = addBinary(model, 'b', 2);
    const c = addBinary(model, 'c', 4);
    addRow(model, 'cover', [a, b, c], [1, 1, 1], 'G', 2);
    addRow(model, 'ac', [a, c], [1, 1], 'G', 1);
    addCol(model, 'slack', 0, 5, 0);
    return model;
  }

  it('javascript-lp-solver agrees with HiGHS on a tiny model', async () => {
    const model = smallModel();
    const [highs, lp] = [
      await new HighsSolver().solve(model, { timeLimitSeconds: 5 }),
      await new LpSolverAdapter().solve(model, { timeLimitSeconds: 5 }),
    ];
    expect(highs.status).toBe('OPTIMAL');
    expect(highs.objective).toBeCloseTo(5, 9);
    expect(lp.objective).toBeCloseTo(5, 9);
    expect(lp.bound).toBeNull(); // never trusted for bounds
  });

  it('the guard rejects a wrong answer loudly (row violated, wrong objective, fractional binary)', () => {
    const model = smallModel();
    expect(() => guard('fake', model, [0, 1, 0, 0], false, 1e-6, null)).toThrow(SolverResultError);
    expect(() => guard('fake', model, [1, 1, 0, 0], false, 1e-6, 4)).toThrow(/reported objective/);
    expect(() => guard('fake', model, [0.5, 1, 0.5, 0], false, 1e-6, null)).toThrow(/not integral/);
    expect(() => guard('fake', model, [0.5, 1, 0.5, 0], true, 1e-6, null)).not.toThrow();
  });

  it('on a roster fixture, javascript-lp-solver either matches the HiGHS optimum or is rejected by the guard', async () => {
    const instance = instanceWith({
      employees: [
        mondayEmployee('tech-1', 'TECHNICIAN', {
          availability: [{ dayOfWeek: 1, start: '09:00', end: '15:00' }],
        }),
      ],
      demand: demand('q-calls', 'OH', at(0, '10:00'), at(0, '12:00'), 1),
    });
    const rosterModel = buildRosterModel(instance);
    const highs = await new HighsSolver().solve(rosterModel.model, { timeLimitSeconds: 5 });
    try {
      const lp = await new LpSolverAdapter().solve(rosterModel.model, { timeLimitSeconds: 5 });
      if (lp.values) {
        expect(lp.objective!).toBeGreaterThanOrEqual(highs.objective! - 1e-6);
        decodeRoster(instance, rosterModel, lp.values); // checker-clean or throws
      }
    } catch (error) {
      expect(error).toBeInstanceOf(SolverResultError);
    }
  });

  it('LP text export solves to the same optimum as the structured model', async () => {
    const instance = richInstance();
    const { model } = buildRosterModel(instance);
    const highs = await loadHighs();
    const text = highs.solve(toLpText(model), {
      output_flag: false,
      mip_rel_gap: 0,
      time_limit: 20,
    });
    const structured = await new HighsSolver().solve(model, { timeLimitSeconds: 20, mipRelGap: 0 });
    expect(text.Status).toBe('Optimal');
    expect(text.ObjectiveValue).toBeCloseTo(structured.objective!, 5);
  });
});

describe('names, pins, polishing and infeasibility', () => {
  it('describeVariable maps a slack back to rule, state, queue and interval', () => {
    const { model } = buildRosterModel(richInstance());
    const name = model.colNames.find((candidate) => candidate.startsWith('short['))!;
    const described = describeVariable(name);
    expect(described.rule).toBe('shortage');
    expect(described.intervalIndex).toBeGreaterThanOrEqual(0);
    expect(described.state).toBeDefined();
    expect(describeVariable('ot[e=tech-1]')).toMatchObject({
      rule: 'cost (overtime)',
      employeeId: 'tech-1',
    });
  });

  it('polishing a neighbourhood improves the witness roster and never returns a worse one', async () => {
    const instance = generateInstance('tiny', 1);
    const witness = minimumHoursRoster(instance);
    const before = checkRoster(instance, witness).soft.weightedTotal;
    const dates = new Set([instance.week.weekStart, TUESDAY]);
    const polished = await polishNeighbourhood(
      instance,
      witness,
      { dates },
      { timeLimitSeconds: 10 },
    );
    expect(polished).not.toBeNull();
    const after = checkRoster(instance, polished!);
    expect(after.violations).toEqual([]);
    expect(after.soft.weightedTotal).toBeLessThan(before);
    // Pinned shifts survive polishing.
    const keys = new Set(polished!.shifts.map((s) => `${s.employeeId}|${s.start}|${s.end}`));
    for (const pin of instance.pinnedShifts)
      expect(keys.has(`${pin.employeeId}|${pin.start}|${pin.end}`)).toBe(true);
    // Re-polishing the same neighbourhood of its own optimum finds nothing better.
    const again = await polishNeighbourhood(
      instance,
      polished!,
      { dates },
      { timeLimitSeconds: 10 },
    );
    expect(again).toBeNull();
  });

  it('pinned shifts of a generated week survive the monolithic solve', async () => {
    const plain = generateInstance('tiny', 2);
    // Tiny weeks pin nothing: pin two witness shifts that the optimum would not choose by itself.
    const pins = minimumHoursRoster(plain)
      .shifts.slice(0, 2)
      .map((shift, k) => ({ ...shift, id: `pin-${k}` }));
    const instance = { ...plain, pinnedShifts: pins };
    expect(instance.pinnedShifts.length).toBe(2);
    const solved = await solveMonolithicMip(instance, { timeLimitSeconds: 8, mipRelGap: 0.05 });
    expect(solved.roster).not.toBeNull();
    const keys = new Set(solved.roster!.shifts.map((s) => `${s.employeeId}|${s.start}|${s.end}`));
    for (const pin of instance.pinnedShifts)
      expect(keys.has(`${pin.employeeId}|${pin.start}|${pin.end}`)).toBe(true);
    expect(checkRoster(instance, solved.roster!).violations).toEqual([]);
  });

  it('an unreachable weekly minimum is reported with the rule and the person', async () => {
    const base = fixtureEmployee('x', 'TECHNICIAN').contract;
    const instance = instanceWith({
      employees: [
        mondayEmployee('tech-1', 'TECHNICIAN', { contract: { ...base, minHoursPerWeek: 30 } }),
      ],
    });
    const solved = await solveMonolithicMip(instance, { timeLimitSeconds: 10 });
    expect(solved.status).toBe('INFEASIBLE');
    expect(solved.roster).toBeNull();
    const conflict = solved.infeasibility!.conflicts[0];
    expect(conflict.rules).toContain('MIN_HOURS_PER_WEEK');
    expect(conflict.rules).toContain('AVAILABILITY');
    expect(conflict.employeeIds).toEqual(['tech-1']);
  });

  it('a pinned shift outside availability, and rest-bound minimum hours, are named', async () => {
    const base = fixtureEmployee('x', 'TECHNICIAN').contract;
    const plain = instanceWith({
      employees: [
        mondayEmployee('tech-1', 'TECHNICIAN'),
        fixtureEmployee('tech-2', 'TECHNICIAN', {
          availability: alwaysAvailable(),
          contract: { ...base, minHoursPerWeek: 40, maxConsecutiveDays: 1 },
        }),
      ],
    });
    const pinned = shiftOn(plain, 'tech-1', TUESDAY, '09:00', 8, 'pin-tue');
    const report = await analyseInfeasibility({ ...plain, pinnedShifts: [pinned] });
    const rules = report.conflicts.map((c) => [c.employeeIds.join(), ...c.rules].join(' '));
    expect(rules).toContainEqual(expect.stringMatching(/^tech-1 PINNED_SHIFT AVAILABILITY/));
    expect(rules).toContainEqual(
      expect.stringMatching(/^tech-2 MIN_HOURS_PER_WEEK .*MAX_CONSECUTIVE_DAYS/),
    );
  });
});
