import type { LocalDate } from '../model/common.js';
import type { JurisdictionRuleSet } from '../model/jurisdiction.js';
import { sampleRuleSet } from '../model/sample-rules.js';
import { addDays } from '../time/dates.js';
import type { StateProfile } from './catalog.js';

/**
 * Rule sets for generated states: the nine sample states use their sample rules; every other
 * state borrows a sample state's rules and is marked SYNTHETIC. To exercise versioning, the second
 * state (CA) also gets a synthetic amendment effective on the week's Thursday.
 */
export function generatedRuleSets(
  states: readonly StateProfile[],
  weekStart: LocalDate,
): JurisdictionRuleSet[] {
  const ruleSets = states.map((profile) => {
    const sample = sampleRuleSet(profile.rulesLike);
    if (profile.state === profile.rulesLike) return sample;
    return {
      ...sample,
      id: `synthetic-${profile.state}-${sample.effectiveFrom}`,
      state: profile.state,
      citation: `SYNTHETIC benchmark rules modelled on the ${profile.rulesLike} sample (${sample.citation})`,
      confidenceNote: `SYNTHETIC: not a real ${profile.state} rule; for benchmarks only.`,
    };
  });
  const amended = ruleSets[1];
  if (amended?.supervision.kind === 'RATIO') {
    const effectiveFrom = addDays(weekStart, 3);
    ruleSets.push({
      ...amended,
      id: `synthetic-${amended.state}-${effectiveFrom}`,
      effectiveFrom,
      supervision: {
        kind: 'RATIO',
        tiers: [{ minCertifiedTechnicians: 0, firstPharmacist: 2, eachAdditionalPharmacist: 2 }],
        maxUncertifiedPerPharmacist: null,
      },
      citation: `SYNTHETIC amendment of ${amended.citation}`,
      confidenceNote: 'SYNTHETIC: a mid-week rule change to exercise versioning; not a real rule.',
    });
  }
  return ruleSets;
}
