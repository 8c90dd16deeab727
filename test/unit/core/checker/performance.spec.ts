import { describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../../../src/core/checker/check-roster.js';
import { generateInstance } from '../../../../src/core/generator/generate-instance.js';
import { minimumHoursRoster } from '../../../../src/core/generator/witness.js';
import type { Allocation, Roster } from '../../../../src/core/model/roster.js';
import { assignSupervision } from '../../../../src/core/rules/supervision-assignment.js';
import { buildGrid, intervalsWithin } from '../../../../src/core/time/grid.js';

describe('checker speed on a large instance', () => {
  it('checks 480 employees over 336 intervals, every technician interval allocated, well under a second', () => {
    const instance = generateInstance('large', 2026);
    const grid = buildGrid(instance.week);
    const witness = minimumHoursRoster(instance);
    const employees = new Map(instance.employees.map((employee) => [employee.id, employee]));
    const allocations: Allocation[] = witness.shifts
      .filter((shift) => employees.get(shift.employeeId)!.role === 'TECHNICIAN')
      .flatMap((shift) => {
        const { first, last } = intervalsWithin(grid, shift.start, shift.end);
        const technician = employees.get(shift.employeeId)!;
        const state = technician.licences[0].state;
        const queueId = technician.skills[0];
        return Array.from({ length: last - first }, (_, k) => ({
          employeeId: shift.employeeId,
          intervalIndex: first + k,
          queueId,
          state,
        }));
      });
    const { supervision } = assignSupervision(instance, { ...witness, allocations });
    const roster: Roster = { shifts: witness.shifts, allocations, supervision };
    const cold = performance.now();
    checkRoster(instance, roster);
    const coldElapsed = performance.now() - cold;
    const started = performance.now();
    const result = checkRoster(instance, roster);
    const elapsed = performance.now() - started;
    console.log(
      `large check: ${roster.shifts.length} shifts, ${allocations.length} allocations, ${supervision.length} shares, ` +
        `${result.violations.length} violations in ${elapsed.toFixed(0)} ms (first run ${coldElapsed.toFixed(0)} ms)`,
    );
    expect(grid.count).toBe(336);
    expect(instance.employees).toHaveLength(480);
    expect(allocations.length).toBeGreaterThan(10_000);
    expect(elapsed).toBeLessThan(1000);
    expect(coldElapsed).toBeLessThan(1500);
  });
});
