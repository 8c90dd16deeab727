import type { Instant, LocalDate } from '../model/common.js';
import type { PlanningWeek } from '../model/instance.js';
import { MINUTE_MS, addDays } from './dates.js';
import { localDateOf, startOfLocalDate } from './zones.js';

/**
 * The planning week's interval grid, in UTC instants. It is derived from the `PlanningWeek`
 * (never stored), so it cannot disagree with it.
 */
export interface TimeGrid {
  /** Local midnight of `weekStart` in the week's zone. */
  readonly start: Instant;
  /** Local midnight seven days later; exclusive. */
  readonly end: Instant;
  readonly intervalMs: number;
  /** Number of intervals: 336 for a 30-minute week, 334 or 338 in a daylight-saving week. */
  readonly count: number;
  /** The seven dates `weekStart` … `weekStart + 6`. */
  readonly weekDates: readonly LocalDate[];
  /** Date of each interval's start in the week's zone: the date on which credentials and rules are judged. */
  readonly intervalDates: readonly LocalDate[];
}

export function buildGrid(week: PlanningWeek): TimeGrid {
  const intervalMs = week.intervalMinutes * MINUTE_MS;
  const start = startOfLocalDate(week.weekStart, week.timeZone);
  const end = startOfLocalDate(addDays(week.weekStart, 7), week.timeZone);
  if ((end - start) % intervalMs !== 0) {
    throw new RangeError(
      `Week ${week.weekStart} in ${week.timeZone} is not a whole number of intervals`,
    );
  }
  const count = (end - start) / intervalMs;
  const weekDates = [0, 1, 2, 3, 4, 5, 6].map((day) => addDays(week.weekStart, day));
  const intervalDates: LocalDate[] = [];
  for (let i = 0; i < count; i += 1) {
    intervalDates.push(localDateOf(start + i * intervalMs, week.timeZone));
  }
  return { start, end, intervalMs, count, weekDates, intervalDates };
}

export function intervalStart(grid: TimeGrid, index: number): Instant {
  return grid.start + index * grid.intervalMs;
}

/** Whether an instant is a multiple of the interval length away from the grid's start (inside it or not). */
export function isAlignedToGrid(grid: TimeGrid, instant: Instant): boolean {
  return (instant - grid.start) % grid.intervalMs === 0;
}

/** Whether an instant lies on an interval boundary of the grid (its end included). */
export function isOnGrid(grid: TimeGrid, instant: Instant): boolean {
  return (
    instant >= grid.start && instant <= grid.end && (instant - grid.start) % grid.intervalMs === 0
  );
}

/**
 * Indices of the intervals lying wholly inside `[start, end)`, clipped to the grid, as a half-open
 * range `[first, last)` (empty when `first >= last`).
 */
export function intervalsWithin(
  grid: TimeGrid,
  start: Instant,
  end: Instant,
): { first: number; last: number } {
  const first = Math.max(0, Math.ceil((start - grid.start) / grid.intervalMs));
  const last = Math.min(grid.count, Math.floor((end - grid.start) / grid.intervalMs));
  return { first, last };
}

export function isValidIntervalIndex(grid: TimeGrid, index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < grid.count;
}
