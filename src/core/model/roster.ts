import type { Instant, StateCode } from './common.js';

/**
 * One shift: the half-open UTC interval `[start, end)`. Its "day" is the employee's local date of
 * `start`. It must be one of the template's start times and lengths (see time/shift-times.ts).
 */
export interface Shift {
  readonly id: string;
  readonly employeeId: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly templateId: string;
  /** Informational: the shift was pinned by a planner. The instance's `pinnedShifts` is what binds. */
  readonly pinned?: boolean;
}

/** A technician works `queueId` for `state`'s patients for the whole grid interval `intervalIndex`. */
export interface Allocation {
  readonly employeeId: string;
  readonly intervalIndex: number;
  readonly queueId: string;
  readonly state: StateCode;
}

/**
 * A pharmacist devotes `share` (0 < share <= 1) of their supervision capacity to `state` in grid
 * interval `intervalIndex`. A pharmacist's shares in one interval sum to at most 1, so capacity
 * shared across states is never counted twice.
 */
export interface SupervisionShare {
  readonly employeeId: string;
  readonly intervalIndex: number;
  readonly state: StateCode;
  readonly share: number;
}

/**
 * A roster for one planning week. Shifts say who is on duty; allocations say what each on-duty
 * technician works on per interval (an on-duty technician without an allocation is idle or on a
 * break); supervision says how each pharmacist's capacity is split across states per interval.
 */
export interface Roster {
  readonly shifts: readonly Shift[];
  readonly allocations: readonly Allocation[];
  readonly supervision: readonly SupervisionShare[];
}

/** The roster in which nobody works. Feasible whenever no employee has minimum hours or pins. */
export function emptyRoster(): Roster {
  return { shifts: [], allocations: [], supervision: [] };
}
