import type { LocalDate, StateCode } from '../model/common.js';
import type { Employee } from '../model/employee.js';
import type { Queue } from '../model/instance.js';
import type { JurisdictionRuleSet, RemoteTaskRule } from '../model/jurisdiction.js';
import { holdsLicence, isCertified, isLicenceValid, meetsStateCredential } from './credentials.js';

/**
 * Who may do what for which state on a date. These are the rules as stated; the checker applies
 * them allocation by allocation, an optimizer can use `technicianRefusals` to prune its choices.
 */

/** Why a technician may not work a (queue, state) on a date, named by the checker's rule. */
export interface Refusal {
  readonly rule:
    'ROLE_MISMATCH' | 'SKILL' | 'QUEUE_STATE' | 'LICENCE' | 'NO_RULE_SET' | 'REMOTE_TASK';
  readonly reason: string;
}

/**
 * What a remote technician lacks for a task under a state's remote-task rule, as reasons (empty:
 * allowed): the task must be allowed remotely, and the technician must hold the state credential,
 * a valid certification and the experience the rule asks for, on `date`.
 */
export function remoteTaskShortfalls(
  technician: Employee,
  rule: RemoteTaskRule,
  state: StateCode,
  date: LocalDate,
): string[] {
  const reasons: string[] = [];
  if (!rule.remoteAllowed) reasons.push(`${state} does not allow this task remotely`);
  if (!meetsStateCredential(technician, state, rule.minStateCredential, date)) {
    reasons.push(
      `${state} requires a technician ${rule.minStateCredential.toLowerCase()} valid on ${date}`,
    );
  }
  if (rule.requiresCertification && !isCertified(technician, date)) {
    reasons.push(`${state} requires a CPhT/ExCPT certification valid on ${date}`);
  }
  if (technician.experienceHours < rule.minExperienceHours) {
    reasons.push(
      `${state} requires ${rule.minExperienceHours} h experience (has ${technician.experienceHours} h)`,
    );
  }
  return reasons;
}

/**
 * Every reason `technician` may not work `queue` for `state` on `date` under `ruleSet` (the set in
 * force that date, or null). Empty: allowed.
 */
export function technicianRefusals(
  technician: Employee,
  queue: Queue,
  state: StateCode,
  date: LocalDate,
  ruleSet: JurisdictionRuleSet | null,
): Refusal[] {
  const refusals: Refusal[] = [];
  if (technician.role !== 'TECHNICIAN')
    refusals.push({ rule: 'ROLE_MISMATCH', reason: 'not a technician' });
  if (!technician.skills.includes(queue.id))
    refusals.push({ rule: 'SKILL', reason: `no skill ${queue.id}` });
  if (!queue.states.includes(state)) {
    refusals.push({ rule: 'QUEUE_STATE', reason: `queue ${queue.id} does not serve ${state}` });
  }
  if (
    queue.requiresStateLicence &&
    !meetsStateCredential(technician, state, 'REGISTRATION', date)
  ) {
    refusals.push({
      rule: 'LICENCE',
      reason: `no technician licence/registration in ${state} on ${date}`,
    });
  }
  if (ruleSet === null) {
    refusals.push({ rule: 'NO_RULE_SET', reason: `no rule set in force for ${state} on ${date}` });
  } else if (technician.remote) {
    for (const reason of remoteTaskShortfalls(
      technician,
      ruleSet.tasks[queue.taskType],
      state,
      date,
    )) {
      refusals.push({ rule: 'REMOTE_TASK', reason });
    }
  }
  return refusals;
}

/**
 * Why a pharmacist may not supervise `state` on `date`, or null if they may: they must be a
 * pharmacist with a valid pharmacist licence — in `state` itself when the rule set says so.
 */
export function supervisionRefusal(
  employee: Employee,
  state: StateCode,
  date: LocalDate,
  ruleSet: JurisdictionRuleSet | null,
): string | null {
  if (employee.role !== 'PHARMACIST') return 'not a pharmacist';
  if (ruleSet === null) return `no rule set in force for ${state} on ${date}`;
  if (ruleSet.supervisorMustHoldStateLicence) {
    return holdsLicence(employee, state, ['PHARMACIST_LICENCE'], date)
      ? null
      : `no pharmacist licence in ${state} valid on ${date}`;
  }
  const anyLicence = employee.licences.some(
    (licence) => licence.kind === 'PHARMACIST_LICENCE' && isLicenceValid(licence, date),
  );
  return anyLicence ? null : `no pharmacist licence valid on ${date}`;
}
