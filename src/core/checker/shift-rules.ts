import type { Employee } from '../model/employee.js';
import { type Span, availabilitySpans, isCovered } from '../time/availability.js';
import { addDays, isDateWithin } from '../time/dates.js';
import { isAlignedToGrid } from '../time/grid.js';
import { isTemplateShift } from '../time/shift-times.js';
import { type CheckContext, violation } from './context.js';
import type { Violation } from './types.js';

/**
 * Rule families about single shifts. A shift belongs to the planning week when it lies inside the
 * grid and its day (the employee's local date of its start) is one of the week's seven dates; it
 * must be one of its template's start times (employee-local, on that day) and lengths, start and
 * end on interval boundaries, fall within the employment dates, lie inside the availability
 * windows and clear of approved time off. Pinned shifts must all be present.
 */

/** OUTSIDE_PLANNING_WEEK: inside the grid, on one of the week's seven local dates. */
export function checkPlanningWeek(context: CheckContext): Violation[] {
  const { grid } = context;
  const violations: Violation[] = [];
  for (const { shift, localDate } of context.shifts) {
    const inGrid = shift.start >= grid.start && shift.end <= grid.end;
    if (!inGrid || !grid.weekDates.includes(localDate)) {
      violations.push(
        violation(
          'OUTSIDE_PLANNING_WEEK',
          [shift.employeeId],
          `Shift ${shift.id} (${localDate}) is outside the planning week`,
          {
            shiftId: shift.id,
            date: localDate,
          },
        ),
      );
    }
  }
  return violations;
}

/** SHIFT_TEMPLATE: one of the template's start times and lengths, on interval boundaries. */
export function checkShiftTemplates(context: CheckContext): Violation[] {
  const violations: Violation[] = [];
  for (const { shift, employee, template, localDate } of context.shifts) {
    const aligned =
      isAlignedToGrid(context.grid, shift.start) && isAlignedToGrid(context.grid, shift.end);
    if (!aligned || !isTemplateShift(employee, template, shift.start, shift.end)) {
      const why = aligned
        ? `is not a start time and length of template ${template.id}`
        : 'is not on interval boundaries';
      violations.push(
        violation('SHIFT_TEMPLATE', [employee.id], `Shift ${shift.id} ${why}`, {
          shiftId: shift.id,
          date: localDate,
        }),
      );
    }
  }
  return violations;
}

/** EMPLOYMENT_DATES: the shift's day lies between hire date and leave date. */
export function checkEmploymentDates(context: CheckContext): Violation[] {
  const violations: Violation[] = [];
  for (const { shift, employee, localDate } of context.shifts) {
    if (!isDateWithin(localDate, employee.hireDate, employee.leaveDate)) {
      violations.push(
        violation(
          'EMPLOYMENT_DATES',
          [employee.id],
          `Shift ${shift.id} on ${localDate} is outside employment`,
          {
            shiftId: shift.id,
            date: localDate,
          },
        ),
      );
    }
  }
  return violations;
}

/** AVAILABILITY: the whole shift inside the employee's (merged) availability windows. */
export function checkAvailability(context: CheckContext): Violation[] {
  const first = addDays(context.grid.weekDates[0], -1);
  const last = addDays(context.grid.weekDates[6], 1);
  const spans = new Map<string, Span[]>();
  const spansOf = (employee: Employee) => {
    let found = spans.get(employee.id);
    if (!found) {
      found = availabilitySpans(employee, first, last);
      spans.set(employee.id, found);
    }
    return found;
  };
  const violations: Violation[] = [];
  for (const { shift, employee, localDate } of context.shifts) {
    if (!isCovered(spansOf(employee), shift.start, shift.end)) {
      violations.push(
        violation(
          'AVAILABILITY',
          [employee.id],
          `Shift ${shift.id} is outside ${employee.id}'s availability`,
          {
            shiftId: shift.id,
            date: localDate,
          },
        ),
      );
    }
  }
  return violations;
}

/** TIME_OFF: no overlap with approved time off. */
export function checkTimeOff(context: CheckContext): Violation[] {
  const violations: Violation[] = [];
  for (const { shift, employee, localDate } of context.shifts) {
    if (employee.timeOff.some((off) => off.start < shift.end && shift.start < off.end)) {
      violations.push(
        violation('TIME_OFF', [employee.id], `Shift ${shift.id} overlaps approved time off`, {
          shiftId: shift.id,
          date: localDate,
        }),
      );
    }
  }
  return violations;
}

/** PINNED_SHIFT: every pinned shift appears (same employee, start and end). */
export function checkPinnedShifts(context: CheckContext): Violation[] {
  const present = new Set(
    context.shifts.map(({ shift }) => `${shift.employeeId}|${shift.start}|${shift.end}`),
  );
  const violations: Violation[] = [];
  for (const pinned of context.instance.pinnedShifts) {
    if (!present.has(`${pinned.employeeId}|${pinned.start}|${pinned.end}`)) {
      violations.push(
        violation('PINNED_SHIFT', [pinned.employeeId], `Pinned shift ${pinned.id} is missing`, {
          shiftId: pinned.id,
        }),
      );
    }
  }
  return violations;
}
