import { describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../../../src/core/checker/check-roster.js';
import {
  allocationsFor,
  fixtureEmployee,
  fixtureInstance,
  shiftOn,
  supervisionFor,
} from '../../../../src/core/generator/fixture.js';
import { emptyRoster } from '../../../../src/core/model/roster.js';
import { buildGrid, intervalsWithin } from '../../../../src/core/time/grid.js';

describe('soft terms', () => {
  const base = fixtureInstance({
    employees: [
      fixtureEmployee('tech-1', 'TECHNICIAN', {
        contract: { ...fixtureEmployee('x', 'TECHNICIAN').contract, overtimeThresholdHours: 5 },
        preferences: {
          preferredStartTimes: ['08:00'],
          avoidStartTimes: ['09:00'],
          preferredDaysOff: [2],
        },
      }),
      fixtureEmployee('tech-2', 'TECHNICIAN'),
      fixtureEmployee('pharm-1', 'PHARMACIST'),
    ],
  });
  const tuesday = shiftOn(base, 'tech-1', '2026-04-14', '09:00', 8);
  const saturday = shiftOn(base, 'tech-1', '2026-04-18', '09:00', 8);
  const wednesday = shiftOn(base, 'tech-1', '2026-04-15', '09:00', 8);
  const pharm = shiftOn(base, 'pharm-1', '2026-04-14', '09:00', 8);
  const first = intervalsWithin(buildGrid(base.week), tuesday.start, tuesday.end).first;
  const instance = {
    ...base,
    demand: [
      { intervalIndex: first, queueId: 'q-erx', state: 'NC', required: 2 },
      {
        intervalIndex: first,
        queueId: 'q-calls',
        state: 'NC',
        required: 1,
        marginalValues: [5, 3, 1],
      },
    ],
    previousRoster: { shifts: [tuesday, wednesday], allocations: [], supervision: [] },
  };
  const roster = {
    shifts: [tuesday, saturday, pharm],
    allocations: allocationsFor(instance, tuesday, 'q-erx', 'NC'),
    supervision: supervisionFor(instance, pharm, 'NC'),
  };

  it('computes each term in its unit', () => {
    const { violations, soft } = checkRoster(instance, roster);
    expect(violations).toEqual([]);
    expect(soft).toMatchObject({
      shortage: 1, // one agent short on q-erx and one on q-calls, for half an hour each
      lostServiceValue: 9,
      overstaffing: 7.5, // fifteen half-hours of q-erx without demand
      cost: 20 * 5 + 20 * 1.5 * 10 + 60 * 7.5,
      overtimeCost: 20 * 0.5 * 10,
      preference: 5,
      hoursSpread: 15 / 40,
      unpopularSpread: 1, // Saturday is a weekend day
      fairness: 15 / 40 + 1,
      changes: 3, // Wednesday removed, Saturday and the pharmacist's shift added
    });
    const w = instance.weights;
    expect(soft.weightedTotal).toBeCloseTo(
      w.shortage * 1 +
        w.lostServiceValue * 9 +
        w.cost * soft.cost +
        w.overstaffing * 7.5 +
        w.preference * 5 +
        w.fairness * soft.fairness +
        w.changes * 3,
    );
  });

  it('an empty roster costs nothing but leaves all demand unmet', () => {
    const { soft } = checkRoster({ ...instance, previousRoster: null }, emptyRoster());
    expect(soft).toMatchObject({
      shortage: 1.5,
      lostServiceValue: 9,
      cost: 0,
      overstaffing: 0,
      preference: 0,
      fairness: 0,
      changes: 0,
    });
  });
});
