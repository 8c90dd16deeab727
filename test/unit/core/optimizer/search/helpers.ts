import { checkRoster } from '../../../../../src/core/checker/check-roster.js';
import { shiftOn } from '../../../../../src/core/generator/fixture.js';
import type { PlanningInstance } from '../../../../../src/core/model/instance.js';
import type { Roster } from '../../../../../src/core/model/roster.js';
import {
  AllocationEvaluator,
  type IntervalOutcome,
} from '../../../../../src/core/optimizer/search/allocation.js';
import { buildGrid } from '../../../../../src/core/time/grid.js';
import { localToInstant } from '../../../../../src/core/time/zones.js';

/** Tuesday 2026-04-14 10:00 New York: inside a 09:00-17:00 shift of every fixture employee. */
export const DATE = '2026-04-14';

export function intervalAt(instance: PlanningInstance, date = DATE, time = '10:00'): number {
  const grid = buildGrid(instance.week);
  return (localToInstant(date, time, instance.week.timeZone) - grid.start) / grid.intervalMs;
}

export interface Evaluated {
  readonly evaluator: AllocationEvaluator;
  readonly outcome: IntervalOutcome;
  readonly roster: Roster;
  /** Technician id -> "queue/state". */
  readonly placed: Map<string, string>;
}

/** Evaluates the interval with every employee of the instance on duty, and builds the roster. */
export function evaluateAll(
  instance: PlanningInstance,
  intervalIndex = intervalAt(instance),
): Evaluated {
  const evaluator = new AllocationEvaluator(instance);
  const techs: number[] = [];
  const pharms: number[] = [];
  instance.employees.forEach((e, i) => (e.role === 'TECHNICIAN' ? techs : pharms).push(i));
  const outcome = evaluator.evaluate(intervalIndex, techs, pharms);
  return { evaluator, outcome, ...rosterOf(instance, evaluator, intervalIndex, outcome) };
}

export function rosterOf(
  instance: PlanningInstance,
  evaluator: AllocationEvaluator,
  intervalIndex: number,
  outcome: IntervalOutcome,
): { roster: Roster; placed: Map<string, string> } {
  const placed = new Map<string, string>();
  const roster: Roster = {
    shifts: instance.employees.map((e) => shiftOn(instance, e.id, DATE, '09:00', 8)),
    allocations: outcome.allocations.map((a) => {
      const employeeId = instance.employees[a.employee].id;
      const queueId = evaluator.pairQueue[a.pair];
      const state = evaluator.states[evaluator.pairState[a.pair]];
      placed.set(employeeId, `${queueId}/${state}`);
      return { employeeId, intervalIndex, queueId, state };
    }),
    supervision: outcome.shares.map((s) => ({
      employeeId: instance.employees[s.employee].id,
      intervalIndex,
      state: s.state,
      share: s.share,
    })),
  };
  return { roster, placed };
}

export function violationRules(instance: PlanningInstance, roster: Roster): string[] {
  return checkRoster(instance, roster).violations.map((v) => `${v.rule}: ${v.message}`);
}
