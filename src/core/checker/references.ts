import type { Employee } from '../model/employee.js';
import type { PlanningInstance } from '../model/instance.js';
import type { Allocation, Roster, Shift, SupervisionShare } from '../model/roster.js';
import { type TimeGrid, isValidIntervalIndex } from '../time/grid.js';
import { byId, violation } from './context.js';
import type { Violation, ViolationRule } from './types.js';

/**
 * Rule family: the roster must refer to things that exist. Every shift names a known employee and
 * template, lasts a positive time, and has a unique id; every allocation names a known technician
 * (ROLE_MISMATCH for a pharmacist), a known queue and a grid interval; every supervision share
 * names a known pharmacist (ROLE_MISMATCH for a technician), a grid interval, and 0 < share <= 1
 * (SUPERVISION_SHARE). Entries failing these are reported here and withheld from other rules.
 */
export interface ReferenceCheck {
  readonly violations: Violation[];
  readonly shifts: Shift[];
  readonly allocations: Allocation[];
  readonly supervision: SupervisionShare[];
}

/** What is wrong with a shift's references, as [rule, message], or null. */
function shiftProblem(
  shift: Shift,
  employees: Map<string, Employee>,
  templateIds: Set<string>,
): [ViolationRule, string] | null {
  if (!employees.has(shift.employeeId)) return ['UNKNOWN_REFERENCE', 'unknown employee'];
  if (!templateIds.has(shift.templateId)) {
    return ['UNKNOWN_REFERENCE', `unknown template ${shift.templateId}`];
  }
  const sane =
    Number.isFinite(shift.start) && Number.isFinite(shift.end) && shift.end > shift.start;
  return sane ? null : ['SHIFT_TEMPLATE', 'does not end after it starts'];
}

function checkShiftReferences(
  shifts: readonly Shift[],
  employees: Map<string, Employee>,
  templateIds: Set<string>,
  violations: Violation[],
): Shift[] {
  const kept: Shift[] = [];
  const seenIds = new Set<string>();
  for (const shift of shifts) {
    const where = { shiftId: shift.id };
    if (seenIds.has(shift.id)) {
      const message = `Shift id ${shift.id} is used twice`;
      violations.push(violation('DUPLICATE_ID', [shift.employeeId], message, where));
    }
    seenIds.add(shift.id);
    const problem = shiftProblem(shift, employees, templateIds);
    if (problem) {
      const [rule, message] = problem;
      violations.push(violation(rule, [shift.employeeId], `Shift ${shift.id}: ${message}`, where));
    } else {
      kept.push(shift);
    }
  }
  return kept;
}

function checkAllocationReferences(
  instance: PlanningInstance,
  allocations: readonly Allocation[],
  employees: Map<string, Employee>,
  isInterval: (index: number) => boolean,
  violations: Violation[],
): Allocation[] {
  const queueIds = new Set(instance.queues.map((queue) => queue.id));
  const kept: Allocation[] = [];
  for (const allocation of allocations) {
    const { employeeId, intervalIndex, queueId, state } = allocation;
    const employee = employees.get(employeeId);
    const problem = !employee
      ? 'unknown employee'
      : !queueIds.has(queueId)
        ? `unknown queue ${queueId}`
        : !isInterval(intervalIndex)
          ? `interval ${intervalIndex} is not in the week`
          : null;
    if (problem) {
      violations.push(
        violation('UNKNOWN_REFERENCE', [employeeId], `Allocation: ${problem}`, {
          state,
          intervalIndex,
        }),
      );
    } else if (employee!.role !== 'TECHNICIAN') {
      violations.push(
        violation('ROLE_MISMATCH', [employeeId], 'Only technicians are allocated to queues', {
          state,
          intervalIndex,
        }),
      );
    } else {
      kept.push(allocation);
    }
  }
  return kept;
}

function checkSupervisionReferences(
  shares: readonly SupervisionShare[],
  employees: Map<string, Employee>,
  isInterval: (index: number) => boolean,
  violations: Violation[],
): SupervisionShare[] {
  const kept: SupervisionShare[] = [];
  for (const entry of shares) {
    const { employeeId, intervalIndex, state } = entry;
    const employee = employees.get(employeeId);
    const where = { state, intervalIndex };
    if (!employee || !isInterval(intervalIndex)) {
      violations.push(
        violation(
          'UNKNOWN_REFERENCE',
          [employeeId],
          'Supervision: unknown employee or interval',
          where,
        ),
      );
    } else if (employee.role !== 'PHARMACIST') {
      violations.push(
        violation('ROLE_MISMATCH', [employeeId], 'Only pharmacists supervise', where),
      );
    } else if (!(entry.share > 0 && entry.share <= 1)) {
      violations.push(
        violation(
          'SUPERVISION_SHARE',
          [employeeId],
          `Share ${entry.share} is not in (0, 1]`,
          where,
        ),
      );
    } else {
      kept.push(entry);
    }
  }
  return kept;
}

export function checkReferences(
  instance: PlanningInstance,
  roster: Roster,
  grid: TimeGrid,
): ReferenceCheck {
  const violations: Violation[] = [];
  const employees = byId(instance.employees);
  const templateIds = new Set(instance.templates.map((template) => template.id));
  const isInterval = (index: number) => isValidIntervalIndex(grid, index);
  return {
    violations,
    shifts: checkShiftReferences(roster.shifts, employees, templateIds, violations),
    allocations: checkAllocationReferences(
      instance,
      roster.allocations,
      employees,
      isInterval,
      violations,
    ),
    supervision: checkSupervisionReferences(roster.supervision, employees, isInterval, violations),
  };
}
