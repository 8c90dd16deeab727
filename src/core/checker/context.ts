import type { Employee } from '../model/employee.js';
import type { PlanningInstance, Queue, ShiftTemplate } from '../model/instance.js';
import type { Allocation, Shift, SupervisionShare } from '../model/roster.js';
import { RuleSetLookup } from '../rules/rule-sets.js';
import { type TimeGrid, intervalsWithin } from '../time/grid.js';
import { localDateOf } from '../time/zones.js';
import type { Violation, ViolationRule } from './types.js';

/**
 * What every rule family needs, indexed once. Only well-formed roster entries are kept (known
 * employee, template, queue and interval; the right role; a sane share): the reference checks
 * report the others, and the rule families never see them.
 */
export interface CheckContext {
  readonly instance: PlanningInstance;
  readonly grid: TimeGrid;
  readonly employees: ReadonlyMap<string, Employee>;
  readonly queues: ReadonlyMap<string, Queue>;
  readonly templates: ReadonlyMap<string, ShiftTemplate>;
  readonly rules: RuleSetLookup;
  /** Shifts with a known employee and template and `end > start`, sorted by start. */
  readonly shifts: readonly CheckedShift[];
  readonly shiftsByEmployee: ReadonlyMap<string, readonly CheckedShift[]>;
  /** Allocations of known technicians to known queues in grid intervals. */
  readonly allocations: readonly Allocation[];
  /** Supervision shares of known pharmacists in grid intervals with 0 < share <= 1. */
  readonly supervision: readonly SupervisionShare[];
}

/** A shift with what the rules keep asking about it. */
export interface CheckedShift {
  readonly shift: Shift;
  readonly employee: Employee;
  readonly template: ShiftTemplate;
  /** The employee's local date of the start: the shift's day. */
  readonly localDate: string;
}

/** Builds a violation with its people sorted, so results are deterministic. */
export function violation(
  rule: ViolationRule,
  employeeIds: readonly string[],
  message: string,
  where: Omit<Violation, 'rule' | 'employeeIds' | 'message'> = {},
): Violation {
  return { rule, employeeIds: [...new Set(employeeIds)].sort(), ...where, message };
}

export function byId<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export function buildContext(
  instance: PlanningInstance,
  grid: TimeGrid,
  kept: { shifts: Shift[]; allocations: Allocation[]; supervision: SupervisionShare[] },
): CheckContext {
  const employees = byId(instance.employees);
  const templates = byId(instance.templates);
  const shifts = kept.shifts
    .map((shift) => {
      const employee = employees.get(shift.employeeId)!;
      const template = templates.get(shift.templateId)!;
      return { shift, employee, template, localDate: localDateOf(shift.start, employee.timeZone) };
    })
    .sort((a, b) => a.shift.start - b.shift.start || a.shift.id.localeCompare(b.shift.id));
  return {
    instance,
    grid,
    employees,
    queues: byId(instance.queues),
    templates,
    rules: new RuleSetLookup(instance.ruleSets),
    shifts,
    shiftsByEmployee: groupBy(shifts, (checked) => checked.employee.id),
    allocations: kept.allocations,
    supervision: kept.supervision,
  };
}

/** For each employee, which grid intervals lie wholly inside one of their shifts. */
export function onDutyIntervals(context: CheckContext): Map<string, Uint8Array> {
  const onDuty = new Map<string, Uint8Array>();
  for (const { shift } of context.shifts) {
    let intervals = onDuty.get(shift.employeeId);
    if (!intervals) {
      intervals = new Uint8Array(context.grid.count);
      onDuty.set(shift.employeeId, intervals);
    }
    const { first, last } = intervalsWithin(context.grid, shift.start, shift.end);
    intervals.fill(1, first, Math.max(first, last));
  }
  return onDuty;
}
