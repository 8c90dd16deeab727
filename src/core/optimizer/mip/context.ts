import type { LocalDate, StateCode } from '../../model/common.js';
import type { Employee } from '../../model/employee.js';
import type { DemandEntry, PlanningInstance, Queue } from '../../model/instance.js';
import type { RatioTier, SupervisionRule } from '../../model/jurisdiction.js';
import type { Roster } from '../../model/roster.js';
import { RuleSetLookup } from '../../rules/rule-sets.js';
import { availableShifts } from '../../time/candidates.js';
import { HOUR_MS } from '../../time/dates.js';
import { type TimeGrid, buildGrid, intervalsWithin } from '../../time/grid.js';
import { type CandidateShift, paidHours } from '../../time/shift-times.js';
import { localDateOf } from '../../time/zones.js';
import type { MipModel } from './sparse.js';

/**
 * Indexing shared by the constraint families and objective terms: the candidate shifts per
 * employee (with their x columns), the demand cells (interval, queue, state) with the technicians
 * who may work them (y columns), the supervised (interval, state) pairs with the pharmacists who
 * may supervise them (z columns), and the columns of every auxiliary variable, so a roster can be
 * encoded into model values and model values decoded into a roster.
 */

/** How the supervision ratio is modelled; see `supervisionRatio`. */
export type SupervisionMode = 'exact' | 'relaxed';

/** Which part of an incumbent roster is re-optimised; everything else is fixed to it. */
export interface Neighbourhood {
  readonly incumbent: Roster;
  /** Only these employees' shifts are free (all when absent). */
  readonly freeEmployeeIds?: ReadonlySet<string>;
  /** Only shifts whose day (employee-local start date) is one of these are free (all when absent). */
  readonly freeDates?: ReadonlySet<LocalDate>;
}

export interface BuildOptions {
  /** Candidate shifts per employee id, replacing `modelCandidates` (a restricted model). */
  readonly candidates?: ReadonlyMap<string, readonly CandidateShift[]>;
  /** Default 'exact'. 'relaxed' is a valid relaxation used for bounds (see docs/optimizer.md). */
  readonly supervision?: SupervisionMode;
  readonly neighbourhood?: Neighbourhood;
  /** Build only shift variables and shift rules (no allocations, supervision or service terms). */
  readonly shiftsOnly?: boolean;
  /** Only these employees get variables (others are absent from the model entirely). */
  readonly employeeIds?: ReadonlySet<string>;
}

/** A candidate shift with its x column; `fixed` when the neighbourhood fixes it to the incumbent. */
export interface ModelShift extends CandidateShift {
  readonly col: number;
  readonly fixed: boolean;
  /** Matches a pinned shift (lower bound 1). */
  readonly pinnedId: string | null;
  /** Intervals wholly inside the shift: [first, last). */
  readonly first: number;
  readonly last: number;
}

export interface DemandCell {
  readonly key: string;
  readonly intervalIndex: number;
  readonly queueId: string;
  readonly state: StateCode;
  readonly entries: DemandEntry[];
  /** y columns (one per technician) and their technicians. */
  readonly cols: number[];
  readonly technicianIds: string[];
}

/** Aux columns of one demand entry. */
export interface EntryCols {
  readonly entry: DemandEntry;
  readonly cell: DemandCell;
  shortage: number;
  over: number;
  /** Lost-service increments u_k (one per marginal value), -1 when none. */
  increments: number[];
  /** Agents beyond the curve (only for the ordered/binary form), -1 otherwise. */
  beyond: number;
}

export interface TierCols {
  readonly tier: RatioTier;
  /** p_k column, or -1 when p_k is the total supervision P itself. */
  readonly p: number;
  /** tier selector τ_k, or -1 when the rule has one tier. */
  readonly select: number;
}

export interface SupervisedCell {
  readonly key: string;
  readonly intervalIndex: number;
  readonly state: StateCode;
  readonly rule: Extract<SupervisionRule, { kind: 'RATIO' }>;
  /** y columns counting toward the ratio, and which of them are certified technicians. */
  readonly countedCols: number[];
  /** The technician of each counted column (parallel to `countedCols`). */
  readonly countedTechnicians: string[];
  readonly certifiedCols: number[];
  readonly zCols: number[];
  readonly pharmacistIds: string[];
  tiers: TierCols[];
  /** b = [T >= 1] for convex tiers, -1 otherwise. */
  anyTechnician: number;
}

export interface ModelIndex {
  readonly instance: PlanningInstance;
  readonly grid: TimeGrid;
  readonly rules: RuleSetLookup;
  readonly intervalHours: number;
  readonly options: BuildOptions;
  readonly supervisionMode: SupervisionMode;
  readonly employees: readonly Employee[];
  readonly queues: ReadonlyMap<string, Queue>;
  readonly shifts: Map<string, ModelShift[]>;
  readonly cells: Map<string, DemandCell>;
  readonly entryCols: EntryCols[];
  readonly supervised: Map<string, SupervisedCell>;
  /** `${employeeId}|${t}|${queueId}|${state}` → y column. */
  readonly yCol: Map<string, number>;
  /** `${pharmacistId}|${t}|${state}` → z column. */
  readonly zCol: Map<string, number>;
  /** employeeId → overtime column. */
  readonly overtimeCol: Map<string, number>;
  /** `${role}|hmax` etc. → column. */
  readonly spreadCols: Map<string, number>;
  /** `sup_on` columns (eligible pharmacists on duty, supervisorPresence) and the x they sum. */
  readonly onDutyCols: { readonly col: number; readonly shifts: readonly number[] }[];
  /** Conflicts found while building (a pinned shift no candidate matches): the model is infeasible. */
  readonly buildConflicts: { rules: string[]; employeeIds: string[]; message: string }[];
}

export function shiftKey(shift: { employeeId: string; start: number; end: number }): string {
  return `${shift.employeeId}|${shift.start}|${shift.end}`;
}

/**
 * The candidate shifts of one employee the model considers: `availableShifts` (template, week,
 * employment dates, availability, time off: the `availabilityAndTimeOff` family is enforced here,
 * by generation) minus those that break a rule on their own: paid hours above the daily or weekly
 * maximum (with one shift per day, `maxDailyHours` is exactly this filter) and a start less than
 * `minRestHours` after `history.lastShiftEnd`.
 */
export function modelCandidates(
  instance: PlanningInstance,
  employee: Employee,
  grid: TimeGrid = buildGrid(instance.week),
): CandidateShift[] {
  const { maxHoursPerDay, maxHoursPerWeek, minRestHours } = employee.contract;
  const lastEnd = employee.history?.lastShiftEnd ?? null;
  return availableShifts(employee, instance.templates, grid).filter(
    (shift) =>
      shift.paidHours <= maxHoursPerDay + 1e-9 &&
      shift.paidHours <= maxHoursPerWeek + 1e-9 &&
      (lastEnd === null || shift.start - lastEnd >= minRestHours * HOUR_MS),
  );
}

/** A roster shift as a candidate (for shifts fixed by a neighbourhood). */
export function candidateOf(
  instance: PlanningInstance,
  employee: Employee,
  shift: { employeeId: string; start: number; end: number; templateId: string },
): CandidateShift {
  const template = instance.templates.find((candidate) => candidate.id === shift.templateId);
  return {
    employeeId: shift.employeeId,
    templateId: shift.templateId,
    localDate: localDateOf(shift.start, employee.timeZone),
    start: shift.start,
    end: shift.end,
    paidHours: template
      ? paidHours(template, shift.start, shift.end)
      : (shift.end - shift.start) / HOUR_MS,
  };
}

export function newIndex(instance: PlanningInstance, options: BuildOptions): ModelIndex {
  const grid = buildGrid(instance.week);
  const employees = options.employeeIds
    ? instance.employees.filter((employee) => options.employeeIds!.has(employee.id))
    : instance.employees;
  return {
    instance,
    grid,
    rules: new RuleSetLookup(instance.ruleSets),
    intervalHours: grid.intervalMs / HOUR_MS,
    options,
    supervisionMode: options.supervision ?? 'exact',
    employees,
    queues: new Map(instance.queues.map((queue) => [queue.id, queue])),
    shifts: new Map(),
    cells: new Map(),
    entryCols: [],
    supervised: new Map(),
    yCol: new Map(),
    zCol: new Map(),
    overtimeCol: new Map(),
    spreadCols: new Map(),
    onDutyCols: [],
    buildConflicts: [],
  };
}

/** Intervals covered by a shift, clipped to the grid. */
export function coveredIntervals(grid: TimeGrid, start: number, end: number): [number, number] {
  const { first, last } = intervalsWithin(grid, start, end);
  return [first, Math.max(first, last)];
}

/** A built model with the index that explains it. */
export interface RosterModel {
  readonly model: MipModel;
  readonly index: ModelIndex;
}
