import type { LocalDate, StateCode } from '../model/common.js';

/**
 * Every hard rule the checker knows, by name. Clients may switch on these names: never rename one.
 * docs/rules-and-checker.md states each rule.
 */
export const VIOLATION_RULES = [
  'UNKNOWN_REFERENCE',
  'DUPLICATE_ID',
  'ROLE_MISMATCH',
  'SHIFT_TEMPLATE',
  'OUTSIDE_PLANNING_WEEK',
  'EMPLOYMENT_DATES',
  'AVAILABILITY',
  'TIME_OFF',
  'ONE_SHIFT_PER_DAY',
  'MAX_HOURS_PER_DAY',
  'MAX_HOURS_PER_WEEK',
  'MIN_HOURS_PER_WEEK',
  'MIN_REST',
  'MAX_CONSECUTIVE_DAYS',
  'PINNED_SHIFT',
  'ALLOCATION_OUTSIDE_SHIFT',
  'DOUBLE_ALLOCATION',
  'SKILL',
  'QUEUE_STATE',
  'LICENCE',
  'NO_RULE_SET',
  'REMOTE_TASK',
  'SUPERVISOR_ELIGIBILITY',
  'SUPERVISION_SHARE',
  'SUPERVISION_RATIO',
] as const;
export type ViolationRule = (typeof VIOLATION_RULES)[number];

/** One broken hard rule, with who, where and when. */
export interface Violation {
  readonly rule: ViolationRule;
  /** The people involved, sorted by id (for a ratio: the counted technicians and the supervising pharmacists). */
  readonly employeeIds: readonly string[];
  readonly state?: StateCode;
  readonly intervalIndex?: number;
  /** The local date concerned (employee-local for shift rules, the week's zone for interval rules). */
  readonly date?: LocalDate;
  readonly shiftId?: string;
  readonly message: string;
}

/**
 * Soft-term values of a roster (lower is better), each in the unit stated. `fairness` is
 * `hoursSpread + unpopularSpread`; `overtimeCost` is the part of `cost` that is overtime premium.
 */
export interface SoftTerms {
  /** Staff-hours short of `required`, over all demand entries. */
  readonly shortage: number;
  /** Service-curve value not delivered: the marginal values of the agents missing. */
  readonly lostServiceValue: number;
  /** Wages, overtime included (currency). */
  readonly cost: number;
  /** Overtime premium: (multiplier - 1) x rate x overtime hours (currency). */
  readonly overtimeCost: number;
  /** Staff-hours allocated beyond `required` (allocations without a demand entry count fully). */
  readonly overstaffing: number;
  /** Unmet shift preferences, one point each. */
  readonly preference: number;
  /** Per role: max minus min of paid hours / max contract hours, summed over roles. */
  readonly hoursSpread: number;
  /** Per role: max minus min number of unpopular shifts, summed over roles. */
  readonly unpopularSpread: number;
  readonly fairness: number;
  /** Shifts in exactly one of this roster and the previous one (0 without a previous roster). */
  readonly changes: number;
  /** Sum of the weighted terms under the instance's weights. */
  readonly weightedTotal: number;
}

export interface CheckResult {
  readonly violations: readonly Violation[];
  readonly soft: SoftTerms;
}
