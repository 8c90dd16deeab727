import type { Employee } from '../../../model/employee.js';
import type { DemandEntry } from '../../../model/instance.js';
import { technicianRefusals } from '../../../rules/eligibility.js';
import { type DemandCell, type ModelIndex } from '../context.js';
import { varName } from '../names.js';
import { type MipModel, addBinary, addCol, addRow } from '../sparse.js';
import { coverage, shiftsOf } from './columns.js';

/** Technicians' allocation families: who may work which (queue, state), and only while on duty. */
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
  const { grid } = index;
  const incumbent = incumbentAllocations(index);
  const cellsAt = allocationCells(index);
  const isEligible = eligibilityMemo(index);
  for (const technician of index.employees) {
    if (technician.role !== 'TECHNICIAN') continue;
    const free = new Uint8Array(grid.count);
    const fixed = new Uint8Array(grid.count);
    for (const shift of shiftsOf(index, technician.id)) {
      (shift.fixed ? fixed : free).fill(1, shift.first, shift.last);
    }
    for (let t = 0; t < grid.count; t += 1) {
      if (fixed[t]) {
        for (const { queueId, state } of incumbent.get(`${technician.id}|${t}`) ?? [])
          addAllocationColumn(model, index, technician.id, t, queueId, state, true);
        continue;
      }
      if (!free[t]) continue;
      const date = grid.intervalDates[t];
      for (const { queueId, state } of cellsAt(t)) {
        if (isEligible(technician, queueId, state, date))
          addAllocationColumn(model, index, technician.id, t, queueId, state, false);
      }
    }
  }
  for (const entry of index.instance.demand) {
    index.cells.get(`${entry.intervalIndex}|${entry.queueId}|${entry.state}`)?.entries.push(entry);
  }
}

interface QueueState {
  readonly queueId: string;
  readonly state: string;
}

/** y[e,t,q,S]: binary, or fixed to 1 where a neighbourhood keeps the incumbent's allocation. */
function addAllocationColumn(
  model: MipModel,
  index: ModelIndex,
  technicianId: string,
  t: number,
  queueId: string,
  state: string,
  fixed: boolean,
): void {
  const cell = cellOf(index, t, queueId, state);
  const name = varName('y', { e: technicianId, t, q: queueId, S: state });
  const col = fixed ? addCol(model, name, 1, 1, 0, true) : addBinary(model, name);
  cell.cols.push(col);
  cell.technicianIds.push(technicianId);
  index.yCol.set(`${technicianId}|${t}|${queueId}|${state}`, col);
}

/** A neighbourhood's incumbent allocations by `employee|interval`. */
function incumbentAllocations(index: ModelIndex): Map<string, QueueState[]> {
  const byKey = new Map<string, QueueState[]>();
  for (const allocation of index.options.neighbourhood?.incumbent.allocations ?? []) {
    const key = `${allocation.employeeId}|${allocation.intervalIndex}`;
    const list = byKey.get(key) ?? [];
    list.push(allocation);
    byKey.set(key, list);
  }
  return byKey;
}

/** `technicianRefusals(...)` is empty, memoised per (technician, queue, state, date). */
function eligibilityMemo(
  index: ModelIndex,
): (technician: Employee, queueId: string, state: string, date: string) => boolean {
  const { rules, queues } = index;
  const eligible = new Map<string, boolean>();
  return (technician, queueId, state, date) => {
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
}

/**
 * (queue, state) cells per interval, memoised: those with useful demand, plus — where the state's
 * rule has a tier with a certified minimum, so that an extra certified technician can LOWER the
 * supervision needed — every queue serving that state (allocations there only cost overstaffing).
 */
function allocationCells(index: ModelIndex): (t: number) => QueueState[] {
  const { instance, grid, rules, queues } = index;
  const byInterval = new Map<number, DemandEntry[]>();
  for (const entry of instance.demand) {
    if (!isUseful(entry)) continue;
    const list = byInterval.get(entry.intervalIndex) ?? [];
    list.push(entry);
    byInterval.set(entry.intervalIndex, list);
  }
  const memo = new Map<number, QueueState[]>();
  return (t) => {
    let cells = memo.get(t);
    if (cells) return cells;
    const keys = new Map<string, QueueState>();
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
    memo.set(t, cells);
    return cells;
  };
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
