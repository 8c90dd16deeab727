import type { Employee } from '../model/employee.js';
import type { JurisdictionRuleSet, RatioTier, SupervisionRule } from '../model/jurisdiction.js';

/**
 * Supervision ratios with fractional pharmacist capacity.
 *
 * In one interval and state, let T be the technicians who count toward the ratio, C of them
 * certified (U = T - C uncertified), and P the pharmacist-equivalents supervising the state (the
 * sum of eligible pharmacists' shares). For a tier, capacity(p) = first * p for p <= 1 and
 * first + eachAdditional * (p - 1) beyond. The REQUIRED supervision is the least p such that, for
 * one tier: capacity(p) >= T, U <= maxUncertifiedPerPharmacist * p, and C >= minCertified * p
 * (every pharmacist-equivalent in use has its share of certified technicians). The state is
 * compliant when P >= required. "Least p" makes extra supervision never hurt: a pharmacist who
 * joins can always stand idle.
 */

/** Shares are sums of floats: a shortfall smaller than this is rounding, not a violation. */
export const SUPERVISION_TOLERANCE = 1e-7;

export interface SupervisedCounts {
  /** Technicians who count toward the ratio. */
  readonly technicians: number;
  /** How many of them are certified (CPhT/ExCPT valid on the date). */
  readonly certified: number;
}

/** Technicians a tier allows for `p` pharmacist-equivalents. */
export function tierCapacity(tier: RatioTier, p: number): number {
  if (p <= 0) return 0;
  if (p <= 1) return tier.firstPharmacist * p;
  return tier.firstPharmacist + tier.eachAdditionalPharmacist * (p - 1);
}

/** Least p with `tierCapacity(tier, p) >= technicians` (Infinity if none). */
export function pharmacistsNeededByTier(tier: RatioTier, technicians: number): number {
  if (technicians <= 0) return 0;
  if (technicians <= tier.firstPharmacist) return technicians / tier.firstPharmacist;
  if (tier.eachAdditionalPharmacist <= 0) return Infinity;
  return 1 + (technicians - tier.firstPharmacist) / tier.eachAdditionalPharmacist;
}

function pharmacistsNeededForUncertified(rule: SupervisionRule, uncertified: number): number {
  if (rule.kind === 'NONE' || rule.maxUncertifiedPerPharmacist === null || uncertified <= 0)
    return 0;
  if (rule.maxUncertifiedPerPharmacist <= 0) return Infinity;
  return uncertified / rule.maxUncertifiedPerPharmacist;
}

/**
 * Least pharmacist-equivalents that may supervise `counts` under `rule` (0 without a ratio or
 * without technicians; Infinity when no amount of supervision is enough).
 */
export function requiredPharmacistEquivalents(
  rule: SupervisionRule,
  counts: SupervisedCounts,
): number {
  if (rule.kind === 'NONE' || counts.technicians <= 0) return 0;
  const forUncertified = pharmacistsNeededForUncertified(
    rule,
    counts.technicians - counts.certified,
  );
  let best = Infinity;
  for (const tier of rule.tiers) {
    const p = Math.max(pharmacistsNeededByTier(tier, counts.technicians), forUncertified);
    const enoughCertified = counts.certified >= tier.minCertifiedTechnicians * p - 1e-9;
    if (Number.isFinite(p) && enoughCertified) best = Math.min(best, p);
  }
  return best;
}

/** Whether `pharmacistEquivalents` of supervision suffice for `counts` under `rule`. */
export function isSupervisionSufficient(
  rule: SupervisionRule,
  pharmacistEquivalents: number,
  counts: SupervisedCounts,
): boolean {
  return (
    pharmacistEquivalents >= requiredPharmacistEquivalents(rule, counts) - SUPERVISION_TOLERANCE
  );
}

/**
 * Most technicians (of whom `certified` are certified, the rest not) that `pharmacistEquivalents`
 * may supervise under `rule`; Infinity without a ratio. Per tier the best use of capacity is
 * p = min(P, certified / minCertified), giving min(capacity(p), certified + maxUncertified * p).
 */
export function allowedTechnicians(
  rule: SupervisionRule,
  pharmacistEquivalents: number,
  certified: number,
): number {
  if (rule.kind === 'NONE') return Infinity;
  let best = 0;
  for (const tier of rule.tiers) {
    const p =
      tier.minCertifiedTechnicians > 0
        ? Math.min(pharmacistEquivalents, certified / tier.minCertifiedTechnicians)
        : pharmacistEquivalents;
    let capacity = tierCapacity(tier, p);
    if (rule.maxUncertifiedPerPharmacist !== null) {
      capacity = Math.min(capacity, certified + rule.maxUncertifiedPerPharmacist * p);
    }
    best = Math.max(best, capacity);
  }
  return Math.floor(best + SUPERVISION_TOLERANCE);
}

/** Whether a technician working for the state counts toward its ratio (remote ones may not). */
export function countsTowardRatio(ruleSet: JurisdictionRuleSet, technician: Employee): boolean {
  return ruleSet.remoteTechniciansCount || !technician.remote;
}
