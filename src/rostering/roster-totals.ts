import type { PlanningInstance } from '../core/model/instance.js';
import type { Roster } from '../core/model/roster.js';
import { paidHours } from '../core/time/index.js';

/** Hours worked beyond each employee's weekly overtime threshold, summed. */
export function overtimeHours(instance: PlanningInstance, roster: Roster): number {
  const templates = new Map(instance.templates.map((t) => [t.id, t]));
  const employees = new Map(instance.employees.map((e) => [e.id, e]));
  const hours = new Map<string, number>();
  for (const shift of roster.shifts) {
    const template = templates.get(shift.templateId);
    const worked = template
      ? paidHours(template, shift.start, shift.end)
      : (shift.end - shift.start) / 3_600_000;
    hours.set(shift.employeeId, (hours.get(shift.employeeId) ?? 0) + worked);
  }
  let total = 0;
  for (const [id, worked] of hours) {
    total += Math.max(0, worked - (employees.get(id)?.contract.overtimeThresholdHours ?? Infinity));
  }
  return total;
}
