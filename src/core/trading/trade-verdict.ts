import type { CheckResult, SoftTerms, Violation } from '../checker/index.js';

/**
 * How much a trade may worsen coverage and service (and add overtime) and still be approved
 * without a manager. Each limit is an increase of the checker's soft term of the same name.
 */
export interface AutoApprovalPolicy {
  /** Staff-hours of extra shortage against the requirement. */
  readonly maxShortageIncrease: number;
  /** Extra service-curve value lost. */
  readonly maxLostServiceValueIncrease: number;
  /** Extra overtime premium (currency). */
  readonly maxOvertimeCostIncrease: number;
}

export const STRICT_AUTO_APPROVAL: AutoApprovalPolicy = {
  maxShortageIncrease: 0,
  maxLostServiceValueIncrease: 0,
  maxOvertimeCostIncrease: 0,
};

const LIMITED_TERMS = [
  ['shortage', 'maxShortageIncrease'],
  ['lostServiceValue', 'maxLostServiceValueIncrease'],
  ['overtimeCost', 'maxOvertimeCostIncrease'],
] as const satisfies readonly (readonly [keyof SoftTerms, keyof AutoApprovalPolicy])[];

export interface SoftTermExcess {
  readonly term: keyof SoftTerms;
  readonly before: number;
  readonly after: number;
  /** The increase allowed without a manager. */
  readonly limit: number;
}

export type TradeDecision = 'REFUSE' | 'NEEDS_APPROVAL' | 'AUTO_APPROVE';

export interface TradeVerdict {
  readonly decision: TradeDecision;
  /** Hard-rule violations the trade would add; any one refuses it. */
  readonly newViolations: readonly Violation[];
  /** Soft terms worsened beyond the policy; any one sends the trade to a manager. */
  readonly excesses: readonly SoftTermExcess[];
}

/**
 * A violation's identity: the same rule for the same people, place and time. Violations the
 * roster already had (say, a ratio left short by someone's approved time off) do not count
 * against a trade that leaves them as they were.
 */
function violationKey(v: Violation): string {
  return [v.rule, v.employeeIds.join(','), v.state, v.intervalIndex, v.date, v.shiftId].join('|');
}

/**
 * Judges a trade from the checker's verdict on the roster before and after it: refused if it adds
 * a hard-rule violation; sent to a manager if it worsens shortage, lost service or overtime by
 * more than the policy allows; otherwise approved automatically.
 */
export function judgeTrade(
  before: CheckResult,
  after: CheckResult,
  policy: AutoApprovalPolicy,
): TradeVerdict {
  const existing = new Set(before.violations.map(violationKey));
  const newViolations = after.violations.filter((v) => !existing.has(violationKey(v)));
  const excesses = LIMITED_TERMS.filter(
    ([term, limit]) => after.soft[term] - before.soft[term] > policy[limit] + 1e-9,
  ).map(([term, limit]) => ({
    term,
    before: before.soft[term],
    after: after.soft[term],
    limit: policy[limit],
  }));
  const decision =
    newViolations.length > 0 ? 'REFUSE' : excesses.length > 0 ? 'NEEDS_APPROVAL' : 'AUTO_APPROVE';
  return { decision, newViolations, excesses };
}
