import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkRoster } from '../../../../src/core/checker/check-roster.js';
import {
  allocationsFor,
  fixtureEmployee,
  fixtureInstance,
  shiftOn,
} from '../../../../src/core/generator/fixture.js';
import type { Roster } from '../../../../src/core/model/roster.js';
import { assignSupervision } from '../../../../src/core/rules/supervision-assignment.js';
import { buildGrid } from '../../../../src/core/time/grid.js';
import {
  judgeTrade,
  rosterAfterTrade,
  STRICT_AUTO_APPROVAL,
} from '../../../../src/core/trading/index.js';

/** Random hand-overs on a small week: work follows its shift, and a verdict never hides a new violation. */

const technicians = ['t1', 't2', 't3', 't4', 't5'];
const pharmacists = ['p1', 'p2'];
const instance = fixtureInstance({
  employees: [
    ...technicians.map((id) => fixtureEmployee(id, 'TECHNICIAN')),
    ...pharmacists.map((id) => fixtureEmployee(id, 'PHARMACIST')),
    fixtureEmployee('t-ga', 'TECHNICIAN', {
      licences: [
        { state: 'GA', kind: 'TECHNICIAN_LICENCE', validFrom: '2020-01-01', validUntil: null },
      ],
    }),
  ],
});
const grid = buildGrid(instance.week);
const days = ['2026-04-14', '2026-04-15', '2026-04-16'];

function baseRoster(): Roster {
  const shifts = [
    ...technicians
      .slice(0, 3)
      .flatMap((id, i) =>
        days
          .filter((_, d) => (d + i) % 2 === 0)
          .map((day) => shiftOn(instance, id, day, '09:00', 8)),
      ),
    ...days.map((day) => shiftOn(instance, 'p1', day, '09:00', 8)),
  ];
  const allocations = shifts
    .filter((s) => s.employeeId.startsWith('t'))
    .flatMap((s, i) => allocationsFor(instance, s, 'q-erx', i % 2 === 0 ? 'NC' : 'GA'));
  const withoutShares: Roster = { shifts, allocations, supervision: [] };
  return { ...withoutShares, supervision: assignSupervision(instance, withoutShares).supervision };
}

const workOf = (roster: Roster) =>
  roster.allocations.map((a) => `${a.intervalIndex}|${a.queueId}|${a.state}`).sort();

describe('trades on random hand-overs', () => {
  const before = baseRoster();
  const beforeCheck = checkRoster(instance, before);
  const technicianShifts = before.shifts.filter((s) => s.employeeId.startsWith('t'));
  const handOver = fc.record({
    shift: fc.constantFrom(...technicianShifts),
    to: fc.constantFrom(...technicians, 't-ga'),
  });

  it('keep every shift and every piece of work, each inside a shift of its new owner', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(handOver, { selector: (h) => h.shift.id, maxLength: 3 }),
        (moves) => {
          const after = rosterAfterTrade(instance, before, {
            kind: 'HAND_OVER',
            handOvers: moves.map((m) => ({ shiftId: m.shift.id, toEmployeeId: m.to })),
          });
          expect(after.shifts.map((s) => [s.id, s.start, s.end])).toEqual(
            before.shifts.map((s) => [s.id, s.start, s.end]),
          );
          expect(workOf(after)).toEqual(workOf(before));
          for (const a of after.allocations) {
            const start = grid.start + a.intervalIndex * grid.intervalMs;
            expect(
              after.shifts.some(
                (s) => s.employeeId === a.employeeId && s.start <= start && start < s.end,
              ),
            ).toBe(true);
          }
        },
      ),
    );
  });

  it('handing the shifts back restores the roster', () => {
    fc.assert(
      fc.property(handOver, ({ shift, to }) => {
        const there = rosterAfterTrade(instance, before, {
          kind: 'HAND_OVER',
          handOvers: [{ shiftId: shift.id, toEmployeeId: to }],
        });
        const back = rosterAfterTrade(instance, there, {
          kind: 'HAND_OVER',
          handOvers: [{ shiftId: shift.id, toEmployeeId: shift.employeeId }],
        });
        expect(back.shifts).toEqual(before.shifts);
        expect(workOf(back)).toEqual(workOf(before));
      }),
    );
  });

  it('are approved only when the roster after them has no violation it did not have before', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(handOver, { selector: (h) => h.shift.id, maxLength: 3 }),
        (moves) => {
          const after = rosterAfterTrade(instance, before, {
            kind: 'HAND_OVER',
            handOvers: moves.map((m) => ({ shiftId: m.shift.id, toEmployeeId: m.to })),
          });
          const afterCheck = checkRoster(instance, after);
          const verdict = judgeTrade(beforeCheck, afterCheck, STRICT_AUTO_APPROVAL);
          const newRules = afterCheck.violations.length - beforeCheck.violations.length;
          if (verdict.decision !== 'REFUSE') expect(newRules).toBeLessThanOrEqual(0);
          else expect(verdict.newViolations.length).toBeGreaterThan(0);
          const inShift = (m: (typeof moves)[number], intervalIndex: number) => {
            const start = grid.start + intervalIndex * grid.intervalMs;
            return start >= m.shift.start && start < m.shift.end;
          };
          const ncToUnlicensed = moves.some(
            (m) =>
              m.to === 't-ga' &&
              before.allocations.some(
                (a) =>
                  a.employeeId === m.shift.employeeId &&
                  a.state === 'NC' &&
                  inShift(m, a.intervalIndex),
              ),
          );
          if (ncToUnlicensed) expect(verdict.decision).toBe('REFUSE');
        },
      ),
    );
  });
});
