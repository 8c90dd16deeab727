import type { Employee, EmployeeRole } from '../../model/employee.js';
import type { Roster } from '../../model/roster.js';
import { requiredPharmacistEquivalents } from '../../rules/supervision.js';
import { type ModelIndex, type RosterModel, type SupervisedCell, shiftKey } from './context.js';
import { isUnpopularShift } from './objective.js';
import { numCols } from './sparse.js';

/**
 * Model values for a roster: x, y and z from its shifts, allocations and shares, and every
 * auxiliary column (slacks, tiers, spreads, overtime) at its tightest value, so the model
 * objective equals the checker's weightedTotal. `missing` lists roster parts the model cannot
 * represent (a shift that is not a candidate, an allocation without a y column): empty for a
 * checker-clean roster of an unrestricted model except allocations without useful demand.
 * Used for MIP starts (warm start from an incumbent) and to test the model against the checker.
 */
export function encodeRoster(
  rosterModel: RosterModel,
  roster: Roster,
): { values: Float64Array; missing: string[] } {
  const { model, index } = rosterModel;
  const values = new Float64Array(numCols(model));
  const missing: string[] = [];
  const employees = new Map(index.instance.employees.map((employee) => [employee.id, employee]));
  const worked = encodeShifts(index, employees, roster, values, missing);
  for (const allocation of roster.allocations) {
    const col = index.yCol.get(
      `${allocation.employeeId}|${allocation.intervalIndex}|${allocation.queueId}|${allocation.state}`,
    );
    if (col === undefined)
      missing.push(`allocation ${allocation.employeeId}@${allocation.intervalIndex}`);
    else values[col] = 1;
  }
  for (const share of roster.supervision) {
    const col = index.zCol.get(`${share.employeeId}|${share.intervalIndex}|${share.state}`);
    if (col !== undefined) values[col] = share.share;
  }
  const sum = (cols: readonly number[]) => cols.reduce((total, col) => total + values[col], 0);
  for (const { col, shifts } of index.onDutyCols) values[col] = sum(shifts);
  for (const cell of index.supervised.values()) encodeRatioCell(cell, values, sum);
  for (const cols of index.entryCols) {
    const n = Math.round(sum(cols.cell.cols));
    values[cols.shortage] = Math.max(0, cols.entry.required - n);
    values[cols.over] = Math.max(0, n - cols.entry.required);
    cols.increments.forEach((col, k) => {
      values[col] = k < n ? 1 : 0;
    });
    if (cols.beyond >= 0) values[cols.beyond] = Math.max(0, n - cols.increments.length);
  }
  for (const [employeeId, col] of index.overtimeCol) {
    const threshold = employees.get(employeeId)!.contract.overtimeThresholdHours;
    values[col] = Math.max(0, (worked.hours.get(employeeId) ?? 0) - threshold);
  }
  encodeSpreads(index, worked, values);
  return { values, missing };
}

/** Paid hours and unpopular shifts per employee id. */
interface Worked {
  readonly hours: Map<string, number>;
  readonly unpopular: Map<string, number>;
}

/** x = 1 for each shift's candidate (same template first); shifts without one are `missing`. */
function encodeShifts(
  index: ModelIndex,
  employees: ReadonlyMap<string, Employee>,
  roster: Roster,
  values: Float64Array,
  missing: string[],
): Worked {
  const hours = new Map<string, number>();
  const unpopular = new Map<string, number>();
  for (const shift of roster.shifts) {
    const candidates = index.shifts.get(shift.employeeId) ?? [];
    const match =
      candidates.find(
        (c) => shiftKey(c) === shiftKey(shift) && c.templateId === shift.templateId,
      ) ?? candidates.find((c) => shiftKey(c) === shiftKey(shift));
    if (!match) {
      missing.push(`shift ${shift.id}`);
      continue;
    }
    values[match.col] = 1;
    hours.set(shift.employeeId, (hours.get(shift.employeeId) ?? 0) + match.paidHours);
    const employee = employees.get(shift.employeeId)!;
    if (isUnpopularShift(index.instance, employee, shift.start, shift.end)) {
      unpopular.set(shift.employeeId, (unpopular.get(shift.employeeId) ?? 0) + 1);
    }
  }
  return { hours, unpopular };
}

/** A ratio cell's b, and the tier the checker would use (least required p) with its p. */
function encodeRatioCell(
  cell: SupervisedCell,
  values: Float64Array,
  sum: (cols: readonly number[]) => number,
): void {
  const T = Math.round(sum(cell.countedCols));
  const C = Math.round(sum(cell.certifiedCols));
  if (cell.anyTechnician >= 0) values[cell.anyTechnician] = T >= 1 ? 1 : 0;
  if (cell.tiers.length === 0 || cell.tiers.every((tier) => tier.p < 0)) return;
  let best = -1;
  let bestP = Infinity;
  cell.tiers.forEach(({ tier }, k) => {
    const single = { ...cell.rule, tiers: [tier] };
    const p = requiredPharmacistEquivalents(single, { technicians: T, certified: C });
    if (p < bestP) [best, bestP] = [k, p];
  });
  if (best < 0) return;
  const chosen = cell.tiers[best];
  if (chosen.select >= 0) values[chosen.select] = 1;
  if (chosen.p >= 0) values[chosen.p] = T === 0 ? 0 : bestP;
}

/** Per role, the spreads of utilisation (hours / maximum) and of unpopular shifts. */
function encodeSpreads(index: ModelIndex, worked: Worked, values: Float64Array): void {
  const roles: EmployeeRole[] = ['TECHNICIAN', 'PHARMACIST'];
  for (const role of roles) {
    const people = index.instance.employees.filter((employee) => employee.role === role);
    if (people.length === 0 || !index.spreadCols.has(`${role}|hmax`)) continue;
    const utilisation = people.map((employee) =>
      employee.contract.maxHoursPerWeek > 0
        ? (worked.hours.get(employee.id) ?? 0) / employee.contract.maxHoursPerWeek
        : 0,
    );
    const unpopular = people.map((employee) => worked.unpopular.get(employee.id) ?? 0);
    values[index.spreadCols.get(`${role}|hmax`)!] = Math.max(...utilisation);
    values[index.spreadCols.get(`${role}|hmin`)!] = Math.min(...utilisation);
    values[index.spreadCols.get(`${role}|umax`)!] = Math.max(...unpopular);
    values[index.spreadCols.get(`${role}|umin`)!] = Math.min(...unpopular);
  }
}
