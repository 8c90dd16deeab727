import { HOUR_MS } from '../../../time/dates.js';
import type { CandidateShift } from '../../../time/shift-times.js';
import {
  type ModelIndex,
  type ModelShift,
  candidateOf,
  coveredIntervals,
  modelCandidates,
  shiftKey,
} from '../context.js';
import { varName } from '../names.js';
import { type MipModel, addCol, addRow } from '../sparse.js';
import { shiftsOf } from './columns.js';

/** Labour-rule families: availability, pins, days, hours, rest, consecutive days. */

/**
 * availabilityAndTimeOff (by candidate generation): x[e,s] exists only for s in
 * `modelCandidates(e)`: template start/length on the employee's local day, inside the grid and the
 * week's dates, within employment dates, inside the merged availability windows and clear of time
 * off. In a neighbourhood, shifts outside it exist only as the incumbent's shifts, fixed to 1.
 * Creates the x columns.
 */
export function availabilityAndTimeOff(model: MipModel, index: ModelIndex): void {
  const { instance, grid, options } = index;
  const neighbourhood = options.neighbourhood;
  const incumbentByEmployee = new Map<string, CandidateShift[]>();
  if (neighbourhood) {
    const employees = new Map(instance.employees.map((employee) => [employee.id, employee]));
    for (const shift of neighbourhood.incumbent.shifts) {
      const employee = employees.get(shift.employeeId);
      if (!employee) continue;
      const list = incumbentByEmployee.get(employee.id) ?? [];
      list.push(candidateOf(instance, employee, shift));
      incumbentByEmployee.set(employee.id, list);
    }
  }
  for (const employee of index.employees) {
    const isFree = (shift: CandidateShift) =>
      !neighbourhood ||
      ((!neighbourhood.freeEmployeeIds || neighbourhood.freeEmployeeIds.has(employee.id)) &&
        (!neighbourhood.freeDates || neighbourhood.freeDates.has(shift.localDate)));
    const base = options.candidates?.get(employee.id) ?? modelCandidates(instance, employee, grid);
    const chosen: { shift: CandidateShift; fixed: boolean }[] = [];
    const seen = new Set<string>();
    const incumbent = incumbentByEmployee.get(employee.id) ?? [];
    for (const shift of incumbent) {
      if (isFree(shift)) continue;
      seen.add(`${shiftKey(shift)}|${shift.templateId}`);
      chosen.push({ shift, fixed: true });
    }
    for (const shift of [...base, ...incumbent]) {
      const key = `${shiftKey(shift)}|${shift.templateId}`;
      if (seen.has(key) || !isFree(shift)) continue;
      seen.add(key);
      chosen.push({ shift, fixed: false });
    }
    chosen.sort((a, b) => a.shift.start - b.shift.start || a.shift.end - b.shift.end);
    const shifts = chosen.map(({ shift, fixed }) => {
      const hours = (shift.end - shift.start) / HOUR_MS;
      const col = addCol(
        model,
        varName('x', { e: employee.id, s: shift.start, h: hours, tpl: shift.templateId }),
        fixed ? 1 : 0,
        1,
        0,
        true,
      );
      const [first, last] = coveredIntervals(grid, shift.start, shift.end);
      return { ...shift, col, fixed, pinnedId: null, first, last };
    });
    index.shifts.set(employee.id, shifts);
  }
}

/**
 * pinnedShifts: x[e,s] >= 1 for the candidate matching each pinned shift (same employee, start,
 * end). A pinned shift no candidate matches (it breaks availability, time off, employment dates,
 * the template, the daily maximum or the rest after history) makes the model infeasible: it is
 * recorded in `buildConflicts` and an empty row `0 >= 1` is added.
 */
export function pinnedShifts(model: MipModel, index: ModelIndex): void {
  const inModel = new Set(index.employees.map((employee) => employee.id));
  for (const pinned of index.instance.pinnedShifts) {
    if (!inModel.has(pinned.employeeId)) continue;
    const shifts = shiftsOf(index, pinned.employeeId);
    const position = shifts.findIndex((shift) => shiftKey(shift) === shiftKey(pinned));
    if (position < 0) {
      index.buildConflicts.push({
        rules: ['PINNED_SHIFT'],
        employeeIds: [pinned.employeeId],
        message: `Pinned shift ${pinned.id} is not a legal candidate shift of ${pinned.employeeId}`,
      });
      addRow(
        model,
        varName('pin_unmatched', { e: pinned.employeeId, id: pinned.id }),
        [],
        [],
        'G',
        1,
      );
      continue;
    }
    const shift = shifts[position];
    model.colLower[shift.col] = 1;
    shifts[position] = { ...shift, pinnedId: pinned.id };
  }
}

/** oneShiftPerDay: Σ_{s: day(s)=d} x[e,s] <= 1 for every employee e and local date d. */
export function oneShiftPerDay(model: MipModel, index: ModelIndex): void {
  for (const employee of index.employees) {
    const byDay = new Map<string, number[]>();
    for (const shift of shiftsOf(index, employee.id)) {
      const list = byDay.get(shift.localDate) ?? [];
      list.push(shift.col);
      byDay.set(shift.localDate, list);
    }
    for (const [date, cols] of byDay) {
      if (cols.length < 2) continue;
      addRow(
        model,
        varName('one_per_day', { e: employee.id, d: date }),
        cols,
        cols.map(() => 1),
        'L',
        1,
      );
    }
  }
}

/**
 * maxDailyHours: Σ_{s: day(s)=d} paid(s)·x[e,s] <= maxHoursPerDay. With oneShiftPerDay this is the
 * candidate filter paid(s) <= maxHoursPerDay (modelCandidates); a row is added only for days with
 * a candidate above the limit (supplied candidate lists).
 */
export function maxDailyHours(model: MipModel, index: ModelIndex): void {
  for (const employee of index.employees) {
    const limit = employee.contract.maxHoursPerDay;
    const byDay = new Map<string, ModelShift[]>();
    for (const shift of shiftsOf(index, employee.id)) {
      const list = byDay.get(shift.localDate) ?? [];
      list.push(shift);
      byDay.set(shift.localDate, list);
    }
    for (const [date, shifts] of byDay) {
      if (shifts.every((shift) => shift.paidHours <= limit + 1e-9)) continue;
      addRow(
        model,
        varName('max_day_hours', { e: employee.id, d: date }),
        shifts.map((shift) => shift.col),
        shifts.map((shift) => shift.paidHours),
        'L',
        limit,
      );
    }
  }
}

/** minMaxWeeklyHours: minHoursPerWeek <= Σ_s paid(s)·x[e,s] <= maxHoursPerWeek. */
export function minMaxWeeklyHours(model: MipModel, index: ModelIndex): void {
  for (const employee of index.employees) {
    const shifts = shiftsOf(index, employee.id);
    const cols = shifts.map((shift) => shift.col);
    const paid = shifts.map((shift) => shift.paidHours);
    const { minHoursPerWeek, maxHoursPerWeek } = employee.contract;
    if (minHoursPerWeek > 0) {
      addRow(
        model,
        varName('min_week_hours', { e: employee.id }),
        cols,
        paid,
        'G',
        minHoursPerWeek,
      );
    }
    if (paid.reduce((sum, hours) => sum + hours, 0) > maxHoursPerWeek + 1e-9) {
      addRow(
        model,
        varName('max_week_hours', { e: employee.id }),
        cols,
        paid,
        'L',
        maxHoursPerWeek,
      );
    }
  }
}

/**
 * minRestBetweenShifts: two shifts s, s' (start(s) <= start(s')) conflict when
 * start(s') - end(s) < minRest, i.e. when the intervals [start, end + minRest) overlap. These form
 * an interval graph, whose maximal cliques sit at start points τ, so the exact and strong form is
 * Σ_{s: start(s) <= τ < end(s)+minRest} x[e,s] <= 1 for every start point τ (dominated points
 * skipped). Rest after `history.lastShiftEnd` is a candidate filter.
 */
export function minRestBetweenShifts(model: MipModel, index: ModelIndex): void {
  for (const employee of index.employees) {
    const rest = employee.contract.minRestHours * HOUR_MS;
    const shifts = shiftsOf(index, employee.id); // sorted by start
    const points = [...new Set(shifts.map((shift) => shift.start))].sort((a, b) => a - b);
    const rows: number[][] = [];
    points.forEach((tau) => {
      const active = shifts.filter((shift) => shift.start <= tau && tau < shift.end + rest);
      const cols = active.map((shift) => shift.col);
      if (cols.length < 2) return;
      // The clique at τ dominates the last one kept unless a shift of that one has ended.
      const last = rows[rows.length - 1];
      if (last && last.every((col) => cols.includes(col))) rows.pop();
      rows.push(cols);
    });
    rows.forEach((cols, k) =>
      addRow(
        model,
        varName('rest', { e: employee.id, k }),
        cols,
        cols.map(() => 1),
        'L',
        1,
      ),
    );
  }
}

/**
 * maxConsecutiveDays: with w[e,d] = Σ_{s: day(s)=d} x[e,s] (<= 1), every maxConsecutiveDays + 1
 * consecutive week dates hold at most maxConsecutiveDays worked days; with h =
 * history.consecutiveDaysWorked carried into the first date, Σ_{d=0}^{max-h} w[e,d] <= max - h
 * (and w[e,0] = 0 when h >= max).
 */
export function maxConsecutiveDays(model: MipModel, index: ModelIndex): void {
  const dates = index.grid.weekDates;
  for (const employee of index.employees) {
    const limit = employee.contract.maxConsecutiveDays;
    const carried = employee.history?.consecutiveDaysWorked ?? 0;
    const shifts = shiftsOf(index, employee.id);
    const colsOn = (from: number, to: number) =>
      shifts
        .filter((shift) => {
          const day = dates.indexOf(shift.localDate);
          return day >= from && day <= to;
        })
        .map((shift) => shift.col);
    const window = (name: string, from: number, to: number, rhs: number) => {
      const cols = colsOn(from, to);
      if (cols.length > rhs)
        addRow(
          model,
          varName(name, { e: employee.id, d: dates[from] }),
          cols,
          cols.map(() => 1),
          'L',
          rhs,
        );
    };
    for (let from = 0; from + limit < dates.length; from += 1) {
      window('consecutive', from, from + limit, limit);
    }
    if (carried > 0) {
      if (carried >= limit) window('consecutive_history', 0, 0, 0);
      else if (limit - carried < dates.length)
        window('consecutive_history', 0, limit - carried, limit - carried);
    }
  }
}
