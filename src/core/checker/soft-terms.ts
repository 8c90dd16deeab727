import type { Employee, EmployeeRole } from '../model/employee.js';
import { HOUR_MS, daysBetween, isoDayOfWeek, parseLocalTime } from '../time/dates.js';
import { localDateTimeOf } from '../time/zones.js';
import type { CheckContext, CheckedShift } from './context.js';
import type { SoftTerms } from './types.js';
import { weeklyPaidHours } from './working-time.js';

/**
 * The soft terms (lower is better); docs/rules-and-checker.md defines each. Only well-formed
 * entries count; hard violations do not change how soft terms are computed.
 */

/** Distinct technicians per (interval, queue, state). */
function staffed(context: CheckContext): Map<string, number> {
  const people = new Map<string, Set<string>>();
  for (const { employeeId, intervalIndex, queueId, state } of context.allocations) {
    const key = `${intervalIndex}|${queueId}|${state}`;
    const set = people.get(key) ?? new Set<string>();
    set.add(employeeId);
    people.set(key, set);
  }
  return new Map([...people].map(([key, set]) => [key, set.size]));
}

function serviceTerms(
  context: CheckContext,
): Pick<SoftTerms, 'shortage' | 'overstaffing' | 'lostServiceValue'> {
  const intervalHours = context.grid.intervalMs / HOUR_MS;
  const counts = staffed(context);
  const demanded = new Set<string>();
  let shortage = 0;
  let overstaffing = 0;
  let lostServiceValue = 0;
  for (const entry of context.instance.demand) {
    const key = `${entry.intervalIndex}|${entry.queueId}|${entry.state}`;
    demanded.add(key);
    const staff = counts.get(key) ?? 0;
    shortage += Math.max(0, entry.required - staff) * intervalHours;
    overstaffing += Math.max(0, staff - entry.required) * intervalHours;
    const values = entry.marginalValues ?? [];
    for (let k = staff; k < values.length; k += 1) lostServiceValue += values[k];
  }
  for (const [key, staff] of counts) if (!demanded.has(key)) overstaffing += staff * intervalHours;
  return { shortage, overstaffing, lostServiceValue };
}

function wageTerms(context: CheckContext): Pick<SoftTerms, 'cost' | 'overtimeCost'> {
  let cost = 0;
  let overtimeCost = 0;
  for (const employee of context.instance.employees) {
    const { hourlyRate, overtimeThresholdHours, overtimeMultiplier } = employee.contract;
    const hours = weeklyPaidHours(context, employee.id);
    const overtime = Math.max(0, hours - overtimeThresholdHours);
    cost += hourlyRate * (hours - overtime) + hourlyRate * overtimeMultiplier * overtime;
    overtimeCost += hourlyRate * (overtimeMultiplier - 1) * overtime;
  }
  return { cost, overtimeCost };
}

/** One point per unmet wish: start not among preferred starts, start avoided, day wanted off. */
function preferencePoints(checked: CheckedShift): number {
  const preferences = checked.employee.preferences;
  if (!preferences) return 0;
  const start = localDateTimeOf(checked.shift.start, checked.employee.timeZone).minutes;
  const matches = (times: readonly string[]) =>
    times.some((time) => parseLocalTime(time) === start);
  let points = 0;
  if (preferences.preferredStartTimes.length > 0 && !matches(preferences.preferredStartTimes))
    points += 1;
  if (matches(preferences.avoidStartTimes)) points += 1;
  if (preferences.preferredDaysOff.includes(isoDayOfWeek(checked.localDate))) points += 1;
  return points;
}

/**
 * Unpopular: starting on a weekend day, before `startsBefore`, or ending after `endsAfter`, all in
 * the employee's local time (an end on a later date counts from the start date's midnight).
 */
export function isUnpopular(context: CheckContext, checked: CheckedShift): boolean {
  const rule = context.instance.unpopularShift;
  const start = localDateTimeOf(checked.shift.start, checked.employee.timeZone);
  const end = localDateTimeOf(checked.shift.end, checked.employee.timeZone);
  const endMinutes = daysBetween(start.date, end.date) * 24 * 60 + end.minutes;
  return (
    rule.weekendDays.includes(isoDayOfWeek(start.date)) ||
    start.minutes < parseLocalTime(rule.startsBefore) ||
    endMinutes > parseLocalTime(rule.endsAfter)
  );
}

function spread(values: readonly number[]): number {
  return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
}

function fairnessTerms(context: CheckContext): Pick<SoftTerms, 'hoursSpread' | 'unpopularSpread'> {
  let hoursSpread = 0;
  let unpopularSpread = 0;
  const roles: EmployeeRole[] = ['TECHNICIAN', 'PHARMACIST'];
  for (const role of roles) {
    const people = context.instance.employees.filter(
      (employee: Employee) => employee.role === role,
    );
    const utilisation = people.map((employee) => {
      const max = employee.contract.maxHoursPerWeek;
      return max > 0 ? weeklyPaidHours(context, employee.id) / max : 0;
    });
    const unpopular = people.map(
      (employee) =>
        (context.shiftsByEmployee.get(employee.id) ?? []).filter((checked) =>
          isUnpopular(context, checked),
        ).length,
    );
    hoursSpread += spread(utilisation);
    unpopularSpread += spread(unpopular);
  }
  return { hoursSpread, unpopularSpread };
}

function changeCount(context: CheckContext): number {
  const previous = context.instance.previousRoster;
  if (!previous) return 0;
  const key = (shift: { employeeId: string; start: number; end: number }) =>
    `${shift.employeeId}|${shift.start}|${shift.end}`;
  const before = new Set(previous.shifts.map(key));
  const now = new Set(context.shifts.map(({ shift }) => key(shift)));
  let changes = 0;
  for (const shift of before) if (!now.has(shift)) changes += 1;
  for (const shift of now) if (!before.has(shift)) changes += 1;
  return changes;
}

export function softTerms(context: CheckContext): SoftTerms {
  const service = serviceTerms(context);
  const wages = wageTerms(context);
  const preference = context.shifts.reduce((sum, checked) => sum + preferencePoints(checked), 0);
  const fair = fairnessTerms(context);
  const fairness = fair.hoursSpread + fair.unpopularSpread;
  const changes = changeCount(context);
  const w = context.instance.weights;
  const weightedTotal =
    w.shortage * service.shortage +
    w.lostServiceValue * service.lostServiceValue +
    w.cost * wages.cost +
    w.overstaffing * service.overstaffing +
    w.preference * preference +
    w.fairness * fairness +
    w.changes * changes;
  return { ...service, ...wages, preference, ...fair, fairness, changes, weightedTotal };
}
