import type { Employee } from '../model/employee.js';
import type { PlanningInstance } from '../model/instance.js';
import type { Roster, Shift } from '../model/roster.js';
import { availableShifts } from '../time/candidates.js';
import { HOUR_MS } from '../time/dates.js';
import { type TimeGrid, buildGrid } from '../time/grid.js';
import type { CandidateShift } from '../time/shift-times.js';

/**
 * A feasibility witness: a roster of shifts only (no allocations, so no supervision is needed)
 * that gives every employee with minimum hours enough paid hours without breaking any of their
 * own rules, plus every pinned shift. Employees without minimum hours do not work. It proves a
 * generated instance feasible; it is not a roster anyone should publish.
 */

interface Progress {
  hours: number;
  lastEnd: number | null;
  /** Consecutive days worked up to yesterday. */
  run: number;
}

/** Longest paid shift of the day that respects rest and the daily and weekly maxima; earliest on ties. */
function bestShiftOfDay(
  employee: Employee,
  options: readonly CandidateShift[],
  progress: Progress,
): CandidateShift | null {
  const { contract } = employee;
  let best: CandidateShift | null = null;
  for (const option of options) {
    const rested =
      progress.lastEnd === null ||
      option.start - progress.lastEnd >= contract.minRestHours * HOUR_MS;
    const fits =
      option.paidHours <= contract.maxHoursPerDay &&
      progress.hours + option.paidHours <= contract.maxHoursPerWeek;
    if (rested && fits && (best === null || option.paidHours > best.paidHours)) best = option;
  }
  return best;
}

/** Greedy, day by day: work the best shift of each day until the minimum is reached. */
function employeeWitness(employee: Employee, instance: PlanningInstance, grid: TimeGrid): Shift[] {
  const candidates = availableShifts(employee, instance.templates, grid);
  const progress: Progress = {
    hours: 0,
    lastEnd: employee.history?.lastShiftEnd ?? null,
    run: employee.history?.consecutiveDaysWorked ?? 0,
  };
  const shifts: Shift[] = [];
  for (const date of grid.weekDates) {
    if (progress.hours >= employee.contract.minHoursPerWeek) break;
    const chosen =
      progress.run + 1 > employee.contract.maxConsecutiveDays
        ? null
        : bestShiftOfDay(
            employee,
            candidates.filter((candidate) => candidate.localDate === date),
            progress,
          );
    if (!chosen) {
      progress.run = 0;
      continue;
    }
    shifts.push({
      id: `w-${employee.id}-${date}`,
      employeeId: employee.id,
      start: chosen.start,
      end: chosen.end,
      templateId: chosen.templateId,
    });
    progress.hours += chosen.paidHours;
    progress.lastEnd = chosen.end;
    progress.run += 1;
  }
  return shifts;
}

export function minimumHoursRoster(instance: PlanningInstance): Roster {
  const grid = buildGrid(instance.week);
  const shifts = instance.employees
    .filter((employee) => employee.contract.minHoursPerWeek > 0)
    .flatMap((employee) => employeeWitness(employee, instance, grid));
  const present = new Set(shifts.map((shift) => `${shift.employeeId}|${shift.start}|${shift.end}`));
  for (const pinned of instance.pinnedShifts) {
    if (!present.has(`${pinned.employeeId}|${pinned.start}|${pinned.end}`))
      shifts.push({ ...pinned });
  }
  return { shifts, allocations: [], supervision: [] };
}
