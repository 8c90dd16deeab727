import { describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../../../src/core/checker/check-roster.js';
import {
  allocationsFor,
  fixtureEmployee,
  fixtureInstance,
  shiftOn,
  supervisionFor,
} from '../../../../src/core/generator/fixture.js';
import type { PlanningInstance } from '../../../../src/core/model/instance.js';
import type { Roster } from '../../../../src/core/model/roster.js';
import { assignSupervision } from '../../../../src/core/rules/supervision-assignment.js';
import { localToInstant } from '../../../../src/core/time/zones.js';

const rules = (instance: PlanningInstance, roster: Roster) =>
  checkRoster(instance, roster).violations.map((violation) => violation.rule);
const uncertified = (id: string) => fixtureEmployee(id, 'TECHNICIAN', { certifications: [] });
const ncAndGa = (id: string) =>
  fixtureEmployee(id, 'PHARMACIST', {
    licences: ['NC', 'GA'].map((state) => ({
      state,
      kind: 'PHARMACIST_LICENCE' as const,
      validFrom: '2020-01-01',
      validUntil: null,
    })),
  });

describe('supervision shared across states', () => {
  const instance = fixtureInstance({
    employees: [uncertified('t1'), uncertified('t2'), ncAndGa('p1')],
  });
  const [t1, t2, p1] = ['t1', 't2', 'p1'].map((id) =>
    shiftOn(instance, id, '2026-04-14', '09:00', 8),
  );
  const shifts = [t1, t2, p1];
  // One uncertified technician needs 0.5 pharmacist in NC (2 uncertified per pharmacist) and 0.5 in GA (1:2).
  const allocations = [
    ...allocationsFor(instance, t1, 'q-erx', 'NC'),
    ...allocationsFor(instance, t2, 'q-erx', 'GA'),
  ];

  it('one pharmacist may cover two states with half of their capacity each', () => {
    const supervision = [
      ...supervisionFor(instance, p1, 'NC', 0.5),
      ...supervisionFor(instance, p1, 'GA', 0.5),
    ];
    expect(rules(instance, { shifts, allocations, supervision })).toEqual([]);
  });

  it('but never counts the same capacity twice', () => {
    const supervision = [
      ...supervisionFor(instance, p1, 'NC', 1),
      ...supervisionFor(instance, p1, 'GA', 1),
    ];
    expect(new Set(rules(instance, { shifts, allocations, supervision }))).toEqual(
      new Set(['SUPERVISION_SHARE']),
    );
  });

  it('a third technician in GA needs more than one pharmacist can give', () => {
    const t3 = uncertified('t3');
    const bigger = { ...instance, employees: [...instance.employees, t3] };
    const shift3 = shiftOn(bigger, 't3', '2026-04-14', '09:00', 8);
    const more = [...allocations, ...allocationsFor(bigger, shift3, 'q-erx', 'GA')];
    const roster = { shifts: [...shifts, shift3], allocations: more, supervision: [] };
    const assignment = assignSupervision(bigger, roster);
    expect(assignment.shortfalls).toHaveLength(16);
    // NC needs 0.5 and GA 1: the pharmacist's single unit leaves 0.5 uncovered in every interval.
    for (const gap of assignment.shortfalls) expect(gap.required - gap.assigned).toBeCloseTo(0.5);
  });

  it('assignSupervision finds shares for hand-edited rosters and the checker accepts them', () => {
    const { supervision, shortfalls } = assignSupervision(instance, {
      shifts,
      allocations,
      supervision: [],
    });
    expect(shortfalls).toEqual([]);
    expect(supervision).toHaveLength(32);
    expect(rules(instance, { shifts, allocations, supervision })).toEqual([]);
  });
});

describe('rule versions change mid-week', () => {
  it('judges each interval by the rule set in force on its date', () => {
    const base = fixtureInstance({
      employees: [uncertified('t1'), uncertified('t2'), uncertified('t3'), ncAndGa('p1')],
    });
    const stricter = {
      ...base.ruleSets.find((set) => set.state === 'NC')!,
      id: 'nc-thu',
      effectiveFrom: '2026-04-16',
    };
    const instance: PlanningInstance = {
      ...base,
      ruleSets: [
        ...base.ruleSets,
        {
          ...stricter,
          supervision: {
            kind: 'RATIO',
            tiers: [
              { minCertifiedTechnicians: 0, firstPharmacist: 2, eachAdditionalPharmacist: 2 },
            ],
            maxUncertifiedPerPharmacist: 1,
          },
        },
      ],
    };
    const day = (date: string) => {
      const shifts = ['t1', 't2', 'p1'].map((id) => shiftOn(instance, id, date, '09:00', 8));
      return {
        shifts,
        allocations: [
          ...allocationsFor(instance, shifts[0], 'q-erx', 'NC'),
          ...allocationsFor(instance, shifts[1], 'q-erx', 'NC'),
        ],
        supervision: supervisionFor(instance, shifts[2], 'NC'),
      };
    };
    expect(rules(instance, day('2026-04-15'))).toEqual([]);
    const thursday = checkRoster(instance, day('2026-04-16')).violations;
    expect(thursday).toHaveLength(16);
    expect(thursday[0]).toMatchObject({
      rule: 'SUPERVISION_RATIO',
      state: 'NC',
      date: '2026-04-16',
      employeeIds: ['p1', 't1', 't2'],
    });
  });
});

describe('a daylight-saving week', () => {
  const base = fixtureInstance({
    week: { weekStart: '2026-03-02', timeZone: 'America/New_York', intervalMinutes: 30 },
    employees: [
      fixtureEmployee('t-la', 'TECHNICIAN', { timeZone: 'America/Los_Angeles' }),
      fixtureEmployee('p-az', 'PHARMACIST', { timeZone: 'America/Phoenix' }),
    ],
  });

  it('accepts shifts on the spring-forward Sunday read in each employee zone', () => {
    const tech = shiftOn(base, 't-la', '2026-03-08', '09:00', 8);
    const pharm = shiftOn(base, 'p-az', '2026-03-08', '10:00', 8);
    expect(new Date(tech.start).toISOString()).toBe('2026-03-08T16:00:00.000Z');
    expect(new Date(pharm.start).toISOString()).toBe('2026-03-08T17:00:00.000Z');
    const roster = {
      shifts: [tech, pharm],
      allocations: allocationsFor(base, { ...tech, start: pharm.start }, 'q-erx', 'CA'),
      supervision: supervisionFor(base, pharm, 'CA'),
    };
    expect(rules(base, roster)).toEqual([]);
  });

  it('the Los Angeles employee cannot work past midnight in New York, the end of the grid', () => {
    const late = shiftOn(base, 't-la', '2026-03-08', '16:00', 6);
    expect(rules(base, { shifts: [late], allocations: [], supervision: [] })).toEqual([
      'OUTSIDE_PLANNING_WEEK',
    ]);
  });
});

describe('carried over from last week', () => {
  it('rest and consecutive days count the history', () => {
    const lastShiftEnd = localToInstant('2026-04-12', '23:00', 'America/New_York');
    const instance = fixtureInstance({
      employees: [
        fixtureEmployee('t1', 'TECHNICIAN', {
          history: { lastShiftEnd, consecutiveDaysWorked: 5 },
        }),
      ],
    });
    const monday = shiftOn(instance, 't1', '2026-04-13', '08:00', 8);
    expect(rules(instance, { shifts: [monday], allocations: [], supervision: [] })).toEqual([
      'MIN_REST',
      'MAX_CONSECUTIVE_DAYS',
    ]);
    const tuesday = shiftOn(instance, 't1', '2026-04-14', '08:00', 8);
    expect(rules(instance, { shifts: [tuesday], allocations: [], supervision: [] })).toEqual([]);
  });
});
