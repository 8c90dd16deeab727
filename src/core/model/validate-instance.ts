import { ValidationFailedError } from '../errors.js';
import { isoDayOfWeek, isValidLocalDate, isValidLocalTime, parseLocalTime } from '../time/dates.js';
import { buildGrid } from '../time/grid.js';
import { isValidTimeZone } from '../time/zones.js';
import type { PlanningInstance } from './instance.js';
import { QUEUE_CHANNELS } from './instance.js';
import { TASK_TYPES } from './jurisdiction.js';
import {
  type InstanceProblem,
  type Report,
  checkEmployee,
  isNonNegative,
} from './validate-employee.js';

export type { InstanceProblem } from './validate-employee.js';

/**
 * Structural validation of a planning instance, e.g. after mapping it from the database: ids
 * unique and resolvable, dates, times and zones well-formed, numbers sane. It does not judge
 * feasibility (that is the optimizer's and the checker's business).
 */

function checkUniqueIds(items: readonly { id: string }[], at: string, report: Report): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) report(`${at}[${i}].id`, `duplicate id ${item.id}`);
    seen.add(item.id);
  });
}

function checkWeek(instance: PlanningInstance, report: Report): number {
  const { weekStart, timeZone, intervalMinutes } = instance.week;
  const validDate = isValidLocalDate(weekStart);
  if (!validDate || isoDayOfWeek(weekStart) !== 1)
    report('week.weekStart', 'must be a Monday YYYY-MM-DD');
  if (!isValidTimeZone(timeZone)) report('week.timeZone', 'must be an IANA time zone');
  if (intervalMinutes !== 15 && intervalMinutes !== 30)
    report('week.intervalMinutes', 'must be 15 or 30');
  if (!validDate || !isValidTimeZone(timeZone)) return 0;
  try {
    return buildGrid(instance.week).count;
  } catch (error) {
    report('week', (error as Error).message);
    return 0;
  }
}

function checkRuleSets(instance: PlanningInstance, report: Report): void {
  checkUniqueIds(instance.ruleSets, 'ruleSets', report);
  const versions = new Set<string>();
  instance.ruleSets.forEach((rules, i) => {
    const at = `ruleSets[${i}]`;
    if (!isValidLocalDate(rules.effectiveFrom))
      report(`${at}.effectiveFrom`, 'must be a date YYYY-MM-DD');
    const version = `${rules.state}|${rules.effectiveFrom}`;
    if (versions.has(version))
      report(at, `a second ${rules.state} version effective ${rules.effectiveFrom}`);
    versions.add(version);
    for (const task of TASK_TYPES)
      if (!rules.tasks[task]) report(`${at}.tasks.${task}`, 'is missing');
    if (rules.supervision.kind === 'RATIO') {
      if (rules.supervision.tiers.length === 0)
        report(`${at}.supervision.tiers`, 'must not be empty');
      rules.supervision.tiers.forEach((tier, t) => {
        const sane =
          [tier.minCertifiedTechnicians, tier.firstPharmacist, tier.eachAdditionalPharmacist].every(
            isNonNegative,
          ) && tier.firstPharmacist > 0;
        if (!sane)
          report(`${at}.supervision.tiers[${t}]`, 'numbers must be >= 0 and firstPharmacist > 0');
      });
    }
  });
}

function checkQueuesAndDemand(instance: PlanningInstance, intervals: number, report: Report): void {
  checkUniqueIds(instance.queues, 'queues', report);
  const queues = new Map(instance.queues.map((queue) => [queue.id, queue]));
  instance.queues.forEach((queue, i) => {
    if (!TASK_TYPES.includes(queue.taskType))
      report(`queues[${i}].taskType`, `must be one of ${TASK_TYPES.join(', ')}`);
    if (!QUEUE_CHANNELS.includes(queue.channel))
      report(`queues[${i}].channel`, 'must be VOICE or DEFERRED');
  });
  const keys = new Set<string>();
  instance.demand.forEach((entry, i) => {
    const at = `demand[${i}]`;
    const key = `${entry.intervalIndex}|${entry.queueId}|${entry.state}`;
    if (keys.has(key)) report(at, 'a second entry for this (interval, queue, state)');
    keys.add(key);
    if (!(
      Number.isInteger(entry.intervalIndex) &&
      entry.intervalIndex >= 0 &&
      entry.intervalIndex < intervals
    )) {
      report(`${at}.intervalIndex`, `must be an interval 0..${intervals - 1}`);
    }
    if (!queues.get(entry.queueId)?.states.includes(entry.state))
      report(at, 'queue unknown or not serving the state');
    if (!isNonNegative(entry.required)) report(`${at}.required`, 'must be a finite number >= 0');
    if (entry.marginalValues?.some((value) => !Number.isFinite(value)))
      report(`${at}.marginalValues`, 'must be finite');
  });
}

function checkTemplates(instance: PlanningInstance, report: Report): void {
  checkUniqueIds(instance.templates, 'templates', report);
  instance.templates.forEach((template, i) => {
    const at = `templates[${i}]`;
    if (
      template.startTimes.some((time) => !isValidLocalTime(time) || parseLocalTime(time) >= 24 * 60)
    ) {
      report(`${at}.startTimes`, 'must be HH:mm before 24:00');
    }
    if (
      template.lengthsHours.length === 0 ||
      template.lengthsHours.some((hours) => !(hours > 0 && hours <= 24))
    ) {
      report(`${at}.lengthsHours`, 'must be lengths in (0, 24] hours');
    }
  });
}

/** Every structural problem of `instance`, each with its input path. Empty: valid. */
export function instanceProblems(instance: PlanningInstance): InstanceProblem[] {
  const problems: InstanceProblem[] = [];
  const report: Report = (field, message) => problems.push({ field, message });
  const intervals = checkWeek(instance, report);
  checkUniqueIds(instance.employees, 'employees', report);
  const queueIds = new Set(instance.queues.map((queue) => queue.id));
  instance.employees.forEach((employee, i) =>
    checkEmployee(employee, `employees[${i}]`, queueIds, report),
  );
  checkRuleSets(instance, report);
  checkQueuesAndDemand(instance, intervals, report);
  checkTemplates(instance, report);
  const employeeIds = new Set(instance.employees.map((employee) => employee.id));
  const templateIds = new Set(instance.templates.map((template) => template.id));
  instance.pinnedShifts.forEach((shift, i) => {
    if (!employeeIds.has(shift.employeeId) || !templateIds.has(shift.templateId)) {
      report(`pinnedShifts[${i}]`, 'unknown employee or template');
    }
  });
  for (const [name, weight] of Object.entries(instance.weights)) {
    if (!isNonNegative(weight as number)) report(`weights.${name}`, 'must be a finite number >= 0');
  }
  return problems;
}

/** Throws a VALIDATION_FAILED error naming the first problem (all of them in `details.problems`). */
export function assertValidInstance(instance: PlanningInstance): void {
  const problems = instanceProblems(instance);
  const first = problems[0];
  if (!first) return;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new ValidationFailedError(`${first.field}: ${first.message}${more}`, {
    field: first.field,
    problems,
  });
}
