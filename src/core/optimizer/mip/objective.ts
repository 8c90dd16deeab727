import type { Employee, EmployeeRole } from '../../model/employee.js';
import type { PlanningInstance } from '../../model/instance.js';
import { localDateTimeOf } from '../../time/zones.js';
import { isUnpopularAt, preferencePointsAt } from '../shift-terms.js';
import { type EntryCols, type ModelIndex, type ModelShift, shiftKey } from './context.js';
import { varName } from './names.js';
import { type MipModel, addBinary, addCol, addRow } from './sparse.js';

/**
 * The objective terms, one function each; together they are `soft.weightedTotal` of the checker
 * (weights w from `instance.weights`, h = interval hours). Each term is exact at an optimum (the
 * max(0, ·) slacks are pushed down by their positive cost), and `encodeRoster` sets them tight
 * for any roster, so objective(encodeRoster(r)) = checkRoster(r).soft.weightedTotal.
 */

/** Preference points of a shift, as the checker counts them. */
export function preferencePoints(employee: Employee, start: number, localDate: string): number {
  return preferencePointsAt(employee, localDateTimeOf(start, employee.timeZone).minutes, localDate);
}

/** Whether a shift is unpopular (weekend start, early start, late end), as the checker decides. */
export function isUnpopularShift(
  instance: PlanningInstance,
  employee: Employee,
  start: number,
  end: number,
): boolean {
  return isUnpopularAt(
    instance.unpopularShift,
    localDateTimeOf(start, employee.timeZone),
    localDateTimeOf(end, employee.timeZone),
  );
}

function allShifts(index: ModelIndex): { employee: Employee; shift: ModelShift }[] {
  return index.employees.flatMap((employee) =>
    (index.shifts.get(employee.id) ?? []).map((shift) => ({ employee, shift })),
  );
}

/**
 * shortageTerm and overstaffingTerm, per demand entry (t, q, S) with n = Σ_e y[e,t,q,S]:
 * n + short - over = required, short, over >= 0, cost w.shortage·h·short + w.overstaffing·h·over.
 * With φ = required - ⌊required⌋ ∈ (0,1), the rounding cut (1-φ)·short + φ·over >= φ(1-φ) is
 * valid because n is an integer (n <= ⌊required⌋ gives short >= φ, n >= ⌈required⌉ gives
 * over >= 1 - φ) and makes the LP bound much stronger.
 * Entries no technician can staff are the constant w.shortage·h·max(0, required). Forced
 * allocations in a cell without an entry (a fixed incumbent) cost w.overstaffing·h each.
 */
export function shortageTerm(model: MipModel, index: ModelIndex): void {
  const { weights } = index.instance;
  const h = index.intervalHours;
  for (const entry of index.instance.demand) {
    const cell = index.cells.get(`${entry.intervalIndex}|${entry.queueId}|${entry.state}`);
    if (!cell || cell.cols.length === 0) {
      model.objectiveOffset +=
        weights.shortage * h * Math.max(0, entry.required) +
        weights.overstaffing * h * Math.max(0, -entry.required);
      continue;
    }
    const keys = {
      t: entry.intervalIndex,
      q: entry.queueId,
      S: entry.state,
      k: cell.entries.indexOf(entry),
    };
    const shortage = addCol(model, varName('short', keys), 0, Infinity, weights.shortage * h);
    const over = addCol(model, varName('over', keys), 0, Infinity, weights.overstaffing * h);
    addRow(
      model,
      varName('demand', keys),
      [...cell.cols, shortage, over],
      [...cell.cols.map(() => 1), 1, -1],
      'E',
      entry.required,
    );
    // Integer rounding (a mixed-integer rounding cut): n is an integer, so with φ the fractional
    // part of required, either short >= φ or over >= 1 - φ: (1-φ)·short + φ·over >= φ(1-φ).
    const phi = entry.required - Math.floor(entry.required);
    if (phi > 1e-6 && phi < 1 - 1e-6) {
      addRow(
        model,
        varName('demand_round', keys),
        [shortage, over],
        [1 - phi, phi],
        'G',
        phi * (1 - phi),
      );
    }
    index.entryCols.push({ entry, cell, shortage, over, increments: [], beyond: -1 });
  }
  for (const cell of index.cells.values()) {
    if (cell.entries.length > 0) continue;
    for (const col of cell.cols) model.colCost[col] += weights.overstaffing * h;
  }
}

/** overstaffingTerm: modelled with shortageTerm (same demand row); kept as a name for the docs. */
export function overstaffingTerm(): void {
  // The `over` column of each demand row (see shortageTerm) carries w.overstaffing·h.
}

/**
 * lostServiceTerm: lost = Σ_{k >= n} v_k for an entry with marginal values v. Increments u_k ∈
 * [0,1], k < K' = min(K, #technicians able to staff it): lost = Σ_k v_k - Σ_{k<K'} v_k·u_k.
 * Non-increasing, non-negative v (a concave curve): Σ u_k <= n with continuous u (the cheapest
 * way fills u_0, u_1, … in order: exact). Otherwise u binary, u_k >= u_{k+1} and
 * Σ u_k + beyond = n, beyond <= Tmax·u_{K-1} (exact for any v).
 */
export function lostServiceTerm(model: MipModel, index: ModelIndex): void {
  const w = index.instance.weights.lostServiceValue;
  for (const entry of index.instance.demand) {
    const values = entry.marginalValues ?? [];
    model.objectiveOffset += w * values.reduce((sum, value) => sum + value, 0);
  }
  for (const cols of index.entryCols) {
    const values = cols.entry.marginalValues ?? [];
    if (values.length === 0) continue;
    const usable = Math.min(values.length, cols.cell.cols.length);
    const concave =
      values.every((value) => value >= 0) &&
      values.every((value, k) => k === 0 || value <= values[k - 1]);
    const keys = {
      t: cols.entry.intervalIndex,
      q: cols.entry.queueId,
      S: cols.entry.state,
      k: cols.cell.entries.indexOf(cols.entry),
    };
    for (let k = 0; k < usable; k += 1) {
      const name = varName('lost', { ...keys, n: k });
      cols.increments.push(
        concave
          ? addCol(model, name, 0, 1, -w * values[k])
          : addBinary(model, name, -w * values[k]),
      );
    }
    if (concave) concaveLostRows(model, cols, keys);
    else orderedLostRows(model, cols, keys, values.length);
  }
}

type EntryKeys = Readonly<Record<string, string | number>>;

/** Concave values: Σ u_k <= n (the cheapest way fills the increments in order). */
function concaveLostRows(model: MipModel, cols: EntryCols, keys: EntryKeys): void {
  const n = cols.cell.cols;
  addRow(
    model,
    varName('lost_fill', keys),
    [...cols.increments, ...n],
    [...cols.increments.map(() => 1), ...n.map(() => -1)],
    'L',
    0,
  );
}

/** Any values: binary u in order, u_k >= u_{k+1}, Σ u_k + beyond = n, beyond <= Tmax·u_{K-1}. */
function orderedLostRows(
  model: MipModel,
  cols: EntryCols,
  keys: EntryKeys,
  valueCount: number,
): void {
  const n = cols.cell.cols;
  const usable = cols.increments.length;
  for (let k = 1; k < usable; k += 1) {
    addRow(
      model,
      varName('lost_order', { ...keys, n: k }),
      [cols.increments[k], cols.increments[k - 1]],
      [1, -1],
      'L',
      0,
    );
  }
  const lhs = [...cols.increments];
  const coefs = cols.increments.map(() => 1);
  if (valueCount < n.length) {
    cols.beyond = addCol(model, varName('beyond', keys), 0, n.length);
    lhs.push(cols.beyond);
    coefs.push(1);
    addRow(
      model,
      varName('lost_beyond', keys),
      [cols.beyond, cols.increments[usable - 1]],
      [1, -n.length],
      'L',
      0,
    );
  }
  addRow(
    model,
    varName('lost_count', keys),
    [...lhs, ...n],
    [...coefs, ...n.map(() => -1)],
    'E',
    0,
  );
}

/**
 * wageCostTerm: w.cost·(Σ_s rate·paid(s)·x[e,s] + rate·(multiplier - 1)·ot[e]) with
 * ot[e] >= Σ_s paid(s)·x[e,s] - overtimeThresholdHours, ot[e] >= 0 (the premium makes it tight).
 */
export function wageCostTerm(model: MipModel, index: ModelIndex): void {
  const w = index.instance.weights.cost;
  for (const employee of index.employees) {
    const { hourlyRate, overtimeThresholdHours, overtimeMultiplier } = employee.contract;
    const shifts = index.shifts.get(employee.id) ?? [];
    for (const shift of shifts) model.colCost[shift.col] += w * hourlyRate * shift.paidHours;
    const most = shifts.reduce((sum, shift) => sum + shift.paidHours, 0);
    if (most <= overtimeThresholdHours) continue;
    const premium = w * hourlyRate * (overtimeMultiplier - 1);
    if (premium < 0) {
      throw new RangeError(`${employee.id}: an overtime multiplier below 1 is not modelled`);
    }
    const ot = addCol(model, varName('ot', { e: employee.id }), 0, Infinity, premium);
    index.overtimeCol.set(employee.id, ot);
    addRow(
      model,
      varName('overtime', { e: employee.id }),
      [...shifts.map((shift) => shift.col), ot],
      [...shifts.map((shift) => shift.paidHours), -1],
      'L',
      overtimeThresholdHours,
    );
  }
}

/** preferenceTerm: w.preference·Σ_s points(s)·x[e,s] (points per shift as the checker counts). */
export function preferenceTerm(model: MipModel, index: ModelIndex): void {
  const w = index.instance.weights.preference;
  if (w === 0) return;
  for (const { employee, shift } of allShifts(index)) {
    model.colCost[shift.col] += w * preferencePoints(employee, shift.start, shift.localDate);
  }
}

/**
 * fairnessTerm, per role R with employees: hoursSpread = hmax - hmin with
 * hmin <= Σ_s paid(s)/maxHours(e)·x[e,s] <= hmax for every e of R (utilisation 0 when the maximum
 * is 0 or e has no candidate), and unpopularSpread = umax - umin with umin <= Σ_s unpop(s)·x[e,s]
 * <= umax; cost w.fairness·(hmax - hmin + umax - umin).
 */
export function fairnessTerm(model: MipModel, index: ModelIndex): void {
  const w = index.instance.weights.fairness;
  const roles: EmployeeRole[] = ['TECHNICIAN', 'PHARMACIST'];
  for (const role of roles) {
    const people = index.instance.employees.filter((employee) => employee.role === role);
    if (people.length === 0) continue;
    const hmax = addCol(model, varName('hmax', { role }), 0, Infinity, w);
    const hmin = addCol(model, varName('hmin', { role }), 0, Infinity, -w);
    const umax = addCol(model, varName('umax', { role }), 0, Infinity, w);
    const umin = addCol(model, varName('umin', { role }), 0, Infinity, -w);
    index.spreadCols.set(`${role}|hmax`, hmax);
    index.spreadCols.set(`${role}|hmin`, hmin);
    index.spreadCols.set(`${role}|umax`, umax);
    index.spreadCols.set(`${role}|umin`, umin);
    for (const employee of people) {
      const shifts = index.shifts.get(employee.id) ?? [];
      const maxHours = employee.contract.maxHoursPerWeek;
      if (shifts.length === 0 || maxHours <= 0) {
        model.colUpper[hmin] = 0;
        model.colUpper[umin] = 0;
        continue;
      }
      const cols = shifts.map((shift) => shift.col);
      const utilisation = shifts.map((shift) => shift.paidHours / maxHours);
      addRow(
        model,
        varName('hmax_def', { e: employee.id }),
        [hmax, ...cols],
        [1, ...utilisation.map((u) => -u)],
        'G',
        0,
      );
      addRow(
        model,
        varName('hmin_def', { e: employee.id }),
        [hmin, ...cols],
        [1, ...utilisation.map((u) => -u)],
        'L',
        0,
      );
      const unpopular = shifts.filter((shift) =>
        isUnpopularShift(index.instance, employee, shift.start, shift.end),
      );
      const ucols = unpopular.map((shift) => shift.col);
      if (ucols.length > 0)
        addRow(
          model,
          varName('umax_def', { e: employee.id }),
          [umax, ...ucols],
          [1, ...ucols.map(() => -1)],
          'G',
          0,
        );
      if (ucols.length === 0) model.colUpper[umin] = 0;
      else
        addRow(
          model,
          varName('umin_def', { e: employee.id }),
          [umin, ...ucols],
          [1, ...ucols.map(() => -1)],
          'L',
          0,
        );
    }
  }
}

/**
 * changesTerm: w.changes·(|prev| - Σ_{s ∈ prev} x[e,s] + Σ_{s ∉ prev} x[e,s]), shifts keyed by
 * (employee, start, end); previous shifts that are not candidates stay a constant 1 each.
 */
export function changesTerm(model: MipModel, index: ModelIndex): void {
  const previous = index.instance.previousRoster;
  const w = index.instance.weights.changes;
  if (!previous || w === 0) return;
  const before = new Set(previous.shifts.map(shiftKey));
  model.objectiveOffset += w * before.size;
  for (const { shift } of allShifts(index)) {
    model.colCost[shift.col] += before.has(shiftKey(shift)) ? -w : w;
  }
}
