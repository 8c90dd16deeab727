import type { Instant, LocalDate, TimeZoneName } from '../model/common.js';
import type { Employee } from '../model/employee.js';
import type { ShiftTemplate } from '../model/instance.js';
import { HOUR_MS } from './dates.js';
import { type TimeGrid, isOnGrid } from './grid.js';
import { localDateOf, localToInstant } from './zones.js';

/**
 * Shifts in the employee's local time. A template start time is read on the employee's local date
 * (with the daylight-saving rule of `localToInstant`); the length is ELAPSED hours, so an 8-hour
 * shift across a clock change still lasts 8 real hours and its local end clock moves by an hour.
 */

/** Unpaid break of a shift of `lengthHours`: the largest matching break rule, or 0. */
export function unpaidBreakMinutes(template: ShiftTemplate, lengthHours: number): number {
  let minutes = 0;
  for (const rule of template.unpaidBreaks) {
    if (lengthHours >= rule.minShiftHours) minutes = Math.max(minutes, rule.unpaidMinutes);
  }
  return minutes;
}

/** Paid hours of `[start, end)` worked on `template`: elapsed hours minus the unpaid break. */
export function paidHours(template: ShiftTemplate, start: Instant, end: Instant): number {
  const lengthHours = (end - start) / HOUR_MS;
  return lengthHours - unpaidBreakMinutes(template, lengthHours) / 60;
}

/** A shift the templates allow, before any availability or rule is applied. */
export interface CandidateShift {
  readonly employeeId: string;
  readonly templateId: string;
  /** The employee's local date of `start`: the shift's "day". */
  readonly localDate: LocalDate;
  readonly start: Instant;
  readonly end: Instant;
  readonly paidHours: number;
}

/**
 * Every shift `template` allows `employee` on local date `date` that lies wholly inside the grid,
 * starts and ends on interval boundaries, and whose start is still on `date` locally. Duplicates
 * (two start times mapping to one instant in a spring-forward gap) are dropped. Sorted by start, end.
 */
export function templateShifts(
  employee: Employee,
  template: ShiftTemplate,
  date: LocalDate,
  grid: TimeGrid,
): CandidateShift[] {
  return zoneShifts(template, date, employee.timeZone, grid).map(({ start, end, paid }) => ({
    employeeId: employee.id,
    templateId: template.id,
    localDate: date,
    start,
    end,
    paidHours: paid,
  }));
}

interface ShiftTimes {
  readonly start: Instant;
  readonly end: Instant;
  readonly paid: number;
}

/**
 * The template's shifts on a local date in one zone, shared by every employee in that zone: the
 * zone conversions were most of the time to build a week's candidates (1.2 s for the large
 * generated week, 480 employees in 4 zones). Kept per grid and template object, so they go with
 * them.
 */
const TIMES_BY_GRID = new WeakMap<TimeGrid, WeakMap<ShiftTemplate, Map<string, ShiftTimes[]>>>();

function zoneShifts(
  template: ShiftTemplate,
  date: LocalDate,
  zone: TimeZoneName,
  grid: TimeGrid,
): readonly ShiftTimes[] {
  let byTemplate = TIMES_BY_GRID.get(grid);
  if (!byTemplate) {
    byTemplate = new WeakMap();
    TIMES_BY_GRID.set(grid, byTemplate);
  }
  let byDateZone = byTemplate.get(template);
  if (!byDateZone) {
    byDateZone = new Map();
    byTemplate.set(template, byDateZone);
  }
  const key = `${date}|${zone}`;
  let found = byDateZone.get(key);
  if (!found) {
    found = computeZoneShifts(template, date, zone, grid);
    byDateZone.set(key, found);
  }
  return found;
}

function computeZoneShifts(
  template: ShiftTemplate,
  date: LocalDate,
  zone: TimeZoneName,
  grid: TimeGrid,
): ShiftTimes[] {
  const seen = new Set<string>();
  const shifts: ShiftTimes[] = [];
  for (const time of template.startTimes) {
    const start = localToInstant(date, time, zone);
    if (localDateOf(start, zone) !== date) continue;
    for (const hours of template.lengthsHours) {
      const end = start + hours * HOUR_MS;
      const key = `${start}:${end}`;
      if (seen.has(key) || !isOnGrid(grid, start) || !isOnGrid(grid, end) || end <= start) continue;
      seen.add(key);
      shifts.push({ start, end, paid: paidHours(template, start, end) });
    }
  }
  return shifts.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether `template` allows exactly `[start, end)` for `employee` (the checker's template test). */
export function isTemplateShift(
  employee: Employee,
  template: ShiftTemplate,
  start: Instant,
  end: Instant,
): boolean {
  const date = localDateOf(start, employee.timeZone);
  const hours = (end - start) / HOUR_MS;
  if (!template.lengthsHours.some((length) => Math.abs(length - hours) < 1e-9)) return false;
  return template.startTimes.some(
    (time) => localToInstant(date, time, employee.timeZone) === start,
  );
}

/** Half-open intervals `[aStart, aEnd)` and `[bStart, bEnd)` share at least one instant. */
export function overlaps(aStart: Instant, aEnd: Instant, bStart: Instant, bEnd: Instant): boolean {
  return aStart < bEnd && bStart < aEnd;
}
