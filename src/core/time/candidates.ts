import type { Employee } from '../model/employee.js';
import type { ShiftTemplate } from '../model/instance.js';
import { addDays, isDateWithin } from './dates.js';
import type { TimeGrid } from './grid.js';
import { availabilitySpans, isCovered, overlapsTimeOff } from './availability.js';
import { type CandidateShift, templateShifts } from './shift-times.js';

/**
 * The shifts an employee could work this week as far as time is concerned: every template shift
 * on each of the week's seven local dates (`grid.weekDates`, read in the EMPLOYEE's zone) that
 * lies inside the grid, within the employment dates, inside the availability windows and clear of
 * approved time off. Working-time rules between shifts (rest, hours, consecutive days) are left
 * to the caller. Sorted by start, end, template id: deterministic.
 */
export function availableShifts(
  employee: Employee,
  templates: readonly ShiftTemplate[],
  grid: TimeGrid,
): CandidateShift[] {
  const first = grid.weekDates[0];
  const last = grid.weekDates[grid.weekDates.length - 1];
  const spans = availabilitySpans(employee, addDays(first, -1), addDays(last, 1));
  const shifts: CandidateShift[] = [];
  for (const date of grid.weekDates) {
    if (!isDateWithin(date, employee.hireDate, employee.leaveDate)) continue;
    for (const template of templates) {
      for (const shift of templateShifts(employee, template, date, grid)) {
        if (
          isCovered(spans, shift.start, shift.end) &&
          !overlapsTimeOff(employee, shift.start, shift.end)
        ) {
          shifts.push(shift);
        }
      }
    }
  }
  return shifts.sort(
    (a, b) => a.start - b.start || a.end - b.end || a.templateId.localeCompare(b.templateId),
  );
}
