import { describe, expect, it } from '@jest/globals';
import { fixtureEmployee, shiftOn } from '../../../../../src/core/generator/fixture.js';
import { alwaysAvailable } from '../../../../../src/core/model/employee.js';
import { addDays, HOUR_MS } from '../../../../../src/core/time/dates.js';
import { localToInstant } from '../../../../../src/core/time/zones.js';
import {
  MONDAY,
  TUESDAY,
  at,
  demand,
  instanceWith,
  mondayEmployee,
  paidHoursOf,
  shiftDates,
  solveOptimal,
  staffedPerInterval,
} from './helpers.js';

/**
 * One focused fixture per constraint family: the rule binds in the optimum (relaxing it would
 * give a different, better answer), HiGHS proves the optimum, and the checker accepts the roster.
 */

const uncertified = { certifications: [] };

describe('MIP constraint families (HiGHS, checker-clean optima)', () => {
  it('supervisionRatio: one GA pharmacist, 1 certified + 3 uncertified technicians wanting work: exactly 3 staffed (tier 1:3 with >= 1 certified)', async () => {
    const instance = instanceWith({
      employees: [
        mondayEmployee('tech-c', 'TECHNICIAN'),
        mondayEmployee('tech-u1', 'TECHNICIAN', uncertified),
        mondayEmployee('tech-u2', 'TECHNICIAN', uncertified),
        mondayEmployee('tech-u3', 'TECHNICIAN', uncertified),
        mondayEmployee('pharm-1', 'PHARMACIST'),
      ],
      demand: demand('q-calls', 'GA', at(0, '10:00'), at(0, '14:00'), 4),
    });
    const { roster } = await solveOptimal(instance);
    const staffed = staffedPerInterval(roster, 'q-calls', 'GA');
    for (let t = at(0, '10:00'); t < at(0, '14:00'); t += 1) expect(staffed.get(t)).toBe(3);
    // The certified technician is always among them (without them the tier would be 1:2).
    const certified = roster.allocations.filter((a) => a.employeeId === 'tech-c').length;
    expect(certified).toBe(at(0, '14:00') - at(0, '10:00'));
  });

  it('supervisionRatio (CA, convex 1 then 2): one pharmacist lets 1 technician work, two let 3', async () => {
    const techs = ['a', 'b', 'c', 'd'].map((id) => mondayEmployee(`tech-${id}`, 'TECHNICIAN'));
    const one = instanceWith({
      employees: [...techs, mondayEmployee('pharm-1', 'PHARMACIST')],
      demand: demand('q-calls', 'CA', at(0, '10:00'), at(0, '12:00'), 4),
    });
    const two = instanceWith({
      employees: [
        ...techs,
        mondayEmployee('pharm-1', 'PHARMACIST'),
        mondayEmployee('pharm-2', 'PHARMACIST'),
      ],
      demand: demand('q-calls', 'CA', at(0, '10:00'), at(0, '12:00'), 4),
    });
    const [solvedOne, solvedTwo] = [await solveOptimal(one), await solveOptimal(two)];
    for (let t = at(0, '10:00'); t < at(0, '12:00'); t += 1) {
      expect(staffedPerInterval(solvedOne.roster, 'q-calls', 'CA').get(t)).toBe(1);
      expect(staffedPerInterval(solvedTwo.roster, 'q-calls', 'CA').get(t)).toBe(3);
    }
  });

  it('supervisionShareCapacity: one pharmacist split over NC and GA supervises 4 technicians in total, not 8', async () => {
    const techs = Array.from({ length: 8 }, (_, k) => mondayEmployee(`tech-${k}`, 'TECHNICIAN'));
    const instance = instanceWith({
      employees: [...techs, mondayEmployee('pharm-1', 'PHARMACIST')],
      demand: [
        ...demand('q-calls', 'NC', at(0, '10:00'), at(0, '12:00'), 4),
        ...demand('q-calls', 'GA', at(0, '10:00'), at(0, '12:00'), 4),
      ],
    });
    const { roster } = await solveOptimal(instance);
    for (let t = at(0, '10:00'); t < at(0, '12:00'); t += 1) {
      const nc = staffedPerInterval(roster, 'q-calls', 'NC').get(t) ?? 0;
      const ga = staffedPerInterval(roster, 'q-calls', 'GA').get(t) ?? 0;
      expect(nc + ga).toBe(4);
      const shares = roster.supervision
        .filter((s) => s.intervalIndex === t)
        .reduce((sum, s) => sum + s.share, 0);
      expect(shares).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('oneShiftPerDay: with no rest rule, two 4-hour demand blocks on one day still get one shift', async () => {
    const instance = instanceWith({
      employees: [
        fixtureEmployee('tech-1', 'TECHNICIAN', {
          availability: [{ dayOfWeek: 1, start: '06:00', end: '24:00' }],
          contract: { ...fixtureEmployee('x', 'TECHNICIAN').contract, minRestHours: 0 },
        }),
      ],
      ruleSets: instanceWith({}).ruleSets,
      demand: [
        ...demand('q-calls', 'OH', at(0, '06:00'), at(0, '10:00'), 1),
        ...demand('q-calls', 'OH', at(0, '18:00'), at(0, '22:00'), 1),
      ],
    });
    const { roster } = await solveOptimal(instance);
    expect(roster.shifts).toHaveLength(1);
    expect(roster.allocations).toHaveLength(8);
  });

  it('maxDailyHours: a 6-hour daily maximum allows only shifts of at most 6 paid hours', async () => {
    const base = fixtureEmployee('x', 'TECHNICIAN').contract;
    const instance = instanceWith({
      employees: [
        mondayEmployee('tech-1', 'TECHNICIAN', { contract: { ...base, maxHoursPerDay: 6 } }),
      ],
      demand: demand('q-calls', 'OH', at(0, '08:00'), at(0, '18:00'), 1),
    });
    const { roster } = await solveOptimal(instance);
    expect(roster.shifts).toHaveLength(1);
    expect((roster.shifts[0].end - roster.shifts[0].start) / HOUR_MS).toBe(6);
    expect(paidHoursOf(instance, roster, 'tech-1')).toBeLessThanOrEqual(6);
  });

  it('minMaxWeeklyHours: 12 h maximum caps the week; 20 h minimum is met with no demand at all', async () => {
    const base = fixtureEmployee('x', 'TECHNICIAN').contract;
    const weekDemand = [0, 1, 2].flatMap((day) =>
      demand('q-calls', 'OH', at(day, '09:00'), at(day, '17:00'), 1),
    );
    const threeDays = [1, 2, 3].map((dayOfWeek) => ({
      dayOfWeek: dayOfWeek as 1 | 2 | 3,
      start: '08:00',
      end: '18:00',
    }));
    const capped = instanceWith({
      employees: [
        fixtureEmployee('tech-1', 'TECHNICIAN', {
          availability: threeDays,
          contract: { ...base, maxHoursPerWeek: 12 },
        }),
      ],
      demand: weekDemand,
    });
    const { roster } = await solveOptimal(capped);
    const paid = paidHoursOf(capped, roster, 'tech-1');
    expect(paid).toBeLessThanOrEqual(12);
    // The cap binds: 12 h of coverage (24 intervals) is the most 12 paid hours can buy.
    expect(roster.allocations).toHaveLength(24);
    const floor = instanceWith({
      employees: [
        fixtureEmployee('tech-1', 'TECHNICIAN', {
          availability: alwaysAvailable(),
          contract: { ...base, minHoursPerWeek: 20 },
        }),
      ],
    });
    const solved = await solveOptimal(floor);
    expect(paidHoursOf(floor, solved.roster, 'tech-1')).toBe(20);
  });

  it('minRestBetweenShifts: a late Monday and an early Tuesday block cannot both be covered with 12 h rest', async () => {
    const base = fixtureEmployee('x', 'TECHNICIAN').contract;
    const make = (minRestHours: number) =>
      instanceWith({
        employees: [
          fixtureEmployee('tech-1', 'TECHNICIAN', {
            availability: [
              { dayOfWeek: 1, start: '12:00', end: '24:00' },
              { dayOfWeek: 2, start: '06:00', end: '12:00' },
            ],
            contract: { ...base, minRestHours },
          }),
        ],
        demand: [
          ...demand('q-calls', 'OH', at(0, '18:00'), at(0, '22:00'), 1),
          ...demand('q-calls', 'OH', at(1, '06:00'), at(1, '10:00'), 1),
        ],
      });
    const strict = await solveOptimal(make(12));
    const loose = await solveOptimal(make(8));
    expect(strict.objective!).toBeGreaterThan(loose.objective! + 1);
    const [first, second] = [...strict.roster.shifts].sort((a, b) => a.start - b.start);
    if (second) expect(second.start - first.end).toBeGreaterThanOrEqual(12 * HOUR_MS);
    expect(loose.roster.shifts).toHaveLength(2);
  });

  it('maxConsecutiveDays: at most 3 days in a row, and history carries into Monday', async () => {
    const base = fixtureEmployee('x', 'TECHNICIAN').contract;
    const everyDay = [0, 1, 2, 3, 4, 5, 6].flatMap((day) =>
      demand('q-calls', 'OH', at(day, '10:00'), at(day, '14:00'), 1),
    );
    const make = (consecutiveDaysWorked: number) =>
      instanceWith({
        employees: [
          fixtureEmployee('tech-1', 'TECHNICIAN', {
            availability: alwaysAvailable().map((w) => ({ ...w, start: '09:00', end: '15:00' })),
            contract: { ...base, maxConsecutiveDays: 3 },
            history: { lastShiftEnd: null, consecutiveDaysWorked },
          }),
        ],
        demand: everyDay,
      });
    const fresh = await solveOptimal(make(0));
    const dates = shiftDates(
      fresh.roster.shifts.length ? make(0) : make(0),
      fresh.roster,
      'tech-1',
    );
    expect(dates).toHaveLength(6);
    let run = 1;
    for (let k = 1; k < dates.length; k += 1) {
      run = addDays(dates[k - 1], 1) === dates[k] ? run + 1 : 1;
      expect(run).toBeLessThanOrEqual(3);
    }
    const carried = await solveOptimal(make(3));
    expect(shiftDates(make(3), carried.roster, 'tech-1')).not.toContain(MONDAY);
  });

  it('availabilityAndTimeOff: shifts stay inside availability and clear of approved time off', async () => {
    const off = {
      start: localToInstant(MONDAY, '11:00', 'America/New_York'),
      end: localToInstant(MONDAY, '13:00', 'America/New_York'),
    };
    const instance = instanceWith({
      employees: [mondayEmployee('tech-1', 'TECHNICIAN', { timeOff: [off] })],
      demand: demand('q-calls', 'OH', at(0, '08:00'), at(0, '18:00'), 1),
    });
    const { roster } = await solveOptimal(instance);
    expect(roster.shifts).toHaveLength(1);
    const [shift] = roster.shifts;
    expect(shift.start >= off.end || shift.end <= off.start).toBe(true);
    expect(shift.start).toBeGreaterThanOrEqual(localToInstant(MONDAY, '08:00', 'America/New_York'));
    expect(shift.end).toBeLessThanOrEqual(localToInstant(MONDAY, '18:00', 'America/New_York'));
  });

  it('allocationWithinShift: one technician, two queues wanted: one allocation per interval, only on shift', async () => {
    const instance = instanceWith({
      employees: [mondayEmployee('tech-1', 'TECHNICIAN')],
      demand: [
        ...demand('q-calls', 'OH', at(0, '10:00'), at(0, '12:00'), 1),
        ...demand('q-erx', 'OH', at(0, '10:00'), at(0, '12:00'), 1),
      ],
    });
    const { roster } = await solveOptimal(instance);
    expect(roster.allocations).toHaveLength(4);
    expect(new Set(roster.allocations.map((a) => a.intervalIndex)).size).toBe(4);
  });

  it('licenceAndRemoteEligibility: only the GA-licensed technician works GA e-prescriptions; CA remote work needs a CA licence', async () => {
    const ncOnly = [
      {
        state: 'NC',
        kind: 'TECHNICIAN_LICENCE' as const,
        validFrom: '2020-01-01',
        validUntil: null,
      },
    ];
    const instance = instanceWith({
      employees: [
        mondayEmployee('tech-nc', 'TECHNICIAN', { licences: ncOnly }),
        mondayEmployee('tech-all', 'TECHNICIAN'),
        mondayEmployee('pharm-1', 'PHARMACIST'),
      ],
      demand: [
        ...demand('q-erx', 'GA', at(0, '10:00'), at(0, '12:00'), 2),
        ...demand('q-calls', 'CA', at(0, '14:00'), at(0, '15:00'), 1),
      ],
    });
    const { roster } = await solveOptimal(instance);
    const ga = roster.allocations.filter((a) => a.state === 'GA');
    expect(ga).toHaveLength(4);
    expect(new Set(ga.map((a) => a.employeeId))).toEqual(new Set(['tech-all']));
    expect(
      roster.allocations.filter((a) => a.state === 'CA').every((a) => a.employeeId === 'tech-all'),
    ).toBe(true);
  });

  it('pinnedShifts: a pinned shift with no demand survives the solve, with its id and pinned flag', async () => {
    const base = instanceWith({ employees: [mondayEmployee('tech-1', 'TECHNICIAN')] });
    const pinned = shiftOn(base, 'tech-1', MONDAY, '08:00', 8, 'pin-1');
    const instance = { ...base, pinnedShifts: [pinned] };
    const { roster } = await solveOptimal(instance);
    expect(roster.shifts).toEqual([{ ...pinned, pinned: true }]);
    // Without the pin nobody works.
    const unpinned = await solveOptimal(base);
    expect(unpinned.roster.shifts).toEqual([]);
    expect(TUESDAY).toBe('2026-04-14');
  });
});
