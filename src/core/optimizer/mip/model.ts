import type { PlanningInstance } from '../../model/instance.js';
import {
  allocationWithinShift,
  availabilityAndTimeOff,
  licenceAndRemoteEligibility,
  maxConsecutiveDays,
  maxDailyHours,
  minMaxWeeklyHours,
  minRestBetweenShifts,
  oneShiftPerDay,
  pinnedShifts,
  supervisionRatio,
  supervisionShareCapacity,
  supervisorPresence,
} from './constraints/index.js';
import { type BuildOptions, type RosterModel, newIndex } from './context.js';
import {
  changesTerm,
  fairnessTerm,
  lostServiceTerm,
  overstaffingTerm,
  preferenceTerm,
  shortageTerm,
  wageCostTerm,
} from './objective.js';
import { emptyModel } from './sparse.js';

export { describeVariable } from './names.js';

/**
 * The roster MIP of `instance`: the constraint families and objective terms of constraints/ and
 * objective.ts, in this order. Minimises `checkRoster(...).soft.weightedTotal` over the candidate
 * shifts (`modelCandidates`, or `options.candidates`). See docs/optimizer.md.
 */
export function buildRosterModel(
  instance: PlanningInstance,
  options: BuildOptions = {},
): RosterModel {
  const index = newIndex(instance, options);
  const model = emptyModel();
  availabilityAndTimeOff(model, index);
  pinnedShifts(model, index);
  oneShiftPerDay(model, index);
  maxDailyHours(model, index);
  minMaxWeeklyHours(model, index);
  minRestBetweenShifts(model, index);
  maxConsecutiveDays(model, index);
  if (!options.shiftsOnly) {
    licenceAndRemoteEligibility(model, index);
    allocationWithinShift(model, index);
    supervisionShareCapacity(model, index);
    supervisionRatio(model, index);
    shortageTerm(model, index);
    overstaffingTerm();
    lostServiceTerm(model, index);
    supervisorPresence(model, index);
    wageCostTerm(model, index);
    preferenceTerm(model, index);
    fairnessTerm(model, index);
    changesTerm(model, index);
  }
  return { model, index };
}

/**
 * Whether the 'exact' model is also a RELAXATION of the checker's problem, so that its LP or MIP
 * bound bounds every checker-feasible roster and its proven optimum is THE optimum: true unless
 * some convex ratio tier (eachAdditional > first) has firstPharmacist > 1, the one conservative
 * linearisation (see `supervisionRatio`). Allocations the model leaves out never help (see
 * `licenceAndRemoteEligibility`). Otherwise bounds use the 'relaxed' supervision model.
 */
export function exactModelIsRelaxation(instance: PlanningInstance): boolean {
  return instance.ruleSets.every(
    (ruleSet) =>
      ruleSet.supervision.kind === 'NONE' ||
      ruleSet.supervision.tiers.every(
        (tier) =>
          tier.eachAdditionalPharmacist <= tier.firstPharmacist || tier.firstPharmacist <= 1,
      ),
  );
}
