import type { TimeZoneName } from '../../model/common.js';
import type { Employee } from '../../model/employee.js';
import type { PlanningInstance } from '../../model/instance.js';
import type { Allocation, Roster, Shift, SupervisionShare } from '../../model/roster.js';
import { availableShifts } from '../../time/candidates.js';
import { HOUR_MS } from '../../time/dates.js';
import { type TimeGrid, buildGrid, intervalsWithin } from '../../time/grid.js';
import { paidHours } from '../../time/shift-times.js';
import { type LocalDateTime, localDateTimeOf } from '../../time/zones.js';
import { isUnpopularAt, preferencePointsAt } from '../shift-terms.js';
import { AllocationEvaluator, type IntervalOutcome } from './allocation.js';

/**
 * The search's view of an instance: employees by index, every candidate shift per employee and
 * day with what the soft terms need to know about it (paid hours, interval range, preference
 * points, unpopular, in the previous roster), the per-employee working-time rules, and the
 * interval evaluator. A schedule is, per employee, at most one shift per day of the week.
 */

export interface Candidate {
  readonly employee: number;
  readonly templateId: string;
  /** Index of the shift's day in `grid.weekDates` (the employee's local date of its start). */
  readonly day: number;
  readonly localDate: string;
  readonly start: number;
  readonly end: number;
  readonly paid: number;
  /** Grid intervals wholly inside the shift: [first, last). */
  readonly first: number;
  readonly last: number;
  readonly preference: number;
  readonly unpopular: boolean;
  readonly inPrevious: boolean;
  /** Set on pinned shifts: the pinned shift's id. */
  readonly pinnedId?: string;
}

/** One employee's week: the shift per day (null: free). */
export type Week = (Candidate | null)[];

/** What the working-time rules need to know of a week so far (`SearchModel.tallyAfterDay`). */
export interface WorkingTally {
  /** The latest end of a shift so far (history included), or null. */
  readonly lastEnd: number | null;
  /** Consecutive days worked up to the last day. */
  readonly run: number;
  /** Paid hours so far this week. */
  readonly hours: number;
}

const FREE_DAY = -1;
const PINNED_DAY = -2;

export class SearchModel {
  readonly grid: TimeGrid;
  readonly employees: readonly Employee[];
  readonly technicians: readonly number[];
  readonly pharmacists: readonly number[];
  readonly isTechnician: Uint8Array;
  readonly candidates: readonly Candidate[][];
  /** Candidates per employee and day. */
  readonly byDay: readonly Candidate[][][];
  /** Pinned shifts per employee and day (null: none). */
  readonly pinned: readonly (Candidate | null)[][];
  /** Per interval: the employees with at least one candidate covering it, ascending. */
  readonly coverers: readonly Int32Array[];
  readonly evaluator: AllocationEvaluator;
  readonly intervalHours: number;
  /** Constant part of `changes`: the previous roster's shift count. */
  readonly previousShiftCount: number;
  /** The `changes` term counts only when the instance has a previous roster. */
  readonly hasPrevious: boolean;
  private readonly index = new Map<string, number>();
  /** The previous roster's shifts as `employee|start|end`. */
  private readonly previousShifts: ReadonlySet<string>;
  /** `wallClock` and `isUnpopular` answers by zone and instant(s). */
  private readonly wallClocks = new Map<string, LocalDateTime>();
  private readonly unpopularShifts = new Map<string, boolean>();

  constructor(readonly instance: PlanningInstance) {
    this.grid = buildGrid(instance.week);
    this.employees = instance.employees;
    this.employees.forEach((employee, i) => this.index.set(employee.id, i));
    this.technicians = this.employees.flatMap((e, i) => (e.role === 'TECHNICIAN' ? [i] : []));
    this.pharmacists = this.employees.flatMap((e, i) => (e.role === 'PHARMACIST' ? [i] : []));
    this.isTechnician = Uint8Array.from(this.employees, (e) => (e.role === 'TECHNICIAN' ? 1 : 0));
    this.evaluator = new AllocationEvaluator(instance, this.grid);
    this.intervalHours = this.grid.intervalMs / HOUR_MS;
    this.previousShifts = new Set(
      (instance.previousRoster?.shifts ?? []).map((s) => `${s.employeeId}|${s.start}|${s.end}`),
    );
    this.previousShiftCount = this.previousShifts.size;
    this.hasPrevious = instance.previousRoster !== null;
    this.candidates = this.employees.map((employee, i) =>
      availableShifts(employee, instance.templates, this.grid)
        .filter((c) => c.paidHours <= employee.contract.maxHoursPerDay + 1e-9)
        .map((c) => this.toCandidate(i, c.templateId, c.start, c.end, c.paidHours))
        .filter((c): c is Candidate => c !== null),
    );
    this.byDay = this.candidates.map((list) => {
      const days: Candidate[][] = Array.from({ length: 7 }, () => []);
      for (const c of list) days[c.day].push(c);
      return days;
    });
    this.pinned = this.pinnedByDay();
    this.coverers = this.coverersByInterval();
  }

  /** A shift as a candidate of the employee (null when it starts outside the week's dates). */
  private toCandidate(
    employee: number,
    templateId: string,
    start: number,
    end: number,
    paid: number,
    pinnedId?: string,
  ): Candidate | null {
    const e = this.employees[employee];
    const localDate = this.wallClock(start, e.timeZone).date;
    const day = this.grid.weekDates.indexOf(localDate);
    if (day < 0) return null;
    const { first, last } = intervalsWithin(this.grid, start, end);
    return {
      employee,
      templateId,
      day,
      localDate,
      start,
      end,
      paid,
      first,
      last: Math.max(first, last),
      preference: this.preferencePoints(e, start, localDate),
      unpopular: this.isUnpopular(e, start, end),
      inPrevious: this.previousShifts.has(`${e.id}|${start}|${end}`),
      ...(pinnedId === undefined ? {} : { pinnedId }),
    };
  }

  /** The instance's pinned shifts as candidates, per employee and day (the first on a day wins). */
  private pinnedByDay(): (Candidate | null)[][] {
    const templates = new Map(this.instance.templates.map((t) => [t.id, t]));
    const pinned: (Candidate | null)[][] = this.employees.map(() =>
      Array<Candidate | null>(7).fill(null),
    );
    for (const shift of this.instance.pinnedShifts) {
      const employee = this.index.get(shift.employeeId);
      const template = templates.get(shift.templateId);
      if (employee === undefined || !template) continue;
      const c = this.toCandidate(
        employee,
        shift.templateId,
        shift.start,
        shift.end,
        paidHours(template, shift.start, shift.end),
        shift.id,
      );
      if (c && pinned[employee][c.day] === null) pinned[employee][c.day] = c;
    }
    return pinned;
  }

  private coverersByInterval(): Int32Array[] {
    const lists: number[][] = Array.from({ length: this.grid.count }, () => []);
    this.candidates.forEach((list, employee) => {
      const covered = new Uint8Array(this.grid.count);
      for (const c of list) covered.fill(1, c.first, c.last);
      covered.forEach((flag, i) => {
        if (flag) lists[i].push(employee);
      });
    });
    return lists.map((list) => Int32Array.from(list));
  }

  indexOf(employeeId: string): number | undefined {
    return this.index.get(employeeId);
  }

  private preferencePoints(employee: Employee, start: number, localDate: string): number {
    return preferencePointsAt(
      employee,
      this.wallClock(start, employee.timeZone).minutes,
      localDate,
    );
  }

  private isUnpopular(employee: Employee, start: number, end: number): boolean {
    const key = `${employee.timeZone}|${start}|${end}`;
    let found = this.unpopularShifts.get(key);
    if (found === undefined) {
      found = isUnpopularAt(
        this.instance.unpopularShift,
        this.wallClock(start, employee.timeZone),
        this.wallClock(end, employee.timeZone),
      );
      this.unpopularShifts.set(key, found);
    }
    return found;
  }

  /**
   * The local date and time of an instant in a zone, remembered: every employee of a zone has the
   * same candidate starts, and converting them again for each took a third of building the large
   * week's model.
   */
  private wallClock(instant: number, zone: TimeZoneName): LocalDateTime {
    const key = `${zone}|${instant}`;
    let found = this.wallClocks.get(key);
    if (!found) {
      found = localDateTimeOf(instant, zone);
      this.wallClocks.set(key, found);
    }
    return found;
  }

  /** A week with only the pinned shifts. */
  pinnedWeek(employee: number): Week {
    return [...this.pinned[employee]];
  }

  /**
   * A day's shift as a number, for messages between threads whose models were built from the
   * same instance: -1 for no shift, -2 for the pinned shift, else its index in `byDay`.
   */
  encodeShift(employee: number, day: number, shift: Candidate | null): number {
    if (!shift) return FREE_DAY;
    if (shift === this.pinned[employee][day]) return PINNED_DAY;
    return this.byDay[employee][day].indexOf(shift);
  }

  /** The shift `encodeShift` encoded (this model's candidate object), or null. */
  decodeShift(employee: number, day: number, code: number): Candidate | null {
    if (code === FREE_DAY) return null;
    if (code === PINNED_DAY) return this.pinned[employee][day];
    return this.byDay[employee][day][code] ?? null;
  }

  encodeWeek(employee: number, week: Week): number[] {
    return week.map((shift, day) => this.encodeShift(employee, day, shift));
  }

  decodeWeek(employee: number, codes: ArrayLike<number>): Week {
    return Array.from({ length: 7 }, (_, day) => this.decodeShift(employee, day, codes[day]));
  }

  hoursOf(week: Week): number {
    let hours = 0;
    for (const c of week) if (c) hours += c.paid;
    return hours;
  }

  /**
   * Whether a week respects the employee's own rules except the weekly minimum: weekly maximum,
   * rest (history included), consecutive days (history included). One shift per day and the daily
   * maximum hold by construction (candidates are filtered by it; pins are checked separately).
   */
  weekAllowed(employee: number, week: Week): boolean {
    let tally: WorkingTally | null = this.tallyBeforeWeek(employee);
    for (let day = 0; day < 7 && tally; day += 1)
      tally = this.tallyAfterDay(employee, tally, week[day]);
    return tally !== null;
  }

  /** The working-time tally before the week's first day (from the employee's history). */
  tallyBeforeWeek(employee: number): WorkingTally {
    const history = this.employees[employee].history;
    return {
      lastEnd: history?.lastShiftEnd ?? null,
      run: history?.consecutiveDaysWorked ?? 0,
      hours: 0,
    };
  }

  /**
   * The tally after one more day of the week (`shift` null: a free day), or null when that day
   * breaks rest, consecutive days or the weekly maximum: `weekAllowed`, one day at a time.
   */
  tallyAfterDay(
    employee: number,
    tally: WorkingTally,
    shift: Candidate | null,
  ): WorkingTally | null {
    if (!shift) return { lastEnd: tally.lastEnd, run: 0, hours: tally.hours };
    const { contract } = this.employees[employee];
    if (tally.lastEnd !== null && shift.start - tally.lastEnd < contract.minRestHours * HOUR_MS)
      return null;
    const run = tally.run + 1;
    const hours = tally.hours + shift.paid;
    if (run > contract.maxConsecutiveDays || hours > contract.maxHoursPerWeek + 1e-9) return null;
    const lastEnd = tally.lastEnd === null ? shift.end : Math.max(tally.lastEnd, shift.end);
    return { lastEnd, run, hours };
  }

  meetsMinimum(employee: number, week: Week): boolean {
    return this.meetsMinimumHours(employee, this.hoursOf(week));
  }

  meetsMinimumHours(employee: number, hours: number): boolean {
    return hours >= this.employees[employee].contract.minHoursPerWeek - 1e-9;
  }

  /** Wages (weighted) for `hours` paid hours of an employee. */
  wageCost(employee: number, hours: number): number {
    const { hourlyRate, overtimeThresholdHours, overtimeMultiplier } =
      this.employees[employee].contract;
    const overtime = Math.max(0, hours - overtimeThresholdHours);
    return (
      this.instance.weights.cost *
      (hourlyRate * (hours - overtime) + hourlyRate * overtimeMultiplier * overtime)
    );
  }

  /** The employee-only part of the objective for a week: wages, preferences, changes. */
  employeeCost(employee: number, week: Week): number {
    const w = this.instance.weights;
    let hours = 0;
    let preference = 0;
    let changes = 0;
    for (const c of week) {
      if (!c) continue;
      hours += c.paid;
      preference += c.preference;
      if (this.hasPrevious) changes += c.inPrevious ? -1 : 1;
    }
    return this.wageCost(employee, hours) + w.preference * preference + w.changes * changes;
  }

  unpopularCount(week: Week): number {
    let count = 0;
    for (const c of week) if (c?.unpopular) count += 1;
    return count;
  }

  utilisation(employee: number, hours: number): number {
    const max = this.employees[employee].contract.maxHoursPerWeek;
    return max > 0 ? hours / max : 0;
  }

  /** Builds a roster from weeks and the interval outcomes. */
  toRoster(weeks: readonly Week[], outcomes: readonly IntervalOutcome[]): Roster {
    const shifts: Shift[] = [];
    const ids = new Set<string>();
    weeks.forEach((week, employee) => {
      for (const c of week) {
        if (!c) continue;
        let id = c.pinnedId ?? `s-${this.employees[employee].id}-${c.localDate}`;
        while (ids.has(id)) id = `${id}'`;
        ids.add(id);
        shifts.push({
          id,
          employeeId: this.employees[employee].id,
          start: c.start,
          end: c.end,
          templateId: c.templateId,
          ...(c.pinnedId === undefined ? {} : { pinned: true }),
        });
      }
    });
    shifts.sort((a, b) => a.start - b.start || a.employeeId.localeCompare(b.employeeId));
    const allocations: Allocation[] = [];
    const supervision: SupervisionShare[] = [];
    const ev = this.evaluator;
    outcomes.forEach((outcome, intervalIndex) => {
      for (const a of outcome.allocations) {
        allocations.push({
          employeeId: this.employees[a.employee].id,
          intervalIndex,
          queueId: ev.pairQueue[a.pair],
          state: ev.states[ev.pairState[a.pair]],
        });
      }
      for (const s of outcome.shares) {
        supervision.push({
          employeeId: this.employees[s.employee].id,
          intervalIndex,
          state: s.state,
          share: s.share,
        });
      }
    });
    return { shifts, allocations, supervision };
  }
}
