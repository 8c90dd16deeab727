import { describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../../../src/core/checker/index.js';
import { applyEdit, EditNotApplicable } from '../../../../src/core/editing/apply-edit.js';
import {
  allocationsFor,
  fixtureEmployee,
  fixtureInstance,
  shiftOn,
  supervisionFor,
} from '../../../../src/core/generator/index.js';
import type { Roster } from '../../../../src/core/model/index.js';

const instance = fixtureInstance({
  employees: [
    fixtureEmployee('tech-1', 'TECHNICIAN'),
    fixtureEmployee('tech-2', 'TECHNICIAN'),
    fixtureEmployee('pharm-1', 'PHARMACIST'),
  ],
});
const techShift = shiftOn(instance, 'tech-1', '2026-04-14', '09:00', 8);
const pharmShift = shiftOn(instance, 'pharm-1', '2026-04-14', '08:00', 10);
const roster: Roster = {
  shifts: [techShift, pharmShift],
  allocations: allocationsFor(instance, techShift, 'q-erx', 'NC'),
  supervision: supervisionFor(instance, pharmShift, 'NC', 1),
};

describe('applyEdit', () => {
  it('keeps a valid roster valid and recomputes supervision shares', () => {
    expect(checkRoster(instance, roster).violations).toEqual([]);
    const moved = applyEdit(instance, roster, {
      kind: 'MOVE_SHIFT',
      shiftId: techShift.id,
      start: techShift.start + 3_600_000,
      end: techShift.end + 3_600_000,
    });
    expect(checkRoster(instance, moved).violations).toEqual([]);
    expect(moved.allocations.length).toBe(roster.allocations.length - 2);
    expect(moved.supervision.every((s) => s.state === 'NC')).toBe(true);
  });

  it('drops the allocations of a removed shift', () => {
    const edited = applyEdit(instance, roster, { kind: 'REMOVE_SHIFT', shiftId: techShift.id });
    expect(edited.shifts).toEqual([pharmShift]);
    expect(edited.allocations).toEqual([]);
  });

  it('surfaces a supervision ratio breach when the supervising pharmacist is removed', () => {
    const edited = applyEdit(instance, roster, { kind: 'REMOVE_SHIFT', shiftId: pharmShift.id });
    expect(checkRoster(instance, edited).violations.map((v) => v.rule)).toContain(
      'SUPERVISION_RATIO',
    );
  });

  it('sets and clears one interval of work', () => {
    const interval = roster.allocations[0].intervalIndex;
    const cleared = applyEdit(instance, roster, {
      kind: 'SET_ALLOCATION',
      employeeId: 'tech-1',
      intervalIndex: interval,
      work: null,
    });
    expect(cleared.allocations.some((a) => a.intervalIndex === interval)).toBe(false);
    const moved = applyEdit(instance, cleared, {
      kind: 'SET_ALLOCATION',
      employeeId: 'tech-1',
      intervalIndex: interval,
      work: { queueId: 'q-calls', state: 'GA' },
    });
    expect(moved.allocations.find((a) => a.intervalIndex === interval)).toMatchObject({
      queueId: 'q-calls',
      state: 'GA',
    });
  });

  it('refuses to touch a shift that is not in the roster', () => {
    expect(() => applyEdit(instance, roster, { kind: 'REMOVE_SHIFT', shiftId: 'nope' })).toThrow(
      EditNotApplicable,
    );
  });
});
