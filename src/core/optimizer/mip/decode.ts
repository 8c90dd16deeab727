import { checkRoster } from '../../checker/check-roster.js';
import type { CheckResult } from '../../checker/types.js';
import type { PlanningInstance } from '../../model/instance.js';
import type { Allocation, Roster, Shift, SupervisionShare } from '../../model/roster.js';
import { assignSupervision } from '../../rules/supervision-assignment.js';
import { RosterVerificationError } from '../types.js';
import type { RosterModel } from './context.js';
import { toDense } from './sparse.js';

/**
 * The roster a model solution encodes: shifts with x > 0.5 (a pinned candidate keeps the pinned
 * shift's id and is marked `pinned`), allocations with y > 0.5, and supervision shares from the
 * exact max-flow `assignSupervision` (the z values when that finds a shortfall, which then the
 * checker reports). The roster is verified by `checkRoster`: any hard violation throws
 * RosterVerificationError, never returns.
 */
export function decodeRoster(
  instance: PlanningInstance,
  rosterModel: RosterModel,
  values: ReadonlyMap<string, number> | ArrayLike<number>,
  method = 'mip',
): { roster: Roster; check: CheckResult } {
  const { model, index } = rosterModel;
  const dense = values instanceof Map ? toDense(model, values) : (values as ArrayLike<number>);
  const shifts: Shift[] = [];
  for (const employee of index.employees) {
    for (const shift of index.shifts.get(employee.id) ?? []) {
      if (dense[shift.col] <= 0.5) continue;
      shifts.push({
        id: shift.pinnedId ?? `mip-${employee.id}-${shift.start}`,
        employeeId: employee.id,
        start: shift.start,
        end: shift.end,
        templateId: shift.templateId,
        ...(shift.pinnedId ? { pinned: true } : {}),
      });
    }
  }
  const allocations: Allocation[] = [];
  for (const [key, col] of index.yCol) {
    if (dense[col] <= 0.5) continue;
    const [employeeId, t, queueId, state] = key.split('|');
    allocations.push({ employeeId, intervalIndex: Number(t), queueId, state });
  }
  allocations.sort(
    (a, b) => a.intervalIndex - b.intervalIndex || a.employeeId.localeCompare(b.employeeId),
  );
  shifts.sort((a, b) => a.start - b.start || a.employeeId.localeCompare(b.employeeId));
  const partial: Roster = { shifts, allocations, supervision: [] };
  const assignment = assignSupervision(instance, partial);
  let supervision: SupervisionShare[] = assignment.supervision;
  if (assignment.shortfalls.length > 0) {
    supervision = [];
    for (const [key, col] of index.zCol) {
      if (dense[col] <= 1e-9) continue;
      const [employeeId, t, state] = key.split('|');
      supervision.push({
        employeeId,
        intervalIndex: Number(t),
        state,
        share: Math.min(1, dense[col]),
      });
    }
  }
  const roster: Roster = { shifts, allocations, supervision };
  const check = checkRoster(instance, roster);
  if (check.violations.length > 0) throw new RosterVerificationError(method, check.violations);
  return { roster, check };
}
