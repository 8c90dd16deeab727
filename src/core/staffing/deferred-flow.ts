import { ValidationFailedError } from '../errors.js';
import { ceilTolerant } from './numerics.js';
import { requireNumber } from './validation.js';

/**
 * Deferred work as flow: work arriving in interval i (in agent-intervals: one agent staffed for
 * one interval does one unit) may be done in any interval i..deadline, so staff can be placed
 * where it is cheapest. One staffed agent-interval does at most one unit, and work is divisible.
 *
 * For this single resource, earliest-deadline-first is exact: if any assignment of work to
 * intervals meets every deadline, EDF (each interval, work on the released unit due first)
 * does. Equivalently (Hall's condition), a staffing s is feasible iff for every window
 * [a, b], the work released in a..b and due by b is at most Σ_{t=a..b} s_t. The least constant
 * staffing is therefore max over windows of that work / (b − a + 1), rounded up.
 */

export interface DeferredWorkUnit {
  readonly arrivalInterval: number;
  /** Work in agent-intervals (>= 0). */
  readonly work: number;
  /** Last interval (inclusive) in which the work may be done; >= arrivalInterval. */
  readonly deadlineInterval: number;
}

export interface DeferredSchedule {
  readonly feasible: boolean;
  /** Work done in each interval. */
  readonly donePerInterval: readonly number[];
  /** First interval at whose end some work was still unfinished past its deadline. */
  readonly firstMissedDeadline: number | null;
  /** Work left undone at its deadline (dropped from the queue when it missed). */
  readonly lateWork: number;
}

/** Remaining work at or below this share of the total is treated as done (rounding noise). */
const DONE_TOLERANCE = 1e-9;

/** Names a unit's field in error messages; the array form names `arrivals[i]` and `deadlines[i]`. */
type UnitFieldName = (index: number, key: keyof DeferredWorkUnit) => string;
const unitField: UnitFieldName = (index, key) => `units[${index}].${key}`;
const arrayField: UnitFieldName = (index, key) =>
  key === 'deadlineInterval' ? `deadlines[${index}]` : `arrivals[${index}]`;

function validateUnits(
  units: readonly DeferredWorkUnit[],
  intervals: number,
  name: UnitFieldName = unitField,
): void {
  const whole = (v: number): boolean => v >= 0 && Number.isInteger(v);
  units.forEach((unit, i) => {
    requireNumber(name(i, 'work'), unit.work, (v) => v >= 0, 'must be a finite number >= 0');
    const from = requireNumber(
      name(i, 'arrivalInterval'),
      unit.arrivalInterval,
      (v) => whole(v) && v < intervals,
      `must be a whole interval index below ${intervals} (the horizon)`,
    );
    requireNumber(
      name(i, 'deadlineInterval'),
      unit.deadlineInterval,
      (v) => whole(v) && v >= from && v < intervals,
      `must be a whole interval index from ${from} to ${intervals - 1}`,
    );
  });
}

function validateStaff(staffPerInterval: readonly number[]): void {
  staffPerInterval.forEach((staff, t) => {
    requireNumber(`staffPerInterval[${t}]`, staff, (v) => v >= 0, 'must be a finite number >= 0');
  });
}

interface Pending {
  readonly unit: DeferredWorkUnit;
  left: number;
}

/** Inserts `unit` into `queue`, kept sorted by deadline (stable for equal deadlines). */
function insertByDeadline(queue: Pending[], unit: DeferredWorkUnit): void {
  let index = queue.length;
  while (index > 0 && queue[index - 1].unit.deadlineInterval > unit.deadlineInterval) index -= 1;
  queue.splice(index, 0, { unit, left: unit.work });
}

/** Spends `capacity` on the queue, earliest deadline first; returns the work done. */
function workEarliestDeadlineFirst(queue: Pending[], capacity: number): number {
  let spare = capacity;
  for (const entry of queue) {
    if (spare <= 0) break;
    const done = Math.min(spare, entry.left);
    entry.left -= done;
    spare -= done;
  }
  return capacity - spare;
}

/** Removes finished work and work due by interval t from the queue; returns the late part. */
function retire(queue: Pending[], t: number, tolerance: number): number {
  let late = 0;
  while (queue.length > 0 && (queue[0].left <= tolerance || queue[0].unit.deadlineInterval <= t)) {
    const { left } = queue.shift()!;
    if (left > tolerance) late += left;
  }
  return late;
}

/**
 * Earliest-deadline-first over the horizon `staffPerInterval.length`. Remaining work within
 * 10^−9 of the total work counts as done, so rounding noise is not reported as a miss.
 */
export function scheduleEarliestDeadlineFirst(
  units: readonly DeferredWorkUnit[],
  staffPerInterval: readonly number[],
): DeferredSchedule {
  validateStaff(staffPerInterval);
  validateUnits(units, staffPerInterval.length);
  const byArrival = [...units].sort((a, b) => a.arrivalInterval - b.arrivalInterval);
  const tolerance = DONE_TOLERANCE * units.reduce((most, unit) => Math.max(most, unit.work), 1);
  const queue: Pending[] = [];
  const donePerInterval: number[] = [];
  let [next, lateWork] = [0, 0];
  let firstMissedDeadline: number | null = null;
  staffPerInterval.forEach((staff, t) => {
    for (; next < byArrival.length && byArrival[next].arrivalInterval === t; next += 1) {
      insertByDeadline(queue, byArrival[next]);
    }
    donePerInterval.push(workEarliestDeadlineFirst(queue, staff));
    const late = retire(queue, t, tolerance);
    if (late > 0) firstMissedDeadline ??= t;
    lateWork += late;
  });
  return { feasible: firstMissedDeadline === null, donePerInterval, firstMissedDeadline, lateWork };
}

/**
 * Builds one unit per arrival interval from parallel arrays (the optimizer's flow input) over a
 * horizon of `intervals`, validating them under their array names.
 */
export function unitsFromArrays(
  arrivals: readonly number[],
  deadlines: readonly number[],
  intervals = arrivals.length,
): DeferredWorkUnit[] {
  if (deadlines.length !== arrivals.length) {
    throw ValidationFailedError.forField(
      'deadlines',
      deadlines.length,
      `must give one deadline per arrival interval (${arrivals.length})`,
    );
  }
  const units = arrivals.map((work, i) => ({
    arrivalInterval: i,
    work,
    deadlineInterval: deadlines[i],
  }));
  validateUnits(units, intervals, arrayField);
  return units;
}

/**
 * Whether `staffPerInterval` clears all deferred work on time: `arrivals[i]` agent-intervals of
 * work arrive in interval i and must be done by interval `deadlines[i]` (inclusive).
 */
export function canClearDeferredWork(
  arrivals: readonly number[],
  deadlines: readonly number[],
  staffPerInterval: readonly number[],
): boolean {
  const units = unitsFromArrays(arrivals, deadlines, staffPerInterval.length);
  return scheduleEarliestDeadlineFirst(units, staffPerInterval).feasible;
}

/**
 * Adjusts the window bound `candidate` to the least constant staffing EDF accepts, so that the
 * two agree exactly despite rounding (the bound is normally already it).
 */
function leastFeasibleConstant(
  units: readonly DeferredWorkUnit[],
  intervals: number,
  candidate: number,
): number {
  const feasible = (staff: number): boolean =>
    scheduleEarliestDeadlineFirst(units, new Array<number>(intervals).fill(staff)).feasible;
  let staff = candidate;
  while (!feasible(staff)) staff += 1;
  while (staff > 0 && feasible(staff - 1)) staff -= 1;
  return staff;
}

/**
 * The least whole number of agents which, staffed in every one of `intervals` intervals, clears
 * all units on time: ⌈max over windows [a, b] of W(a, b) / (b − a + 1)⌉ where W(a, b) is the
 * work arriving in a..b and due by b. O(intervals² + units).
 */
export function minimumConstantStaff(
  units: readonly DeferredWorkUnit[],
  intervals: number,
): number {
  validateUnits(units, intervals);
  const arrivingAt: DeferredWorkUnit[][] = Array.from({ length: intervals }, () => []);
  for (const unit of units) arrivingAt[unit.arrivalInterval].push(unit);
  const dueAt = new Array<number>(intervals).fill(0);
  let worst = 0;
  for (let start = intervals - 1; start >= 0; start -= 1) {
    for (const unit of arrivingAt[start]) dueAt[unit.deadlineInterval] += unit.work;
    let windowWork = 0;
    for (let end = start; end < intervals; end += 1) {
      windowWork += dueAt[end];
      worst = Math.max(worst, windowWork / (end - start + 1));
    }
  }
  return leastFeasibleConstant(units, intervals, ceilTolerant(worst));
}
