import type {
  Instant,
  IsoDayOfWeek,
  LocalDate,
  LocalTime,
  StateCode,
  TimeZoneName,
} from './common.js';

export const EMPLOYEE_ROLES = ['TECHNICIAN', 'PHARMACIST'] as const;
export type EmployeeRole = (typeof EMPLOYEE_ROLES)[number];

export const LICENCE_KINDS = [
  'PHARMACIST_LICENCE',
  'TECHNICIAN_LICENCE',
  'TECHNICIAN_REGISTRATION',
] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];

/** A state credential. Valid on every date from `validFrom` to `validUntil`, both inclusive (`null`: open-ended). */
export interface Licence {
  readonly state: StateCode;
  readonly kind: LicenceKind;
  readonly validFrom: LocalDate;
  readonly validUntil: LocalDate | null;
}

export const CERTIFICATION_KINDS = ['CPHT', 'EXCPT', 'OTHER'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

/** A national certification. Only CPhT and ExCPT count as "certified"; valid `obtained`..`expires` inclusive. */
export interface Certification {
  readonly kind: CertificationKind;
  readonly obtained: LocalDate;
  readonly expires: LocalDate | null;
}

/**
 * Contract limits. Hours are PAID hours (a shift's length minus its unpaid break), per employee
 * local day and per planning week.
 */
export interface Contract {
  readonly minHoursPerWeek: number;
  readonly maxHoursPerWeek: number;
  readonly maxHoursPerDay: number;
  /** Minimum gap between the end of one shift and the start of the next (default 10). */
  readonly minRestHours: number;
  readonly maxConsecutiveDays: number;
  /** Paid hours per week above which overtime is paid. */
  readonly overtimeThresholdHours: number;
  /** Pay factor for overtime hours, e.g. 1.5. */
  readonly overtimeMultiplier: number;
  readonly hourlyRate: number;
}

/**
 * A recurring weekly availability window in the employee's LOCAL time. A window never crosses
 * midnight (`start < end`, `end` may be `24:00`); an overnight availability is two windows on
 * consecutive days, and windows that touch are joined.
 */
export interface AvailabilityWindow {
  readonly dayOfWeek: IsoDayOfWeek;
  readonly start: LocalTime;
  readonly end: LocalTime;
}

/** Approved time off: a half-open absolute interval `[start, end)` in UTC epoch ms. */
export interface TimeOff {
  readonly start: Instant;
  readonly end: Instant;
}

/** Soft wishes; each unmet wish costs one preference point per shift (see docs/rules-and-checker.md). */
export interface ShiftPreferences {
  /** Local start times the employee likes; if non-empty, a shift starting at another time costs 1. */
  readonly preferredStartTimes: readonly LocalTime[];
  /** Local start times the employee dislikes; a shift starting at one costs 1. */
  readonly avoidStartTimes: readonly LocalTime[];
  /** Days the employee would rather not work; a shift starting on one costs 1. */
  readonly preferredDaysOff: readonly IsoDayOfWeek[];
}

/** What happened just before the planning week, so rest and consecutive days carry over. */
export interface WorkHistory {
  /** End of the last shift worked before the week, or `null`. */
  readonly lastShiftEnd: Instant | null;
  /** Consecutive local days worked immediately before the week's first date. */
  readonly consecutiveDaysWorked: number;
}

export interface Employee {
  readonly id: string;
  readonly role: EmployeeRole;
  readonly timeZone: TimeZoneName;
  /** First local date the employee may work. */
  readonly hireDate: LocalDate;
  /** Last local date the employee may work, or `null`. */
  readonly leaveDate: LocalDate | null;
  readonly contract: Contract;
  /** Queue ids the employee is trained for (technicians; empty for pharmacists). */
  readonly skills: readonly string[];
  /** Works remotely (from home or a remote site): the states' remote-task rules apply. */
  readonly remote: boolean;
  readonly licences: readonly Licence[];
  readonly certifications: readonly Certification[];
  /** Hours of data-entry / remote-processing experience at the start of the week. */
  readonly experienceHours: number;
  /** Recurring weekly windows; an employee with no window is unavailable all week. */
  readonly availability: readonly AvailabilityWindow[];
  readonly timeOff: readonly TimeOff[];
  readonly preferences: ShiftPreferences | null;
  readonly history: WorkHistory | null;
}

/** Seven all-day windows, for employees with no stated availability restriction. */
export function alwaysAvailable(): AvailabilityWindow[] {
  return ([1, 2, 3, 4, 5, 6, 7] as const).map((dayOfWeek) => ({
    dayOfWeek,
    start: '00:00',
    end: '24:00',
  }));
}
