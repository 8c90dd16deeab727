import type { PlanningInstance } from '../model/instance.js';
import type { Roster } from '../model/roster.js';
import { buildGrid } from '../time/grid.js';
import {
  checkAllocationPresence,
  checkLicences,
  checkRemoteTasks,
  checkSkills,
} from './allocation-rules.js';
import { buildContext } from './context.js';
import { checkReferences } from './references.js';
import {
  checkAvailability,
  checkEmploymentDates,
  checkPinnedShifts,
  checkPlanningWeek,
  checkShiftTemplates,
  checkTimeOff,
} from './shift-rules.js';
import { softTerms } from './soft-terms.js';
import {
  checkSupervisionRatios,
  checkSupervisionShares,
  checkSupervisorEligibility,
} from './supervision-rules.js';
import type { CheckResult, Violation } from './types.js';
import {
  checkConsecutiveDays,
  checkHoursPerDay,
  checkHoursPerWeek,
  checkOneShiftPerDay,
  checkRest,
} from './working-time.js';

/**
 * The independent rule checker: every hard-rule violation of `roster` for `instance`, with its
 * rule, people, state, interval and date, plus the soft-term values. It is written from the rules
 * as stated (docs/rules-and-checker.md), not from any optimizer's model, and accepts any roster:
 * optimizer output, a manual edit, a swap. Pure and deterministic: violations come out family by
 * family, each in roster order. An empty `violations` means the roster may be published.
 */
export function checkRoster(instance: PlanningInstance, roster: Roster): CheckResult {
  const grid = buildGrid(instance.week);
  const references = checkReferences(instance, roster, grid);
  const context = buildContext(instance, grid, references);
  const eligibility = checkSupervisorEligibility(context);
  const violations: Violation[] = [
    ...references.violations,
    ...checkPlanningWeek(context),
    ...checkShiftTemplates(context),
    ...checkEmploymentDates(context),
    ...checkAvailability(context),
    ...checkTimeOff(context),
    ...checkPinnedShifts(context),
    ...checkOneShiftPerDay(context),
    ...checkHoursPerDay(context),
    ...checkHoursPerWeek(context),
    ...checkRest(context),
    ...checkConsecutiveDays(context),
    ...checkAllocationPresence(context),
    ...checkSkills(context),
    ...checkLicences(context),
    ...checkRemoteTasks(context),
    ...eligibility.violations,
    ...checkSupervisionShares(context),
    ...checkSupervisionRatios(context, eligibility.counted),
  ];
  return { violations, soft: softTerms(context) };
}
