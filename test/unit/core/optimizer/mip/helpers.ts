import { expect } from '@jest/globals';
import { checkRoster } from '../../../../../src/core/checker/check-roster.js';
import { fixtureEmployee, fixtureInstance } from '../../../../../src/core/generator/fixture.js';
import type { StateCode } from '../../../../../src/core/model/common.js';
import type { Employee, EmployeeRole } from '../../../../../src/core/model/employee.js';
import type { DemandEntry, PlanningInstance } from '../../../../../src/core/model/instance.js';
import type { Roster } from '../../../../../src/core/model/roster.js';
import { solveMonolithicMip } from '../../../../../src/core/optimizer/mip/solve-mip.js';
import type { SolveResult } from '../../../../../src/core/optimizer/types.js';
import { HOUR_MS } from '../../../../../src/core/time/dates.js';
import { buildGrid } from '../../../../../src/core/time/grid.js';
import { localDateOf } from '../../../../../src/core/time/zones.js';

/** Fixture week: Monday 2026-04-13, New York, 30-minute intervals (Monday 09:00 = interval 18). */
export const MONDAY = '2026-04-13';
export const TUESDAY = '2026-04-14';

/** Interval index of a New York wall time on day `day` (0 = Monday). */
export function at(day: number, time: string): number {
  const [h, m] = time.split(':').map(Number);
  return day * 48 + h * 2 + (m >= 30 ? 1 : 0);
}

/** Demand of `required` for every interval in [from, to). */
export function demand(
  queueId: string,
  state: StateCode,
  from: number,
  to: number,
  required: number,
  marginalValues?: number[],
): DemandEntry[] {
  return Array.from({ length: to - from }, (_, k) => ({
    intervalIndex: from + k,
    queueId,
    state,
    required,
    ...(marginalValues ? { marginalValues } : {}),
  }));
}

/** An employee available only on Monday 08:00–18:00 (few candidates: fast solves). */
export function mondayEmployee(
  id: string,
  role: EmployeeRole,
  overrides: Partial<Employee> = {},
): Employee {
  return fixtureEmployee(id, role, {
    availability: [{ dayOfWeek: 1, start: '08:00', end: '18:00' }],
    ...overrides,
  });
}

export function instanceWith(overrides: Partial<PlanningInstance>): PlanningInstance {
  return fixtureInstance(overrides);
}

/** Solves with HiGHS, expects a proven optimum and a checker-clean roster. */
export async function solveOptimal(
  instance: PlanningInstance,
  seconds = 20,
): Promise<SolveResult & { roster: Roster }> {
  const result = await solveMonolithicMip(instance, { timeLimitSeconds: seconds });
  expect(result.status).toBe('OPTIMAL');
  expect(result.roster).not.toBeNull();
  const roster = result.roster!;
  expect(checkRoster(instance, roster).violations).toEqual([]);
  return result as SolveResult & { roster: Roster };
}

/** Staffed technicians per interval for (queue, state). */
export function staffedPerInterval(
  roster: Roster,
  queueId: string,
  state: StateCode,
): Map<number, number> {
  const counts = new Map<number, number>();
  for (const allocation of roster.allocations) {
    if (allocation.queueId !== queueId || allocation.state !== state) continue;
    counts.set(allocation.intervalIndex, (counts.get(allocation.intervalIndex) ?? 0) + 1);
  }
  return counts;
}

export function paidHoursOf(
  _instance: PlanningInstance,
  roster: Roster,
  employeeId: string,
): number {
  return roster.shifts
    .filter((shift) => shift.employeeId === employeeId)
    .reduce((sum, shift) => {
      const hours = (shift.end - shift.start) / HOUR_MS;
      return sum + hours - (hours >= 6 ? 0.5 : 0);
    }, 0);
}

export function shiftDates(
  instance: PlanningInstance,
  roster: Roster,
  employeeId: string,
): string[] {
  const employee = instance.employees.find((candidate) => candidate.id === employeeId)!;
  return roster.shifts
    .filter((shift) => shift.employeeId === employeeId)
    .map((shift) => localDateOf(shift.start, employee.timeZone))
    .sort();
}

export const grid = buildGrid(fixtureInstance().week);
