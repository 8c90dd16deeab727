import type { Employee } from '../../model/employee.js';
import type { DemandEntry } from '../../model/instance.js';
import { isCertified } from '../../rules/credentials.js';
import { supervisionRefusal, technicianRefusals } from '../../rules/eligibility.js';
import { countsTowardRatio } from '../../rules/supervision.js';
import { HOUR_MS } from '../../time/dates.js';
import type { CandidateShift } from '../../time/shift-times.js';
import {
  type DemandCell,
  type ModelIndex,
  type ModelShift,
  type SupervisedCell,
  candidateOf,
  coveredIntervals,
  modelCandidates,
  shiftKey,
} from './context.js';
import { varName } from './names.js';
import { type MipModel, addBinary, addCol, addRow } from './sparse.js';

/**
 * The hard-rule constraint families, one function each. Notation: x[e,s] ∈ {0,1} employee e works
 * candidate shift s; paid(s) its paid hours; day(s) its employee-local date; y[e,t,q,S] ∈ {0,1}
 * technician e works queue q for state S in interval t; z[p,t,S] ∈ [0,1] pharmacist p's share of
 * supervision for S in t. docs/optimizer.md states each family with the same names.
 */

/** x columns of one employee, in candidate order. */
/** A ratio cell's counted columns, grouped by the technician they belong to. */
function countedColumnsByTechnician(cell: SupervisedCell): Map<string, number[]> {
  const byTechnician = new Map<string, number[]>();
  cell.countedCols.forEach((col, k) => {
    const technicianId = cell.countedTechnicians[k];
    const cols = byTechnician.get(technicianId);
    if (cols) cols.push(col);
    else byTechnician.set(technicianId, [col]);
  });
  return byTechnician;
}

function shiftsOf(index: ModelIndex, employeeId: string): ModelShift[] {
  return index.shifts.get(employeeId) ?? [];
}

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

/** Demand entries that make staffing worth anything: required > 0 or a non-zero marginal value. */
function isUseful(entry: DemandEntry): boolean {
  return entry.required > 0 || (entry.marginalValues ?? []).some((value) => value !== 0);
}

function cellOf(
  index: ModelIndex,
  intervalIndex: number,
  queueId: string,
  state: string,
): DemandCell {
  const key = `${intervalIndex}|${queueId}|${state}`;
  let cell = index.cells.get(key);
  if (!cell) {
    cell = { key, intervalIndex, queueId, state, entries: [], cols: [], technicianIds: [] };
    index.cells.set(key, cell);
  }
  return cell;
}

/**
 * licenceAndRemoteEligibility (by variable generation): y[e,t,q,S] exists only for a technician e
 * on a candidate covering t, a demand entry (t, q, S) worth staffing, q in e's skills, q serving S,
 * the licence/registration where q requires it, a rule set in force for S on t's date, and the
 * remote-task rule when e is remote (`technicianRefusals` empty). Allocations to a (q, S) without
 * useful demand only add overstaffing and never lower the supervision needed, unless S's rule has
 * a tier with a certified minimum: for such S every queue serving S gets y wherever S has useful
 * demand in t. So leaving the others out loses no optimal roster. Where a neighbourhood fixes a
 * shift, its intervals carry exactly the incumbent's allocations (fixed to 1). Creates y.
 */
export function licenceAndRemoteEligibility(model: MipModel, index: ModelIndex): void {
  const { instance, grid, rules, queues } = index;
  const byInterval = new Map<number, DemandEntry[]>();
  for (const entry of instance.demand) {
    if (!isUseful(entry)) continue;
    const list = byInterval.get(entry.intervalIndex) ?? [];
    list.push(entry);
    byInterval.set(entry.intervalIndex, list);
  }
  const incumbentAllocations = new Map<string, { queueId: string; state: string }[]>();
  for (const allocation of index.options.neighbourhood?.incumbent.allocations ?? []) {
    const key = `${allocation.employeeId}|${allocation.intervalIndex}`;
    const list = incumbentAllocations.get(key) ?? [];
    list.push(allocation);
    incumbentAllocations.set(key, list);
  }
  const eligible = new Map<string, boolean>();
  const isEligible = (technician: Employee, queueId: string, state: string, date: string) => {
    const key = `${technician.id}|${queueId}|${state}|${date}`;
    let answer = eligible.get(key);
    if (answer === undefined) {
      const queue = queues.get(queueId);
      answer =
        queue !== undefined &&
        technicianRefusals(technician, queue, state, date, rules.inForce(state, date)).length === 0;
      eligible.set(key, answer);
    }
    return answer;
  };
  // (queue, state) cells per interval: those with useful demand, plus — where the state's rule has
  // a tier with a certified minimum, so that an extra certified technician can LOWER the
  // supervision needed — every queue serving that state (allocations there only cost overstaffing).
  const cellsMemo = new Map<number, { queueId: string; state: string }[]>();
  const cellsAt = (t: number) => {
    let cells = cellsMemo.get(t);
    if (cells) return cells;
    const keys = new Map<string, { queueId: string; state: string }>();
    for (const entry of byInterval.get(t) ?? []) {
      keys.set(`${entry.queueId}|${entry.state}`, { queueId: entry.queueId, state: entry.state });
    }
    const date = grid.intervalDates[t];
    for (const state of new Set([...keys.values()].map((cell) => cell.state))) {
      const rule = rules.inForce(state, date)?.supervision;
      if (rule?.kind !== 'RATIO' || !rule.tiers.some((tier) => tier.minCertifiedTechnicians > 0))
        continue;
      for (const queue of queues.values()) {
        if (queue.states.includes(state))
          keys.set(`${queue.id}|${state}`, { queueId: queue.id, state });
      }
    }
    cells = [...keys.values()];
    cellsMemo.set(t, cells);
    return cells;
  };
  for (const technician of index.employees) {
    if (technician.role !== 'TECHNICIAN') continue;
    const free = new Uint8Array(grid.count);
    const fixed = new Uint8Array(grid.count);
    for (const shift of shiftsOf(index, technician.id)) {
      (shift.fixed ? fixed : free).fill(1, shift.first, shift.last);
    }
    for (let t = 0; t < grid.count; t += 1) {
      if (fixed[t]) {
        for (const { queueId, state } of incumbentAllocations.get(`${technician.id}|${t}`) ?? []) {
          const cell = cellOf(index, t, queueId, state);
          const col = addCol(
            model,
            varName('y', { e: technician.id, t, q: queueId, S: state }),
            1,
            1,
            0,
            true,
          );
          cell.cols.push(col);
          cell.technicianIds.push(technician.id);
          index.yCol.set(`${technician.id}|${t}|${queueId}|${state}`, col);
        }
        continue;
      }
      if (!free[t]) continue;
      const date = grid.intervalDates[t];
      for (const { queueId, state } of cellsAt(t)) {
        if (!isEligible(technician, queueId, state, date)) continue;
        const cell = cellOf(index, t, queueId, state);
        const col = addBinary(model, varName('y', { e: technician.id, t, q: queueId, S: state }));
        cell.cols.push(col);
        cell.technicianIds.push(technician.id);
        index.yCol.set(`${technician.id}|${t}|${queueId}|${state}`, col);
      }
    }
  }
  for (const entry of instance.demand) {
    index.cells.get(`${entry.intervalIndex}|${entry.queueId}|${entry.state}`)?.entries.push(entry);
  }
}

/** Columns of x covering interval t, per employee (built once). */
function coverage(index: ModelIndex, employeeId: string): Map<number, number[]> {
  const cover = new Map<number, number[]>();
  for (const shift of shiftsOf(index, employeeId)) {
    for (let t = shift.first; t < shift.last; t += 1) {
      const list = cover.get(t) ?? [];
      list.push(shift.col);
      cover.set(t, list);
    }
  }
  return cover;
}

/**
 * allocationWithinShift: Σ_{q,S} y[e,t,q,S] <= Σ_{s ∋ t} x[e,s] for every technician e and
 * interval t: one allocation per interval, and only in intervals wholly inside a worked shift.
 */
export function allocationWithinShift(model: MipModel, index: ModelIndex): void {
  const byEmployeeInterval = new Map<string, number[]>();
  for (const [key, col] of index.yCol) {
    const [employeeId, t] = key.split('|');
    const k = `${employeeId}|${t}`;
    const list = byEmployeeInterval.get(k) ?? [];
    list.push(col);
    byEmployeeInterval.set(k, list);
  }
  const covers = new Map<string, Map<number, number[]>>();
  for (const [key, cols] of byEmployeeInterval) {
    const [employeeId, tText] = key.split('|');
    const t = Number(tText);
    let cover = covers.get(employeeId);
    if (!cover) {
      cover = coverage(index, employeeId);
      covers.set(employeeId, cover);
    }
    const xs = cover.get(t) ?? [];
    addRow(
      model,
      varName('alloc_in_shift', { e: employeeId, t }),
      [...cols, ...xs],
      [...cols.map(() => 1), ...xs.map(() => -1)],
      'L',
      0,
    );
  }
}

/**
 * supervisionShareCapacity: z[p,t,S] exists for pharmacists p on a candidate covering t who may
 * supervise S on t's date (`supervisionRefusal` null), for the supervised (t, S): states with a
 * RATIO rule in force and at least one counted y. Σ_S z[p,t,S] <= Σ_{s ∋ t} x[p,s] (on duty, and
 * shares sum to at most 1). Creates the supervised cells and z.
 */
export function supervisionShareCapacity(model: MipModel, index: ModelIndex): void {
  const { grid, rules } = index;
  const technicians = new Map(index.employees.map((employee) => [employee.id, employee]));
  for (const cell of index.cells.values()) {
    const date = grid.intervalDates[cell.intervalIndex];
    const ruleSet = rules.inForce(cell.state, date);
    if (!ruleSet || ruleSet.supervision.kind !== 'RATIO') continue;
    const key = `${cell.intervalIndex}|${cell.state}`;
    let supervised = index.supervised.get(key);
    cell.cols.forEach((col, k) => {
      const technician = technicians.get(cell.technicianIds[k])!;
      if (!countsTowardRatio(ruleSet, technician)) return;
      if (!supervised) {
        supervised = {
          key,
          intervalIndex: cell.intervalIndex,
          state: cell.state,
          rule: ruleSet.supervision as SupervisedCell['rule'],
          countedCols: [],
          countedTechnicians: [],
          certifiedCols: [],
          zCols: [],
          pharmacistIds: [],
          tiers: [],
          anyTechnician: -1,
        };
        index.supervised.set(key, supervised);
      }
      supervised.countedCols.push(col);
      supervised.countedTechnicians.push(technician.id);
      if (isCertified(technician, date)) supervised.certifiedCols.push(col);
    });
  }
  const byInterval = new Map<number, SupervisedCell[]>();
  for (const cell of index.supervised.values()) {
    const list = byInterval.get(cell.intervalIndex) ?? [];
    list.push(cell);
    byInterval.set(cell.intervalIndex, list);
  }
  for (const pharmacist of index.employees) {
    if (pharmacist.role !== 'PHARMACIST') continue;
    const cover = coverage(index, pharmacist.id);
    for (const [t, xs] of cover) {
      const date = grid.intervalDates[t];
      const zs: number[] = [];
      for (const cell of byInterval.get(t) ?? []) {
        if (
          supervisionRefusal(pharmacist, cell.state, date, rules.inForce(cell.state, date)) !== null
        )
          continue;
        const col = addCol(model, varName('z', { p: pharmacist.id, t, S: cell.state }), 0, 1);
        cell.zCols.push(col);
        cell.pharmacistIds.push(pharmacist.id);
        index.zCol.set(`${pharmacist.id}|${t}|${cell.state}`, col);
        zs.push(col);
      }
      if (zs.length === 0) continue;
      addRow(
        model,
        varName('share_capacity', { p: pharmacist.id, t }),
        [...zs, ...xs],
        [...zs.map(() => 1), ...xs.map(() => -1)],
        'L',
        0,
      );
    }
  }
}

/**
 * supervisionRatio, per supervised (t, S) with T = Σ counted y, C = Σ counted certified y,
 * U = T - C, P = Σ_p z[p,t,S]. The checker's rule: compliant iff for some tier k there is p with
 * p <= P, cap_k(p) >= T, U <= maxU·p, m_k·p <= C (cap_k(p) = f·p for p <= 1, f + a·(p-1) beyond).
 *
 * 'exact' (used to build rosters): a column p_k per tier (p_k = P itself when the rule has one tier
 * without certified minimum), Σ_k p_k <= P; with several tiers a binary τ_k selects one
 * (Σ τ_k = 1, p_k <= Pmax·τ_k, the tier's rows relaxed by M·(1 - τ_k) with M = Tmax (+a)).
 * Capacity when a <= f (concave): T <= f·p_k and T <= a·p_k + f - a (exact). When a > f (convex,
 * CA: 1 then 2): with b = [T >= 1] (Σ_q y[e,t,q,S] <= b per technician), a·p_k >= T + (a - f)·b
 * (the same integer set as T - f + a·b, tighter when b is fractional), exact for f <= 1 (all
 * samples), conservative for f > 1 (requires 1 + (T-f)/a instead of T/f for 1 <= T < f).
 * Uncertified: T - C <= maxU·p_k. Certified minimum: m_k·p_k <= C. Never optimistic.
 *
 * 'relaxed' (used for bounds when 'exact' is not a relaxation): T <= F·P with F = max_k max(f_k,
 * a_k) (cap_k(p) <= F·p for all p >= 0) and T - C <= maxU·P: implied by every tier, so every
 * checker-feasible allocation satisfies it.
 */
export function supervisionRatio(model: MipModel, index: ModelIndex): void {
  for (const cell of index.supervised.values()) {
    const T = cell.countedCols;
    const C = cell.certifiedCols;
    const Z = cell.zCols;
    const { rule } = cell;
    const keys = { t: cell.intervalIndex, S: cell.state };
    const tMax = T.length;
    const pMax = Z.length;
    const ones = (cols: number[], coef = 1) => cols.map(() => coef);
    if (pMax === 0) {
      addRow(model, varName('ratio_no_supervisor', keys), T, ones(T), 'L', 0);
      continue;
    }
    const uncertifiedCoefs = () => [...ones(T), ...ones(C, -1)];
    if (index.supervisionMode === 'relaxed') {
      const F = Math.max(
        ...rule.tiers.map((tier) => Math.max(tier.firstPharmacist, tier.eachAdditionalPharmacist)),
      );
      addRow(
        model,
        varName('ratio_relaxed_cap', keys),
        [...T, ...Z],
        [...ones(T), ...ones(Z, -F)],
        'L',
        0,
      );
      if (rule.maxUncertifiedPerPharmacist !== null) {
        addRow(
          model,
          varName('ratio_relaxed_uncert', keys),
          [...T, ...C, ...Z],
          [...uncertifiedCoefs(), ...ones(Z, -rule.maxUncertifiedPerPharmacist)],
          'L',
          0,
        );
      }
      continue;
    }
    const several = rule.tiers.length > 1;
    const needP = several || rule.tiers.some((tier) => tier.minCertifiedTechnicians > 0);
    if (rule.tiers.some((tier) => tier.eachAdditionalPharmacist > tier.firstPharmacist)) {
      // b >= every technician's allocation (not just T <= Tmax·b): much stronger in the LP.
      const b = addBinary(model, varName('any', keys));
      cell.anyTechnician = b;
      for (const [technicianId, cols] of countedColumnsByTechnician(cell)) {
        addRow(
          model,
          varName('ratio_any', { ...keys, e: technicianId }),
          [...cols, b],
          [...ones(cols), -1],
          'L',
          0,
        );
      }
    }
    const pCols: number[] = [];
    const selects: number[] = [];
    rule.tiers.forEach((tier, k) => {
      const p = needP ? addCol(model, varName('p', { ...keys, k }), 0, pMax) : -1;
      const select = several ? addBinary(model, varName('tier', { ...keys, k })) : -1;
      cell.tiers.push({ tier, p, select });
      if (p >= 0) pCols.push(p);
      if (select >= 0) {
        selects.push(select);
        addRow(model, varName('ratio_tier_use', { ...keys, k }), [p, select], [1, -pMax], 'L', 0);
      }
      // p-expression: either the column p_k or Σ z.
      const pc = p >= 0 ? [p] : Z;
      const f = tier.firstPharmacist;
      const a = tier.eachAdditionalPharmacist;
      /** Adds `lhs <= rhs`, relaxed by M·(1 - τ_k) when a selector exists. */
      const guarded = (name: string, cols: number[], coefs: number[], rhs: number, M: number) => {
        if (select >= 0)
          addRow(
            model,
            varName(name, { ...keys, k }),
            [...cols, select],
            [...coefs, M],
            'L',
            rhs + M,
          );
        else addRow(model, varName(name, { ...keys, k }), cols, coefs, 'L', rhs);
      };
      if (a <= f) {
        guarded('ratio_cap', [...T, ...pc], [...ones(T), ...ones(pc, -f)], 0, tMax);
        if (a < f)
          guarded('ratio_cap_more', [...T, ...pc], [...ones(T), ...ones(pc, -a)], f - a, tMax);
      } else {
        guarded(
          'ratio_cap_convex',
          [...T, cell.anyTechnician, ...pc],
          [...ones(T), a - f, ...ones(pc, -a)],
          0,
          tMax + a,
        );
      }
      if (rule.maxUncertifiedPerPharmacist !== null) {
        guarded(
          'ratio_uncertified',
          [...T, ...C, ...pc],
          [...uncertifiedCoefs(), ...ones(pc, -rule.maxUncertifiedPerPharmacist)],
          0,
          tMax,
        );
      }
      if (tier.minCertifiedTechnicians > 0 && p >= 0) {
        addRow(
          model,
          varName('ratio_certified', { ...keys, k }),
          [p, ...C],
          [tier.minCertifiedTechnicians, ...ones(C, -1)],
          'L',
          0,
        );
      }
    });
    if (pCols.length > 0) {
      addRow(
        model,
        varName('ratio_share_sum', keys),
        [...pCols, ...Z],
        [...ones(pCols), ...ones(Z, -1)],
        'L',
        0,
      );
    }
    if (selects.length > 0)
      addRow(model, varName('ratio_one_tier', keys), selects, ones(selects), 'E', 1);
  }
}

/**
 * Up to this many employees in the model, supervisorPresence rows repeat the sum N itself (the
 * small MIP proves faster that way, measured); beyond, N is one column with a definition row
 * (medium: 0.61 M instead of 2.1 M non-zeros).
 */
export const PRESENCE_DIRECT_MAX_EMPLOYEES = 40;

/**
 * supervisorPresence (valid inequalities, after the objective terms): in a supervised (t, S) a
 * counted technician may work only while at least one pharmacist who may supervise S is on duty,
 * N = Σ_{p ∈ Z(t,S)} Σ_{s ∋ t} x[p,s] (an integer in every roster):
 *   Σ_q y[e,t,q,S] <= N     for every counted technician e;
 *   short_j + r_j·N >= r_j   for every demand entry j of (t, ·, S) whose technicians all count;
 *   u_{j,k} <= N             for every lost-service increment of such an entry.
 * With N = 0 the technicians' allocation is 0, so shortage is the whole requirement and no
 * increment is staffed; with N >= 1 the rows are slack. Exactly the same integer solutions; a
 * much tighter LP where pharmacists' shifts are fractional. For convex tiers the same rows are
 * also written with b = any[t,S] in place of N (b >= every technician's allocation).
 */
export function supervisorPresence(model: MipModel, index: ModelIndex): void {
  const covers = new Map<string, Map<number, number[]>>();
  const coverOf = (id: string) => {
    let cover = covers.get(id);
    if (!cover) {
      cover = coverage(index, id);
      covers.set(id, cover);
    }
    return cover;
  };
  const direct = index.employees.length <= PRESENCE_DIRECT_MAX_EMPLOYEES;
  const entriesByCell = new Map<string, typeof index.entryCols>();
  for (const cols of index.entryCols) {
    const key = `${cols.entry.intervalIndex}|${cols.entry.state}`;
    const list = entriesByCell.get(key) ?? [];
    list.push(cols);
    entriesByCell.set(key, list);
  }
  for (const cell of index.supervised.values()) {
    if (cell.zCols.length === 0) continue;
    const t = cell.intervalIndex;
    const keys = { t, S: cell.state };
    const onDuty = [...new Set(cell.pharmacistIds)].flatMap((id) => coverOf(id).get(t) ?? []);
    // In large models the sum goes through one column N (a definition row), not repeated per row.
    let xs = onDuty;
    if (!direct && onDuty.length > 1) {
      const n = addCol(model, varName('sup_on', keys), 0, onDuty.length);
      addRow(
        model,
        varName('sup_on_def', keys),
        [n, ...onDuty],
        [1, ...onDuty.map(() => -1)],
        'E',
        0,
      );
      index.onDutyCols.push({ col: n, shifts: onDuty });
      xs = [n];
    }
    for (const [technicianId, cols] of countedColumnsByTechnician(cell)) {
      addRow(
        model,
        varName('sup_present', { ...keys, e: technicianId }),
        [...cols, ...xs],
        [...cols.map(() => 1), ...xs.map(() => -1)],
        'L',
        0,
      );
    }
    const counted = new Set(cell.countedCols);
    for (const entry of entriesByCell.get(`${t}|${cell.state}`) ?? []) {
      if (!entry.cell.cols.every((col) => counted.has(col))) continue;
      const r = entry.entry.required;
      const gates = cell.anyTechnician >= 0 ? [xs, [cell.anyTechnician]] : [xs];
      gates.forEach((gate, g) => {
        const k = { ...keys, q: entry.entry.queueId, g };
        if (r > 0)
          addRow(
            model,
            varName('sup_short', k),
            [entry.shortage, ...gate],
            [1, ...gate.map(() => r)],
            'G',
            r,
          );
        entry.increments.forEach((u, n) =>
          addRow(
            model,
            varName('sup_lost', { ...k, n }),
            [u, ...gate],
            [1, ...gate.map(() => -1)],
            'L',
            0,
          ),
        );
      });
    }
  }
}
