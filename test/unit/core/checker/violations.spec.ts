import { describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../../../src/core/checker/check-roster.js';
import { VIOLATION_RULES, type ViolationRule } from '../../../../src/core/checker/types.js';
import {
  allocationsFor,
  fixtureEmployee,
  fixtureInstance,
  shiftOn,
  supervisionFor,
} from '../../../../src/core/generator/fixture.js';
import type { Contract, Employee } from '../../../../src/core/model/employee.js';
import type { PlanningInstance } from '../../../../src/core/model/instance.js';
import type { Roster } from '../../../../src/core/model/roster.js';
import { localToInstant } from '../../../../src/core/time/zones.js';

/**
 * One focused case per violation kind: a tiny fixture in which exactly that rule is broken, and
 * the same fixture repaired, which passes.
 */

const TUE = '2026-04-14';
const WED = '2026-04-15';
const THU = '2026-04-16';
const contract = (changes: Partial<Contract>): Contract => ({
  ...fixtureEmployee('x', 'TECHNICIAN').contract,
  ...changes,
});

function scenario(technician: Partial<Employee> = {}, instance: Partial<PlanningInstance> = {}) {
  const base = fixtureInstance({
    employees: [
      fixtureEmployee('tech-1', 'TECHNICIAN', technician),
      fixtureEmployee('pharm-1', 'PHARMACIST'),
    ],
    ...instance,
  });
  const techShift = shiftOn(base, 'tech-1', TUE, '09:00', 8);
  const pharmShift = shiftOn(base, 'pharm-1', TUE, '09:00', 8);
  const roster: Roster = {
    shifts: [techShift, pharmShift],
    allocations: allocationsFor(base, techShift, 'q-erx', 'NC'),
    supervision: supervisionFor(base, pharmShift, 'NC'),
  };
  return { instance: base, roster, techShift, pharmShift };
}

const rulesBroken = (instance: PlanningInstance, roster: Roster): ViolationRule[] =>
  [...new Set(checkRoster(instance, roster).violations.map((violation) => violation.rule))].sort();

/** Calls for Ohio by a technician registered only in NC: fine on site, not remotely. */
function ohioCalls(technician: Partial<Employee>) {
  const ncOnly = [
    {
      state: 'NC',
      kind: 'TECHNICIAN_REGISTRATION' as const,
      validFrom: '2020-01-01',
      validUntil: null,
    },
  ];
  const s = scenario({ licences: ncOnly, ...technician });
  return {
    instance: s.instance,
    roster: { ...s.roster, allocations: allocationsFor(s.instance, s.techShift, 'q-calls', 'OH') },
  };
}

interface Case {
  readonly broken: () => { instance: PlanningInstance; roster: Roster };
  readonly fixed: () => { instance: PlanningInstance; roster: Roster };
}

const withShifts = (
  extra: (s: ReturnType<typeof scenario>) => Roster['shifts'],
  technician: Partial<Employee> = {},
) => {
  const s = scenario(technician);
  return {
    instance: s.instance,
    roster: { ...s.roster, shifts: [...s.roster.shifts, ...extra(s)] },
  };
};

const CASES: Record<ViolationRule, Case> = {
  UNKNOWN_REFERENCE: {
    broken: () => {
      const s = scenario();
      const stray = {
        employeeId: 'tech-1',
        intervalIndex: s.roster.allocations[0].intervalIndex,
        queueId: 'q-none',
        state: 'NC',
      };
      return {
        instance: s.instance,
        roster: { ...s.roster, allocations: [...s.roster.allocations.slice(1), stray] },
      };
    },
    fixed: () => scenario(),
  },
  DUPLICATE_ID: {
    broken: () =>
      withShifts((s) => [
        { ...shiftOn(s.instance, 'tech-1', THU, '09:00', 8), id: s.techShift.id },
      ]),
    fixed: () => withShifts((s) => [shiftOn(s.instance, 'tech-1', THU, '09:00', 8)]),
  },
  ROLE_MISMATCH: {
    broken: () => {
      const s = scenario();
      const pharmacistWork = allocationsFor(s.instance, s.pharmShift, 'q-calls', 'OH');
      return {
        instance: s.instance,
        roster: { ...s.roster, allocations: [...s.roster.allocations, ...pharmacistWork] },
      };
    },
    fixed: () => scenario(),
  },
  SHIFT_TEMPLATE: {
    broken: () =>
      withShifts((s) => [
        {
          ...shiftOn(s.instance, 'tech-1', THU, '09:00', 8),
          end: localToInstant(THU, '16:00', 'America/New_York'),
        },
      ]),
    fixed: () => withShifts((s) => [shiftOn(s.instance, 'tech-1', THU, '09:00', 8)]),
  },
  OUTSIDE_PLANNING_WEEK: {
    broken: () => withShifts((s) => [shiftOn(s.instance, 'tech-1', '2026-04-20', '09:00', 8)]),
    fixed: () => withShifts((s) => [shiftOn(s.instance, 'tech-1', '2026-04-19', '09:00', 8)]),
  },
  EMPLOYMENT_DATES: {
    broken: () => scenario({ hireDate: WED }),
    fixed: () => scenario({ hireDate: TUE }),
  },
  AVAILABILITY: {
    broken: () => scenario({ availability: [{ dayOfWeek: 2, start: '09:30', end: '18:00' }] }),
    fixed: () => scenario({ availability: [{ dayOfWeek: 2, start: '09:00', end: '18:00' }] }),
  },
  TIME_OFF: {
    broken: () =>
      scenario({
        timeOff: [
          {
            start: localToInstant(TUE, '16:30', 'America/New_York'),
            end: localToInstant(WED, '00:00', 'America/New_York'),
          },
        ],
      }),
    fixed: () =>
      scenario({
        timeOff: [
          {
            start: localToInstant(TUE, '17:00', 'America/New_York'),
            end: localToInstant(WED, '00:00', 'America/New_York'),
          },
        ],
      }),
  },
  ONE_SHIFT_PER_DAY: {
    broken: () =>
      withShifts((s) => [shiftOn(s.instance, 'tech-1', TUE, '17:00', 4)], {
        contract: contract({ minRestHours: 0, maxHoursPerDay: 12 }),
      }),
    fixed: () =>
      withShifts((s) => [shiftOn(s.instance, 'tech-1', WED, '17:00', 4)], {
        contract: contract({ minRestHours: 0, maxHoursPerDay: 12 }),
      }),
  },
  MAX_HOURS_PER_DAY: {
    broken: () => scenario({ contract: contract({ maxHoursPerDay: 7 }) }),
    fixed: () => scenario({ contract: contract({ maxHoursPerDay: 7.5 }) }),
  },
  MAX_HOURS_PER_WEEK: {
    broken: () =>
      withShifts((s) => [shiftOn(s.instance, 'tech-1', WED, '09:00', 8)], {
        contract: contract({ maxHoursPerWeek: 14.5 }),
      }),
    fixed: () =>
      withShifts((s) => [shiftOn(s.instance, 'tech-1', WED, '09:00', 8)], {
        contract: contract({ maxHoursPerWeek: 15 }),
      }),
  },
  MIN_HOURS_PER_WEEK: {
    broken: () => scenario({ contract: contract({ minHoursPerWeek: 8 }) }),
    fixed: () => scenario({ contract: contract({ minHoursPerWeek: 7.5 }) }),
  },
  MIN_REST: {
    broken: () =>
      withShifts((s) => [shiftOn(s.instance, 'tech-1', WED, '06:30', 4)], {
        contract: contract({ minRestHours: 14 }),
      }),
    fixed: () =>
      withShifts((s) => [shiftOn(s.instance, 'tech-1', WED, '07:00', 4)], {
        contract: contract({ minRestHours: 14 }),
      }),
  },
  MAX_CONSECUTIVE_DAYS: {
    broken: () =>
      scenario({
        history: { lastShiftEnd: null, consecutiveDaysWorked: 0 },
        contract: contract({ maxConsecutiveDays: 0 }),
      }),
    fixed: () => scenario({ contract: contract({ maxConsecutiveDays: 1 }) }),
  },
  PINNED_SHIFT: {
    broken: () => {
      const s = scenario();
      return {
        instance: { ...s.instance, pinnedShifts: [shiftOn(s.instance, 'tech-1', TUE, '09:30', 8)] },
        roster: s.roster,
      };
    },
    fixed: () => {
      const s = scenario();
      return {
        instance: { ...s.instance, pinnedShifts: [{ ...s.techShift, id: 'other-id' }] },
        roster: s.roster,
      };
    },
  },
  ALLOCATION_OUTSIDE_SHIFT: {
    broken: () => {
      const s = scenario();
      const last = s.roster.allocations[s.roster.allocations.length - 1];
      const late = {
        employeeId: 'tech-1',
        intervalIndex: last.intervalIndex + 1,
        queueId: 'q-calls',
        state: 'OH',
      };
      return {
        instance: s.instance,
        roster: { ...s.roster, allocations: [...s.roster.allocations, late] },
      };
    },
    fixed: () => scenario(),
  },
  DOUBLE_ALLOCATION: {
    broken: () => {
      const s = scenario();
      const twice = { ...s.roster.allocations[0], queueId: 'q-calls' };
      return {
        instance: s.instance,
        roster: { ...s.roster, allocations: [...s.roster.allocations, twice] },
      };
    },
    fixed: () => scenario(),
  },
  SKILL: {
    broken: () => scenario({ skills: ['q-calls'] }),
    fixed: () => scenario({ skills: ['q-calls', 'q-erx'] }),
  },
  QUEUE_STATE: {
    broken: () => {
      const s = scenario();
      const queues = s.instance.queues.map((queue) => ({
        ...queue,
        states: queue.states.filter((state) => state !== 'NC'),
      }));
      return { instance: { ...s.instance, queues }, roster: s.roster };
    },
    fixed: () => scenario(),
  },
  LICENCE: {
    broken: () =>
      scenario({
        remote: false,
        licences: [
          {
            state: 'NC',
            kind: 'TECHNICIAN_REGISTRATION',
            validFrom: '2020-01-01',
            validUntil: '2026-04-13',
          },
        ],
      }),
    fixed: () =>
      scenario({
        remote: false,
        licences: [
          {
            state: 'NC',
            kind: 'TECHNICIAN_REGISTRATION',
            validFrom: '2020-01-01',
            validUntil: TUE,
          },
        ],
      }),
  },
  NO_RULE_SET: {
    broken: () => {
      const s = scenario();
      return {
        instance: {
          ...s.instance,
          ruleSets: s.instance.ruleSets.filter((rules) => rules.state !== 'NC'),
        },
        roster: { ...s.roster, supervision: [] },
      };
    },
    fixed: () => {
      const s = scenario();
      return { instance: s.instance, roster: s.roster };
    },
  },
  REMOTE_TASK: {
    broken: () => ohioCalls({}),
    fixed: () => ohioCalls({ remote: false }),
  },
  SUPERVISOR_ELIGIBILITY: {
    broken: () => {
      const s = scenario();
      const outsider = fixtureEmployee('pharm-2', 'PHARMACIST', {
        licences: [
          { state: 'GA', kind: 'PHARMACIST_LICENCE', validFrom: '2020-01-01', validUntil: null },
        ],
      });
      const instance = { ...s.instance, employees: [...s.instance.employees, outsider] };
      const shift = shiftOn(instance, 'pharm-2', TUE, '09:00', 8);
      return {
        instance,
        roster: {
          ...s.roster,
          shifts: [...s.roster.shifts, shift],
          supervision: [...s.roster.supervision, ...supervisionFor(instance, shift, 'NC')],
        },
      };
    },
    fixed: () => scenario(),
  },
  SUPERVISION_SHARE: {
    broken: () => {
      const s = scenario();
      const extra = supervisionFor(s.instance, s.pharmShift, 'GA', 0.5);
      return {
        instance: s.instance,
        roster: { ...s.roster, supervision: [...s.roster.supervision, ...extra] },
      };
    },
    fixed: () => {
      const s = scenario();
      const shares = [
        ...supervisionFor(s.instance, s.pharmShift, 'NC', 0.5),
        ...supervisionFor(s.instance, s.pharmShift, 'GA', 0.5),
      ];
      return { instance: s.instance, roster: { ...s.roster, supervision: shares } };
    },
  },
  SUPERVISION_RATIO: {
    broken: () => {
      const s = scenario({ certifications: [] });
      return {
        instance: s.instance,
        roster: { ...s.roster, supervision: supervisionFor(s.instance, s.pharmShift, 'NC', 0.49) },
      };
    },
    fixed: () => {
      const s = scenario({ certifications: [] });
      return {
        instance: s.instance,
        roster: { ...s.roster, supervision: supervisionFor(s.instance, s.pharmShift, 'NC', 0.5) },
      };
    },
  },
};

describe('checkRoster: one focused case per violation kind', () => {
  it('the base scenario is clean', () => {
    const { instance, roster } = scenario();
    expect(checkRoster(instance, roster).violations).toEqual([]);
  });

  it('covers every rule name', () => {
    expect(Object.keys(CASES).sort()).toEqual([...VIOLATION_RULES].sort());
  });

  it.each(VIOLATION_RULES.map((rule) => [rule]))(
    '%s: broken is caught, repaired passes',
    (rule) => {
      const broken = CASES[rule].broken();
      expect(rulesBroken(broken.instance, broken.roster)).toEqual([rule]);
      const fixed = CASES[rule].fixed();
      expect(checkRoster(fixed.instance, fixed.roster).violations).toEqual([]);
    },
  );
});
