import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkRoster } from '../../../../src/core/checker/check-roster.js';
import type { ViolationRule } from '../../../../src/core/checker/types.js';
import { generateInstance } from '../../../../src/core/generator/generate-instance.js';
import { Random } from '../../../../src/core/generator/prng.js';
import type { Employee } from '../../../../src/core/model/employee.js';
import type { PlanningInstance } from '../../../../src/core/model/instance.js';
import type { Allocation, Roster, Shift } from '../../../../src/core/model/roster.js';
import { technicianRefusals } from '../../../../src/core/rules/eligibility.js';
import { ruleSetInForce } from '../../../../src/core/rules/rule-sets.js';
import { assignSupervision } from '../../../../src/core/rules/supervision-assignment.js';
import { availableShifts } from '../../../../src/core/time/candidates.js';
import { HOUR_MS } from '../../../../src/core/time/dates.js';
import { type TimeGrid, buildGrid, intervalsWithin } from '../../../../src/core/time/grid.js';
import type { CandidateShift } from '../../../../src/core/time/shift-times.js';

/**
 * Random rosters built only from allowed choices (template shifts inside availability that keep
 * rest, hours and consecutive days; allocations the rules allow; supervision by maximum flow)
 * pass the checker; a mutation that breaks one rule is caught under that rule's name.
 */

const instances: PlanningInstance[] = [
  generateInstance('tiny', 11, { minHoursZero: true }),
  generateInstance('small', 12, { minHoursZero: true }),
  generateInstance('tiny', 13, { minHoursZero: true, weekStart: '2026-03-02' }),
  generateInstance('tiny', 14, { minHoursZero: true, weekStart: '2026-10-26' }),
];

function fitsContract(employee: Employee, chosen: CandidateShift[], next: CandidateShift): boolean {
  const { contract, history } = employee;
  const hours = chosen.reduce((sum, shift) => sum + shift.paidHours, 0) + next.paidHours;
  const lastEnd =
    chosen.length > 0 ? chosen[chosen.length - 1].end : (history?.lastShiftEnd ?? null);
  const rested = lastEnd === null || next.start - lastEnd >= contract.minRestHours * HOUR_MS;
  const days = chosen.length + 1 + (history?.consecutiveDaysWorked ?? 0);
  return (
    rested &&
    hours <= contract.maxHoursPerWeek &&
    next.paidHours <= contract.maxHoursPerDay &&
    days <= contract.maxConsecutiveDays
  );
}

function randomShifts(
  rng: Random,
  employee: Employee,
  instance: PlanningInstance,
  grid: TimeGrid,
): Shift[] {
  const candidates = availableShifts(employee, instance.templates, grid);
  const chosen: CandidateShift[] = [];
  for (const date of grid.weekDates) {
    if (!rng.chance(0.5) || chosen.some((shift) => shift.localDate === date)) continue;
    const options = candidates.filter(
      (shift) => shift.localDate === date && fitsContract(employee, chosen, shift),
    );
    if (options.length > 0) chosen.push(rng.pick(options));
  }
  return chosen.map((shift, k) => ({
    id: `${employee.id}-${k}`,
    employeeId: employee.id,
    start: shift.start,
    end: shift.end,
    templateId: shift.templateId,
  }));
}

function randomAllocations(
  rng: Random,
  instance: PlanningInstance,
  grid: TimeGrid,
  shift: Shift,
): Allocation[] {
  const technician = instance.employees.find((employee) => employee.id === shift.employeeId)!;
  const { first, last } = intervalsWithin(grid, shift.start, shift.end);
  const allocations: Allocation[] = [];
  for (let intervalIndex = first; intervalIndex < last; intervalIndex += 1) {
    if (!rng.chance(0.7)) continue;
    const date = grid.intervalDates[intervalIndex];
    const allowed = instance.queues.flatMap((queue) =>
      queue.states
        .filter(
          (state) =>
            technicianRefusals(
              technician,
              queue,
              state,
              date,
              ruleSetInForce(instance.ruleSets, state, date),
            ).length === 0,
        )
        .map((state) => ({ queueId: queue.id, state })),
    );
    if (allowed.length > 0)
      allocations.push({ employeeId: technician.id, intervalIndex, ...rng.pick(allowed) });
  }
  return allocations;
}

/** A roster from allowed choices; (interval, state) pairs nobody can supervise lose their technicians. */
function randomValidRoster(instance: PlanningInstance, seed: number): Roster {
  const rng = new Random(seed);
  const grid = buildGrid(instance.week);
  const shifts = instance.employees.flatMap((employee) =>
    randomShifts(rng, employee, instance, grid),
  );
  const technicianShifts = shifts.filter((shift) => shift.employeeId.startsWith('T'));
  let allocations = technicianShifts.flatMap((shift) =>
    randomAllocations(rng, instance, grid, shift),
  );
  const { shortfalls } = assignSupervision(instance, { shifts, allocations, supervision: [] });
  const unsupervised = new Set(shortfalls.map((gap) => `${gap.intervalIndex}|${gap.state}`));
  allocations = allocations.filter(
    (allocation) => !unsupervised.has(`${allocation.intervalIndex}|${allocation.state}`),
  );
  const { supervision } = assignSupervision(instance, { shifts, allocations, supervision: [] });
  return { shifts, allocations, supervision };
}

const rulesOf = (instance: PlanningInstance, roster: Roster): Set<ViolationRule> =>
  new Set(checkRoster(instance, roster).violations.map((violation) => violation.rule));

const caseArbitrary = fc.record({
  instance: fc.constantFrom(...instances),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

describe('checker properties', () => {
  it('the random rosters are not trivial', () => {
    const roster = randomValidRoster(instances[1], 5);
    expect(roster.shifts.length).toBeGreaterThan(10);
    expect(roster.allocations.length).toBeGreaterThan(100);
    expect(roster.supervision.length).toBeGreaterThan(10);
    expect(new Set(roster.supervision.map((share) => share.state)).size).toBeGreaterThan(1);
  });

  it('random rosters built from allowed choices have no violations', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ instance, seed }) => {
        const roster = randomValidRoster(instance, seed);
        expect(checkRoster(instance, roster).violations).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('moving a shift off its template start is caught as SHIFT_TEMPLATE', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ instance, seed }) => {
        const roster = randomValidRoster(instance, seed);
        fc.pre(roster.shifts.length > 0);
        const [first, ...rest] = roster.shifts;
        const moved = { ...first, start: first.start + 15 * 60_000 };
        expect(
          rulesOf(instance, { ...roster, shifts: [moved, ...rest] }).has('SHIFT_TEMPLATE'),
        ).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('dropping the supervision of a ratio state is caught as SUPERVISION_RATIO', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ instance, seed }) => {
        const roster = randomValidRoster(instance, seed);
        fc.pre(roster.supervision.length > 0);
        const { intervalIndex, state } = roster.supervision[0];
        const supervision = roster.supervision.filter(
          (share) => !(share.intervalIndex === intervalIndex && share.state === state),
        );
        expect(rulesOf(instance, { ...roster, supervision }).has('SUPERVISION_RATIO')).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('a second allocation in the same interval is caught as DOUBLE_ALLOCATION', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ instance, seed }) => {
        const roster = randomValidRoster(instance, seed);
        fc.pre(roster.allocations.length > 0);
        const twice = { ...roster.allocations[0] };
        expect(
          rulesOf(instance, { ...roster, allocations: [...roster.allocations, twice] }).has(
            'DOUBLE_ALLOCATION',
          ),
        ).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('work an hour after a shift ends is caught as ALLOCATION_OUTSIDE_SHIFT', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ instance, seed }) => {
        const roster = randomValidRoster(instance, seed);
        const grid = buildGrid(instance.week);
        const shift = roster.shifts.find(
          (candidate) =>
            candidate.employeeId.startsWith('T') && candidate.end + HOUR_MS <= grid.end,
        );
        fc.pre(shift !== undefined);
        const after = intervalsWithin(
          grid,
          shift.end + HOUR_MS,
          shift.end + HOUR_MS + grid.intervalMs,
        ).first;
        fc.pre(
          !roster.shifts.some(
            (other) =>
              other.employeeId === shift.employeeId &&
              other.start <= shift.end + HOUR_MS &&
              other.end > shift.end + HOUR_MS,
          ),
        );
        const stray = {
          employeeId: shift.employeeId,
          intervalIndex: after,
          queueId: instance.queues[0].id,
          state: instance.queues[0].states[0],
        };
        expect(
          rulesOf(instance, { ...roster, allocations: [...roster.allocations, stray] }).has(
            'ALLOCATION_OUTSIDE_SHIFT',
          ),
        ).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('a second shift on the same local day is caught as ONE_SHIFT_PER_DAY', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ instance, seed }) => {
        const roster = randomValidRoster(instance, seed);
        fc.pre(roster.shifts.length > 0);
        const copy = { ...roster.shifts[0], id: 'copy' };
        expect(
          rulesOf(instance, { ...roster, shifts: [...roster.shifts, copy] }).has(
            'ONE_SHIFT_PER_DAY',
          ),
        ).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('removing a pharmacist licence used for supervision is caught as SUPERVISOR_ELIGIBILITY', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ instance, seed }) => {
        const roster = randomValidRoster(instance, seed);
        fc.pre(roster.supervision.length > 0);
        const { employeeId, state } = roster.supervision[0];
        const employees = instance.employees.map((employee) =>
          employee.id === employeeId
            ? {
                ...employee,
                licences: employee.licences.filter((licence) => licence.state !== state),
              }
            : employee,
        );
        expect(rulesOf({ ...instance, employees }, roster).has('SUPERVISOR_ELIGIBILITY')).toBe(
          true,
        );
      }),
      { numRuns: 20 },
    );
  });
});
