import { holdsLicence } from '../rules/credentials.js';
import { remoteTaskShortfalls } from '../rules/eligibility.js';
import { type CheckContext, onDutyIntervals, violation } from './context.js';
import type { Violation } from './types.js';

/**
 * Rule families about technicians' work per interval. A technician works a (queue, state) in an
 * interval only while on a shift covering the whole interval, at most once per interval, on a
 * queue they are skilled for that serves the state, with a technician licence or registration
 * valid in the state where the queue requires one, and, when remote, only on a task the state's
 * rule set in force allows remotely with the credential, certification and experience it asks.
 * Dates are the interval's date in the week's zone.
 */

/** ALLOCATION_OUTSIDE_SHIFT and DOUBLE_ALLOCATION. */
export function checkAllocationPresence(context: CheckContext): Violation[] {
  const onDuty = onDutyIntervals(context);
  const seen = new Set<string>();
  const violations: Violation[] = [];
  for (const { employeeId, intervalIndex, queueId, state } of context.allocations) {
    const where = { state, intervalIndex, date: context.grid.intervalDates[intervalIndex] };
    if (onDuty.get(employeeId)?.[intervalIndex] !== 1) {
      violations.push(
        violation(
          'ALLOCATION_OUTSIDE_SHIFT',
          [employeeId],
          `Works ${queueId} while off shift`,
          where,
        ),
      );
    }
    const key = `${employeeId}|${intervalIndex}`;
    if (seen.has(key)) {
      violations.push(
        violation(
          'DOUBLE_ALLOCATION',
          [employeeId],
          `More than one allocation in one interval`,
          where,
        ),
      );
    }
    seen.add(key);
  }
  return violations;
}

/** SKILL and QUEUE_STATE. */
export function checkSkills(context: CheckContext): Violation[] {
  const violations: Violation[] = [];
  for (const { employeeId, intervalIndex, queueId, state } of context.allocations) {
    const where = { state, intervalIndex, date: context.grid.intervalDates[intervalIndex] };
    if (!context.employees.get(employeeId)!.skills.includes(queueId)) {
      violations.push(violation('SKILL', [employeeId], `Not trained for queue ${queueId}`, where));
    }
    if (!context.queues.get(queueId)!.states.includes(state)) {
      violations.push(
        violation('QUEUE_STATE', [employeeId], `Queue ${queueId} does not serve ${state}`, where),
      );
    }
  }
  return violations;
}

/** LICENCE: a technician licence or registration valid in the state, where the queue requires it. */
export function checkLicences(context: CheckContext): Violation[] {
  const violations: Violation[] = [];
  for (const { employeeId, intervalIndex, queueId, state } of context.allocations) {
    if (!context.queues.get(queueId)!.requiresStateLicence) continue;
    const date = context.grid.intervalDates[intervalIndex];
    const technician = context.employees.get(employeeId)!;
    if (!holdsLicence(technician, state, ['TECHNICIAN_LICENCE', 'TECHNICIAN_REGISTRATION'], date)) {
      violations.push(
        violation(
          'LICENCE',
          [employeeId],
          `Queue ${queueId} needs a ${state} technician licence/registration valid on ${date}`,
          {
            state,
            intervalIndex,
            date,
          },
        ),
      );
    }
  }
  return violations;
}

/** NO_RULE_SET and REMOTE_TASK: the state's rule set in force, and its remote-task rule. */
export function checkRemoteTasks(context: CheckContext): Violation[] {
  const violations: Violation[] = [];
  for (const { employeeId, intervalIndex, queueId, state } of context.allocations) {
    const date = context.grid.intervalDates[intervalIndex];
    const where = { state, intervalIndex, date };
    const ruleSet = context.rules.inForce(state, date);
    if (!ruleSet) {
      violations.push(
        violation(
          'NO_RULE_SET',
          [employeeId],
          `No rule set for ${state} in force on ${date}`,
          where,
        ),
      );
      continue;
    }
    const technician = context.employees.get(employeeId)!;
    if (!technician.remote) continue;
    const taskType = context.queues.get(queueId)!.taskType;
    const reasons = remoteTaskShortfalls(technician, ruleSet.tasks[taskType], state, date);
    if (reasons.length > 0) {
      violations.push(
        violation('REMOTE_TASK', [employeeId], `${taskType}: ${reasons.join('; ')}`, where),
      );
    }
  }
  return violations;
}
