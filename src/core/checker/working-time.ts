import { HOUR_MS, addDays } from '../time/dates.js';
import { paidHours } from '../time/shift-times.js';
import { type CheckContext, type CheckedShift, groupBy, violation } from './context.js';
import type { Violation } from './types.js';

/**
 * Rule families about an employee's shifts together, in the employee's local days and paid hours
 * (elapsed length minus unpaid break). Limits come from the employee's contract; `history` carries
 * rest and consecutive days over from the week before.
 */

const HOURS_EPSILON = 1e-9;

function paid(checked: CheckedShift): number {
  return paidHours(checked.template, checked.shift.start, checked.shift.end);
}

/** Paid hours of an employee's shifts this week (0 without shifts). */
export function weeklyPaidHours(context: CheckContext, employeeId: string): number {
  return (context.shiftsByEmployee.get(employeeId) ?? []).reduce(
    (sum, checked) => sum + paid(checked),
    0,
  );
}

/** ONE_SHIFT_PER_DAY: at most one shift starts on each local day of the employee. */
export function checkOneShiftPerDay(context: CheckContext): Violation[] {
  const violations: Violation[] = [];
  for (const [employeeId, shifts] of context.shiftsByEmployee) {
    for (const [date, sameDay] of groupBy(shifts, (checked) => checked.localDate)) {
      if (sameDay.length > 1) {
        const ids = sameDay.map((checked) => checked.shift.id).join(', ');
        violations.push(
          violation(
            'ONE_SHIFT_PER_DAY',
            [employeeId],
            `${sameDay.length} shifts on ${date}: ${ids}`,
            { date },
          ),
        );
      }
    }
  }
  return violations;
}

/** MAX_HOURS_PER_DAY: paid hours of the shifts starting on a local day <= contract maximum. */
export function checkHoursPerDay(context: CheckContext): Violation[] {
  const violations: Violation[] = [];
  for (const [employeeId, shifts] of context.shiftsByEmployee) {
    const limit = context.employees.get(employeeId)!.contract.maxHoursPerDay;
    for (const [date, sameDay] of groupBy(shifts, (checked) => checked.localDate)) {
      const hours = sameDay.reduce((sum, checked) => sum + paid(checked), 0);
      if (hours > limit + HOURS_EPSILON) {
        violations.push(
          violation(
            'MAX_HOURS_PER_DAY',
            [employeeId],
            `${hours} paid hours on ${date} > ${limit}`,
            { date },
          ),
        );
      }
    }
  }
  return violations;
}

/** MAX_HOURS_PER_WEEK and MIN_HOURS_PER_WEEK: weekly paid hours within the contract's range. */
export function checkHoursPerWeek(context: CheckContext): Violation[] {
  const violations: Violation[] = [];
  for (const employee of context.instance.employees) {
    const hours = weeklyPaidHours(context, employee.id);
    const { minHoursPerWeek, maxHoursPerWeek } = employee.contract;
    if (hours > maxHoursPerWeek + HOURS_EPSILON) {
      violations.push(
        violation('MAX_HOURS_PER_WEEK', [employee.id], `${hours} paid hours > ${maxHoursPerWeek}`),
      );
    }
    if (hours < minHoursPerWeek - HOURS_EPSILON) {
      violations.push(
        violation('MIN_HOURS_PER_WEEK', [employee.id], `${hours} paid hours < ${minHoursPerWeek}`),
      );
    }
  }
  return violations;
}

/** MIN_REST: between the end of a shift and the start of the employee's next one (overlap included). */
export function checkRest(context: CheckContext): Violation[] {
  const violations: Violation[] = [];
  for (const [employeeId, shifts] of context.shiftsByEmployee) {
    const employee = context.employees.get(employeeId)!;
    const minRest = employee.contract.minRestHours * HOUR_MS;
    let previousEnd = employee.history?.lastShiftEnd ?? null;
    for (const { shift, localDate } of shifts) {
      if (previousEnd !== null && shift.start - previousEnd < minRest) {
        const rest = (shift.start - previousEnd) / HOUR_MS;
        violations.push(
          violation(
            'MIN_REST',
            [employeeId],
            `Shift ${shift.id}: ${rest} h rest < ${employee.contract.minRestHours} h`,
            {
              shiftId: shift.id,
              date: localDate,
            },
          ),
        );
      }
      previousEnd = previousEnd === null ? shift.end : Math.max(previousEnd, shift.end);
    }
  }
  return violations;
}

/** MAX_CONSECUTIVE_DAYS: runs of consecutive local days with a shift, history included. */
export function checkConsecutiveDays(context: CheckContext): Violation[] {
  const violations: Violation[] = [];
  const weekFirst = context.grid.weekDates[0];
  for (const [employeeId, shifts] of context.shiftsByEmployee) {
    const employee = context.employees.get(employeeId)!;
    const limit = employee.contract.maxConsecutiveDays;
    const days = [...new Set(shifts.map((checked) => checked.localDate))].sort();
    let runStart = '';
    let runLength = 0;
    let reported = false;
    days.forEach((day, i) => {
      if (i > 0 && addDays(days[i - 1], 1) === day) {
        runLength += 1;
      } else {
        const carried = day === weekFirst ? (employee.history?.consecutiveDaysWorked ?? 0) : 0;
        [runStart, runLength, reported] = [day, 1 + carried, false];
      }
      if (runLength > limit && !reported) {
        reported = true;
        violations.push(
          violation(
            'MAX_CONSECUTIVE_DAYS',
            [employeeId],
            `${runLength} consecutive days up to ${day} (run from ${runStart}) > ${limit}`,
            {
              date: day,
            },
          ),
        );
      }
    });
  }
  return violations;
}
