import type { StateCode } from '../model/common.js';
import { isCertified } from '../rules/credentials.js';
import { supervisionRefusal } from '../rules/eligibility.js';
import {
  SUPERVISION_TOLERANCE,
  countsTowardRatio,
  requiredPharmacistEquivalents,
} from '../rules/supervision.js';
import type { SupervisionShare } from '../model/roster.js';
import { type CheckContext, onDutyIntervals, violation } from './context.js';
import type { Violation } from './types.js';

/**
 * Rule families about supervision per interval and state. A pharmacist supervises only while on
 * a shift covering the interval and only states they may supervise (pharmacist licence valid in
 * the state when its rule set requires it); their shares in one interval sum to at most 1. For a
 * state with a ratio, the eligible pharmacists' shares must reach the pharmacist-equivalents the
 * ratio requires for the technicians who count (rules/supervision.ts states the formula).
 */

const SHARE_EPSILON = 1e-9;

/** Eligible pharmacist-equivalents and their pharmacists per `interval|state`. */
export type CountedSupervision = Map<string, { share: number; pharmacists: string[] }>;

/** Why a share may not count (off shift, or not allowed to supervise the state), or null. */
function shareProblem(
  context: CheckContext,
  onDuty: Map<string, Uint8Array>,
  entry: SupervisionShare,
): Violation | null {
  const { employeeId, intervalIndex, state } = entry;
  const date = context.grid.intervalDates[intervalIndex];
  const where = { state, intervalIndex, date };
  if (onDuty.get(employeeId)?.[intervalIndex] !== 1) {
    const message = `Supervises ${state} while off shift`;
    return violation('ALLOCATION_OUTSIDE_SHIFT', [employeeId], message, where);
  }
  const pharmacist = context.employees.get(employeeId)!;
  const refusal = supervisionRefusal(pharmacist, state, date, context.rules.inForce(state, date));
  if (refusal === null) return null;
  return violation(
    'SUPERVISOR_ELIGIBILITY',
    [employeeId],
    `May not supervise ${state}: ${refusal}`,
    where,
  );
}

/**
 * SUPERVISOR_ELIGIBILITY (and ALLOCATION_OUTSIDE_SHIFT for supervision): shares count only from an
 * on-duty pharmacist allowed to supervise the state; the others are reported and not counted.
 */
export function checkSupervisorEligibility(context: CheckContext): {
  violations: Violation[];
  counted: CountedSupervision;
} {
  const onDuty = onDutyIntervals(context);
  const counted: CountedSupervision = new Map();
  const violations: Violation[] = [];
  for (const entry of context.supervision) {
    const problem = shareProblem(context, onDuty, entry);
    if (problem) {
      violations.push(problem);
      continue;
    }
    const key = `${entry.intervalIndex}|${entry.state}`;
    const total = counted.get(key) ?? { share: 0, pharmacists: [] };
    total.share += entry.share;
    total.pharmacists.push(entry.employeeId);
    counted.set(key, total);
  }
  return { violations, counted };
}

/** SUPERVISION_SHARE: one entry per (pharmacist, interval, state); shares per interval sum to <= 1. */
export function checkSupervisionShares(context: CheckContext): Violation[] {
  const totals = new Map<string, number>();
  const entries = new Set<string>();
  const violations: Violation[] = [];
  for (const { employeeId, intervalIndex, state, share } of context.supervision) {
    const entryKey = `${employeeId}|${intervalIndex}|${state}`;
    if (entries.has(entryKey)) {
      violations.push(
        violation('SUPERVISION_SHARE', [employeeId], `Two shares for ${state} in one interval`, {
          state,
          intervalIndex,
        }),
      );
    }
    entries.add(entryKey);
    const key = `${employeeId}|${intervalIndex}`;
    totals.set(key, (totals.get(key) ?? 0) + share);
  }
  for (const [key, total] of totals) {
    if (total > 1 + SHARE_EPSILON) {
      const [employeeId, index] = key.split('|') as [string, string];
      const intervalIndex = Number(index);
      violations.push(
        violation('SUPERVISION_SHARE', [employeeId], `Shares sum to ${total} > 1`, {
          intervalIndex,
          date: context.grid.intervalDates[intervalIndex],
        }),
      );
    }
  }
  return violations;
}

/** Technicians counting toward each (interval, state)'s ratio: id -> certified on that date. */
function countedTechnicians(context: CheckContext): Map<string, Map<string, boolean>> {
  const counted = new Map<string, Map<string, boolean>>();
  for (const { employeeId, intervalIndex, state } of context.allocations) {
    const date = context.grid.intervalDates[intervalIndex];
    const ruleSet = context.rules.inForce(state, date);
    const technician = context.employees.get(employeeId)!;
    if (!ruleSet || ruleSet.supervision.kind === 'NONE' || !countsTowardRatio(ruleSet, technician))
      continue;
    const key = `${intervalIndex}|${state}`;
    const technicians = counted.get(key) ?? new Map<string, boolean>();
    technicians.set(employeeId, isCertified(technician, date));
    counted.set(key, technicians);
  }
  return counted;
}

/** SUPERVISION_RATIO: eligible pharmacist-equivalents >= what the ratio requires. */
export function checkSupervisionRatios(
  context: CheckContext,
  shares: CountedSupervision,
): Violation[] {
  const violations: Violation[] = [];
  for (const [key, technicians] of countedTechnicians(context)) {
    const [index, state] = key.split('|') as [string, StateCode];
    const intervalIndex = Number(index);
    const date = context.grid.intervalDates[intervalIndex];
    const rule = context.rules.inForce(state, date)!.supervision;
    const certified = [...technicians.values()].filter(Boolean).length;
    const required = requiredPharmacistEquivalents(rule, {
      technicians: technicians.size,
      certified,
    });
    const supervision = shares.get(key) ?? { share: 0, pharmacists: [] };
    if (supervision.share < required - SUPERVISION_TOLERANCE) {
      violations.push(
        violation(
          'SUPERVISION_RATIO',
          [...technicians.keys(), ...supervision.pharmacists],
          `${technicians.size} technicians (${certified} certified) need ${required} pharmacist-equivalents, have ${supervision.share}`,
          { state, intervalIndex, date },
        ),
      );
    }
  }
  return violations;
}
