import { checkRoster } from '../../checker/check-roster.js';
import type { PlanningInstance } from '../../model/instance.js';
import type { InfeasibilityReport } from '../types.js';
import { HighsSolver } from './highs-adapter.js';
import { buildRosterModel } from './model.js';

type Conflict = InfeasibilityReport['conflicts'][number];

/**
 * Why no roster satisfies the hard rules. Allocations and supervision are optional (an on-duty
 * technician may stay idle), so only shift rules can make an instance infeasible, and they are
 * separable per employee. Hence, by direct reasoning:
 * 1. the pinned shifts alone are checked by the checker: every shift-level violation among them
 *    (availability, time off, template, employment dates, rest, one per day, daily/weekly maxima,
 *    consecutive days) is a conflict with PINNED_SHIFT;
 * 2. per employee with a weekly minimum, a tiny shifts-only MIP maximises paid hours under
 *    availability, rest, one shift per day, daily maximum and consecutive days (pins fixed, then
 *    free): if the maximum is below the minimum, the conflict names MIN_HOURS_PER_WEEK and the
 *    binding family (PINNED_SHIFT when the pins are what prevents it, AVAILABILITY/TIME_OFF when even
 *    the best shift of every day does not reach it, otherwise MIN_REST/MAX_CONSECUTIVE_DAYS/
 *    ONE_SHIFT_PER_DAY).
 * A technician's pinned shift in a state without an eligible pharmacist is not infeasible: the
 * technician is simply not allocated there (it shows up as shortage).
 */
export async function analyseInfeasibility(
  instance: PlanningInstance,
): Promise<InfeasibilityReport> {
  const conflicts: Conflict[] = [];
  const pinnedRoster = {
    shifts: instance.pinnedShifts.map((shift, k) => ({ ...shift, id: `${shift.id}#${k}` })),
    allocations: [],
    supervision: [],
  };
  const blamed = new Set<string>();
  for (const violation of checkRoster(instance, pinnedRoster).violations) {
    if (violation.rule === 'MIN_HOURS_PER_WEEK') continue;
    violation.employeeIds.forEach((id) => blamed.add(id));
    conflicts.push({
      rules: ['PINNED_SHIFT', violation.rule],
      employeeIds: violation.employeeIds,
      message: `Pinned shifts break ${violation.rule}: ${violation.message}`,
    });
  }
  const solver = new HighsSolver();
  for (const employee of instance.employees) {
    if (blamed.has(employee.id)) continue;
    const minimum = employee.contract.minHoursPerWeek;
    if (minimum <= 0) continue;
    const best = async (withPins: boolean): Promise<number> => {
      const { model, index } = buildRosterModel(instance, {
        shiftsOnly: true,
        employeeIds: new Set([employee.id]),
      });
      model.rowNames.forEach((name, row) => {
        if (name.startsWith('min_week_hours[')) model.rowRhs[row] = 0;
      });
      model.colLower.forEach((_, col) => {
        if (!withPins) model.colLower[col] = 0;
      });
      for (const shift of index.shifts.get(employee.id) ?? [])
        model.colCost[shift.col] = -shift.paidHours;
      const result = await solver.solve(model, { timeLimitSeconds: 10, mipRelGap: 0 });
      return result.objective === null ? -Infinity : -result.objective;
    };
    const withPins = await best(true);
    if (withPins >= minimum - 1e-9) continue;
    const free = await best(false);
    let rules: string[];
    if (free >= minimum - 1e-9) {
      rules = ['MIN_HOURS_PER_WEEK', 'PINNED_SHIFT'];
    } else {
      const { index } = buildRosterModel(instance, {
        shiftsOnly: true,
        employeeIds: new Set([employee.id]),
      });
      const perDay = new Map<string, number>();
      for (const shift of index.shifts.get(employee.id) ?? []) {
        perDay.set(shift.localDate, Math.max(perDay.get(shift.localDate) ?? 0, shift.paidHours));
      }
      const dayTotal = [...perDay.values()].reduce((sum, hours) => sum + hours, 0);
      rules =
        dayTotal < minimum - 1e-9
          ? ['MIN_HOURS_PER_WEEK', 'AVAILABILITY', 'TIME_OFF', 'MAX_HOURS_PER_DAY']
          : ['MIN_HOURS_PER_WEEK', 'MIN_REST', 'MAX_CONSECUTIVE_DAYS', 'ONE_SHIFT_PER_DAY'];
    }
    const reach = Number.isFinite(withPins) ? `at most ${withPins}` : 'no combination of shifts';
    conflicts.push({
      rules,
      employeeIds: [employee.id],
      message: `${employee.id} needs ${minimum} paid hours but ${reach} fit (${rules.slice(1).join(', ')})`,
    });
  }
  return { conflicts };
}
