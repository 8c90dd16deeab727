import { describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../../../src/core/checker/check-roster.js';
import type { CheckResult, SoftTerms } from '../../../../src/core/checker/index.js';
import {
  allocationsFor,
  fixtureEmployee,
  fixtureInstance,
  shiftOn,
} from '../../../../src/core/generator/fixture.js';
import type { Roster } from '../../../../src/core/model/roster.js';
import { assignSupervision } from '../../../../src/core/rules/supervision-assignment.js';
import {
  judgeTrade,
  openShifts,
  rosterAfterTrade,
  STRICT_AUTO_APPROVAL,
  TradeNotApplicable,
} from '../../../../src/core/trading/index.js';

const ohOnly = fixtureEmployee('p-oh', 'PHARMACIST', {
  licences: [
    { state: 'OH', kind: 'PHARMACIST_LICENCE', validFrom: '2020-01-01', validUntil: null },
  ],
});
const noNc = fixtureEmployee('t-no-nc', 'TECHNICIAN', {
  licences: ['GA', 'OH'].map((state) => ({
    state,
    kind: 'TECHNICIAN_LICENCE' as const,
    validFrom: '2020-01-01',
    validUntil: null,
  })),
});
const instance = fixtureInstance({
  employees: [
    fixtureEmployee('t1', 'TECHNICIAN'),
    fixtureEmployee('t2', 'TECHNICIAN'),
    noNc,
    fixtureEmployee('p1', 'PHARMACIST'),
    fixtureEmployee('p2', 'PHARMACIST'),
    ohOnly,
  ],
});
const t1Tue = shiftOn(instance, 't1', '2026-04-14', '09:00', 8);
const t2Wed = shiftOn(instance, 't2', '2026-04-15', '09:00', 8);
const p1Tue = shiftOn(instance, 'p1', '2026-04-14', '09:00', 8);
const p1Wed = shiftOn(instance, 'p1', '2026-04-15', '09:00', 8);

function roster(): Roster {
  const withoutShares: Roster = {
    shifts: [t1Tue, t2Wed, p1Tue, p1Wed],
    allocations: [
      ...allocationsFor(instance, t1Tue, 'q-erx', 'NC'),
      ...allocationsFor(instance, t2Wed, 'q-erx', 'GA'),
    ],
    supervision: [],
  };
  return { ...withoutShares, supervision: assignSupervision(instance, withoutShares).supervision };
}

const verdict = (after: Roster) =>
  judgeTrade(checkRoster(instance, roster()), checkRoster(instance, after), STRICT_AUTO_APPROVAL);

describe('rosterAfterTrade', () => {
  it('a swap moves each side’s shift and the work in it, read from the roster before', () => {
    const after = rosterAfterTrade(instance, roster(), {
      kind: 'HAND_OVER',
      handOvers: [
        { shiftId: t1Tue.id, toEmployeeId: 't2' },
        { shiftId: t2Wed.id, toEmployeeId: 't1' },
      ],
    });
    expect(after.shifts.find((s) => s.id === t1Tue.id)?.employeeId).toBe('t2');
    expect(after.shifts.find((s) => s.id === t2Wed.id)?.employeeId).toBe('t1');
    const t2Work = after.allocations.filter((a) => a.employeeId === 't2');
    expect(new Set(t2Work.map((a) => a.state))).toEqual(new Set(['NC']));
    expect(t2Work).toHaveLength(allocationsFor(instance, t1Tue, 'q-erx', 'NC').length);
    expect(verdict(after).decision).toBe('AUTO_APPROVE');
  });

  it('refuses to hand over a shift that is not in the roster', () => {
    expect(() =>
      rosterAfterTrade(instance, roster(), {
        kind: 'HAND_OVER',
        handOvers: [{ shiftId: 'nope', toEmployeeId: 't2' }],
      }),
    ).toThrow(TradeNotApplicable);
  });

  it('a taker without a licence for the shift’s state breaks LICENCE', () => {
    const after = rosterAfterTrade(instance, roster(), {
      kind: 'HAND_OVER',
      handOvers: [{ shiftId: t1Tue.id, toEmployeeId: 't-no-nc' }],
    });
    const judged = verdict(after);
    expect(judged.decision).toBe('REFUSE');
    expect(judged.newViolations.map((v) => v.rule)).toContain('LICENCE');
  });

  it('a pharmacist’s give-away to one not licensed where technicians work breaks the ratio', () => {
    const toOhio = rosterAfterTrade(instance, roster(), {
      kind: 'HAND_OVER',
      handOvers: [{ shiftId: p1Tue.id, toEmployeeId: 'p-oh' }],
    });
    expect(verdict(toOhio).newViolations.map((v) => v.rule)).toContain('SUPERVISION_RATIO');
    const toReplacement = rosterAfterTrade(instance, roster(), {
      kind: 'HAND_OVER',
      handOvers: [{ shiftId: p1Tue.id, toEmployeeId: 'p2' }],
    });
    expect(verdict(toReplacement).decision).toBe('AUTO_APPROVE');
  });

  it('filling an open shift adds it with its work for the taker', () => {
    const shift = { ...shiftOn(instance, 't1', '2026-04-15', '09:00', 8), id: 'open-1' };
    const work = allocationsFor(instance, shift, 'q-erx', 'GA').map(
      ({ intervalIndex, queueId, state }) => ({ intervalIndex, queueId, state }),
    );
    const after = rosterAfterTrade(instance, roster(), { kind: 'FILL_OPEN_SHIFT', shift, work });
    expect(after.shifts.map((s) => s.id)).toContain('open-1');
    expect(after.allocations.filter((a) => a.employeeId === 't1' && a.state === 'GA')).toHaveLength(
      work.length,
    );
    expect(checkRoster(instance, after).violations).toEqual([]);
  });
});

describe('openShifts', () => {
  it('takes the shifts out with their work and recomputes supervision', () => {
    const { roster: after, opened } = openShifts(instance, roster(), [t1Tue.id]);
    expect(after.shifts.map((s) => s.id)).not.toContain(t1Tue.id);
    expect(after.allocations.some((a) => a.employeeId === 't1')).toBe(false);
    expect(opened).toHaveLength(1);
    expect(opened[0].work.every((w) => w.state === 'NC' && w.queueId === 'q-erx')).toBe(true);
    expect(opened[0].work).toHaveLength(allocationsFor(instance, t1Tue, 'q-erx', 'NC').length);
    expect(after.supervision.some((s) => s.state === 'NC')).toBe(false);
  });

  it('says so when a shift is missing', () => {
    expect(() => openShifts(instance, roster(), ['missing'])).toThrow(TradeNotApplicable);
  });
});

describe('judgeTrade', () => {
  const soft = (overrides: Partial<SoftTerms>): SoftTerms => ({
    shortage: 0,
    lostServiceValue: 0,
    cost: 0,
    overtimeCost: 0,
    overstaffing: 0,
    preference: 0,
    hoursSpread: 0,
    unpopularSpread: 0,
    fairness: 0,
    changes: 0,
    weightedTotal: 0,
    ...overrides,
  });
  const result = (overrides: Partial<SoftTerms>, violations: CheckResult['violations'] = []) => ({
    violations,
    soft: soft(overrides),
  });
  const policy = {
    maxShortageIncrease: 1,
    maxLostServiceValueIncrease: 0,
    maxOvertimeCostIncrease: 50,
  };

  it('approves automatically up to each limit and sends a trade past it to a manager', () => {
    expect(judgeTrade(result({ shortage: 2 }), result({ shortage: 3 }), policy).decision).toBe(
      'AUTO_APPROVE',
    );
    const over = judgeTrade(result({ shortage: 2 }), result({ shortage: 3.5 }), policy);
    expect(over.decision).toBe('NEEDS_APPROVAL');
    expect(over.excesses).toEqual([{ term: 'shortage', before: 2, after: 3.5, limit: 1 }]);
    expect(
      judgeTrade(result({ overtimeCost: 0 }), result({ overtimeCost: 60 }), policy).excesses.map(
        (e) => e.term,
      ),
    ).toEqual(['overtimeCost']);
    expect(
      judgeTrade(result({ lostServiceValue: 1 }), result({ lostServiceValue: 1.5 }), policy)
        .decision,
    ).toBe('NEEDS_APPROVAL');
  });

  it('does not hold against a trade the violations the roster already had', () => {
    const existing = {
      rule: 'SUPERVISION_RATIO' as const,
      employeeIds: ['p1', 't1'],
      state: 'NC',
      intervalIndex: 20,
      message: 'short',
    };
    expect(judgeTrade(result({}, [existing]), result({}, [existing]), policy).decision).toBe(
      'AUTO_APPROVE',
    );
    const added = { ...existing, intervalIndex: 21 };
    const judged = judgeTrade(result({}, [existing]), result({}, [existing, added]), policy);
    expect(judged.decision).toBe('REFUSE');
    expect(judged.newViolations).toEqual([added]);
  });
});
