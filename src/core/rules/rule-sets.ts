import type { LocalDate, StateCode } from '../model/common.js';
import type { JurisdictionRuleSet } from '../model/jurisdiction.js';

/**
 * The rule set in force for `state` on `date`: the version with the latest `effectiveFrom <= date`
 * (ties, which instance validation rejects, go to the greatest id so the answer is still
 * deterministic). `null` when the state has no rules yet: then nobody may work for it.
 */
export function ruleSetInForce(
  ruleSets: readonly JurisdictionRuleSet[],
  state: StateCode,
  date: LocalDate,
): JurisdictionRuleSet | null {
  let best: JurisdictionRuleSet | null = null;
  for (const candidate of ruleSets) {
    if (candidate.state !== state || candidate.effectiveFrom > date) continue;
    if (
      best === null ||
      candidate.effectiveFrom > best.effectiveFrom ||
      (candidate.effectiveFrom === best.effectiveFrom && candidate.id > best.id)
    ) {
      best = candidate;
    }
  }
  return best;
}

/** Memoises `ruleSetInForce` per (state, date) for loops over many intervals. */
export class RuleSetLookup {
  private readonly cache = new Map<string, JurisdictionRuleSet | null>();

  constructor(private readonly ruleSets: readonly JurisdictionRuleSet[]) {}

  inForce(state: StateCode, date: LocalDate): JurisdictionRuleSet | null {
    const key = `${state}|${date}`;
    let found = this.cache.get(key);
    if (found === undefined) {
      found = ruleSetInForce(this.ruleSets, state, date);
      this.cache.set(key, found);
    }
    return found;
  }
}
