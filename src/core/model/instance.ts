import type { IsoDayOfWeek, LocalDate, LocalTime, StateCode, TimeZoneName } from './common.js';
import type { Employee } from './employee.js';
import type { JurisdictionRuleSet, TaskType } from './jurisdiction.js';
import type { Roster, Shift } from './roster.js';

/**
 * The planning week. The grid runs from local midnight of `weekStart` (a Monday) in `timeZone` to
 * local midnight seven days later: 168 hours, or 167/169 in a daylight-saving week. Intervals are
 * `intervalMinutes` long in absolute time; interval `i` starts at `gridStart + i * intervalMinutes`.
 */
export interface PlanningWeek {
  readonly weekStart: LocalDate;
  /** The operation's reference zone: defines the grid and each interval's date. */
  readonly timeZone: TimeZoneName;
  readonly intervalMinutes: 15 | 30;
}

export const QUEUE_CHANNELS = ['VOICE', 'DEFERRED'] as const;
export type QueueChannel = (typeof QUEUE_CHANNELS)[number];

export interface Queue {
  readonly id: string;
  readonly name: string;
  readonly taskType: TaskType;
  readonly channel: QueueChannel;
  /** States whose patients this queue serves. */
  readonly states: readonly StateCode[];
  /** Work for state S requires a technician licence or registration valid in S. */
  readonly requiresStateLicence: boolean;
}

/**
 * Staff wanted for one (interval, queue, state). `required` may be fractional (it comes from the
 * staffing engine). `marginalValues[k]`, when given, is the value of the (k+1)-th agent; it should
 * be non-increasing (a concave service curve). Absent entries mean nothing is required.
 */
export interface DemandEntry {
  readonly intervalIndex: number;
  readonly queueId: string;
  readonly state: StateCode;
  readonly required: number;
  readonly marginalValues?: readonly number[];
}

/** A shift of at least `minShiftHours` has `unpaidMinutes` unpaid break (the largest matching rule). */
export interface BreakRule {
  readonly minShiftHours: number;
  readonly unpaidMinutes: number;
}

/** Allowed shifts: any start time (employee-local) with any length (elapsed hours). */
export interface ShiftTemplate {
  readonly id: string;
  readonly name: string;
  readonly startTimes: readonly LocalTime[];
  readonly lengthsHours: readonly number[];
  readonly unpaidBreaks: readonly BreakRule[];
}

/** Weights of the soft terms in `weightedTotal` (see checker/types.ts for the terms' units). */
export interface SoftWeights {
  readonly shortage: number;
  readonly lostServiceValue: number;
  readonly cost: number;
  readonly overstaffing: number;
  readonly preference: number;
  readonly fairness: number;
  readonly changes: number;
}

/**
 * Which shifts are unpopular (for fairness): starting on one of `weekendDays`, starting before
 * `startsBefore`, or ending after `endsAfter` (or on a later date), all in the employee's local time.
 */
export interface UnpopularShiftRule {
  readonly startsBefore: LocalTime;
  readonly endsAfter: LocalTime;
  readonly weekendDays: readonly IsoDayOfWeek[];
}

export interface PlanningInstance {
  readonly id: string;
  readonly week: PlanningWeek;
  readonly employees: readonly Employee[];
  /** All versions of every state's rules; the version in force per date is chosen by date. */
  readonly ruleSets: readonly JurisdictionRuleSet[];
  readonly queues: readonly Queue[];
  readonly demand: readonly DemandEntry[];
  readonly templates: readonly ShiftTemplate[];
  /** Shifts that must appear in any roster (same employee, start and end). */
  readonly pinnedShifts: readonly Shift[];
  /** The roster this one replaces, for the `changes` soft term, or `null`. */
  readonly previousRoster: Roster | null;
  readonly weights: SoftWeights;
  readonly unpopularShift: UnpopularShiftRule;
  /** Seed for any randomised search over this instance. */
  readonly seed: number;
}

export const DEFAULT_WEIGHTS: SoftWeights = {
  shortage: 100,
  lostServiceValue: 1,
  cost: 0.01,
  overstaffing: 5,
  preference: 1,
  fairness: 10,
  changes: 20,
};

export const DEFAULT_UNPOPULAR_SHIFT: UnpopularShiftRule = {
  startsBefore: '07:00',
  endsAfter: '20:00',
  weekendDays: [6, 7],
};
