import type { LocalDate } from '../model/common.js';
import type { Employee } from '../model/employee.js';
import type { UnpopularShiftRule } from '../model/instance.js';
import { daysBetween, isoDayOfWeek, parseLocalTime } from '../time/dates.js';
import type { LocalDateTime } from '../time/zones.js';

/**
 * A shift's preference points and unpopular flag from its local wall clock, as the checker counts
 * them: one definition for the MIP's objective and the search's candidates, which look the wall
 * clocks up their own ways (the search remembers them per zone and instant).
 */

/** Preference points of a shift starting `startMinutes` after local midnight of `localDate`. */
export function preferencePointsAt(
  employee: Employee,
  startMinutes: number,
  localDate: LocalDate,
): number {
  const preferences = employee.preferences;
  if (!preferences) return 0;
  const matches = (times: readonly string[]) =>
    times.some((time) => parseLocalTime(time) === startMinutes);
  let points = 0;
  if (preferences.preferredStartTimes.length > 0 && !matches(preferences.preferredStartTimes))
    points += 1;
  if (matches(preferences.avoidStartTimes)) points += 1;
  if (preferences.preferredDaysOff.includes(isoDayOfWeek(localDate))) points += 1;
  return points;
}

/**
 * Unpopular: starting on a weekend day, before `startsBefore`, or ending after `endsAfter`, in
 * local time (an end on a later date counts from the start date's midnight).
 */
export function isUnpopularAt(
  rule: UnpopularShiftRule,
  start: LocalDateTime,
  end: LocalDateTime,
): boolean {
  const endMinutes = daysBetween(start.date, end.date) * 24 * 60 + end.minutes;
  return (
    rule.weekendDays.includes(isoDayOfWeek(start.date)) ||
    start.minutes < parseLocalTime(rule.startsBefore) ||
    endMinutes > parseLocalTime(rule.endsAfter)
  );
}
