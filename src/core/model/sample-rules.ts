import type { StateCode } from './common.js';
import type {
  JurisdictionRuleSet,
  RemoteTaskRule,
  StateCredential,
  SupervisionRule,
  TaskType,
} from './jurisdiction.js';

/**
 * SAMPLE rule sets built from the domain notes' table (docs: /work/shared/notes/domain.md).
 * They are test and demo data, NOT legal advice: every one must be verified with the state board
 * before it is used for a real roster. Where the notes are silent, the choice made here is stated
 * in `confidenceNote`; task rules beyond the cited remote provision are illustrative.
 */

const SAMPLE_EFFECTIVE_FROM = '2020-01-01';
const VERIFY = 'SAMPLE: verify with the state board before use.';

function task(
  minStateCredential: StateCredential,
  requiresCertification = false,
  minExperienceHours = 0,
  remoteAllowed = true,
): RemoteTaskRule {
  return { remoteAllowed, minStateCredential, requiresCertification, minExperienceHours };
}

const NOT_REMOTE: RemoteTaskRule = task('NONE', false, 0, false);

/** All four task types with the same rule, then per-task overrides. */
function tasks(
  all: RemoteTaskRule,
  overrides: Partial<Record<TaskType, RemoteTaskRule>> = {},
): Record<TaskType, RemoteTaskRule> {
  return {
    INSURANCE_CLAIMS: overrides.INSURANCE_CLAIMS ?? all,
    EPRESCRIPTION_ENTRY: overrides.EPRESCRIPTION_ENTRY ?? all,
    CUSTOMER_CALLS: overrides.CUSTOMER_CALLS ?? all,
    QA_REVIEW: overrides.QA_REVIEW ?? all,
  };
}

function ruleSet(
  state: StateCode,
  supervision: SupervisionRule,
  taskRules: Record<TaskType, RemoteTaskRule>,
  citation: string,
  note: string,
  extra: Partial<Pick<JurisdictionRuleSet, 'internsCount' | 'remoteTechniciansCount'>> = {},
): JurisdictionRuleSet {
  return {
    id: `sample-${state}-${SAMPLE_EFFECTIVE_FROM}`,
    state,
    effectiveFrom: SAMPLE_EFFECTIVE_FROM,
    supervision,
    remoteTechniciansCount: extra.remoteTechniciansCount ?? true,
    supervisorMustHoldStateLicence: true,
    internsCount: extra.internsCount ?? false,
    tasks: taskRules,
    citation,
    confidenceNote: `${VERIFY} ${note}`,
  };
}

const NONE: SupervisionRule = { kind: 'NONE' };
const certifiedQa = { QA_REVIEW: task('REGISTRATION', true, 1000) };

const SAMPLES: readonly JurisdictionRuleSet[] = [
  ruleSet(
    'NC',
    {
      kind: 'RATIO',
      tiers: [{ minCertifiedTechnicians: 0, firstPharmacist: 4, eachAdditionalPharmacist: 4 }],
      maxUncertifiedPerPharmacist: 2,
    },
    tasks(task('REGISTRATION'), certifiedQa),
    '21 NCAC 46.3301(e)',
    '2 per pharmacist, more only if the extra technicians are certified: at most 2 uncertified per pharmacist; the total of 4 is an assumption.',
  ),
  ruleSet(
    'MA',
    {
      kind: 'RATIO',
      tiers: [
        { minCertifiedTechnicians: 0, firstPharmacist: 3, eachAdditionalPharmacist: 3 },
        { minCertifiedTechnicians: 2, firstPharmacist: 4, eachAdditionalPharmacist: 4 },
      ],
      maxUncertifiedPerPharmacist: null,
    },
    tasks(task('REGISTRATION'), certifiedQa),
    '247 CMR 8.06(3)(a)',
    '1:4 with at least 2 certified, 1:3 otherwise; interns count (not modelled yet).',
    { internsCount: true },
  ),
  ruleSet(
    'GA',
    {
      kind: 'RATIO',
      tiers: [
        { minCertifiedTechnicians: 0, firstPharmacist: 2, eachAdditionalPharmacist: 2 },
        { minCertifiedTechnicians: 1, firstPharmacist: 3, eachAdditionalPharmacist: 3 },
        { minCertifiedTechnicians: 2, firstPharmacist: 4, eachAdditionalPharmacist: 4 },
      ],
      maxUncertifiedPerPharmacist: null,
    },
    tasks(task('REGISTRATION'), certifiedQa),
    'Ga. Comp. R. & Regs. 480-15-.03',
    '1:3 with >= 1 certified, 1:4 with >= 2 certified; 1:2 with none is an assumption.',
  ),
  ruleSet(
    'CA',
    {
      kind: 'RATIO',
      tiers: [{ minCertifiedTechnicians: 0, firstPharmacist: 1, eachAdditionalPharmacist: 2 }],
      maxUncertifiedPerPharmacist: null,
    },
    tasks(task('LICENCE'), { QA_REVIEW: task('LICENCE', true, 1000) }),
    'B&P Code 4115',
    '1 technician for the first pharmacist, 2 for each additional; remote processing as under the 2020 waiver.',
  ),
  ruleSet(
    'OH',
    NONE,
    tasks(task('REGISTRATION'), certifiedQa),
    'OAC 4729:5-5-25',
    'No general ratio; remote prescription entry incl. insurance processing with the pharmacist readily available.',
  ),
  ruleSet(
    'IA',
    NONE,
    tasks(task('REGISTRATION', true), { CUSTOMER_CALLS: task('REGISTRATION') }),
    'Iowa ARC 6416C',
    'Certified technicians may do remote data entry (real-time pharmacist access and logging assumed); no ratio modelled.',
  ),
  ruleSet(
    'NM',
    NONE,
    tasks(task('REGISTRATION', true, 2000), { CUSTOMER_CALLS: task('REGISTRATION') }),
    'NMAC 16.19.6.29',
    'Remote data entry: certified with >= 1 year (taken as 2,000 h) data-entry experience; QA programme assumed.',
  ),
  ruleSet(
    'IL',
    NONE,
    tasks(task('REGISTRATION'), { QA_REVIEW: NOT_REMOTE }),
    '225 ILCS 85/25.10',
    'Remote prescription processing between pharmacies; QA review kept on site (assumption).',
  ),
  ruleSet(
    'AZ',
    NONE,
    tasks(task('LICENCE', true, 1000)),
    'A.R.S. 32-1923.01',
    'Remote-site technicians need national certification and 1,000 h experience.',
  ),
];

/** The sample states, in table order: NC, MA, GA, CA (ratios), OH, IA, NM, IL, AZ (no ratio). */
export const SAMPLE_RULE_STATES: readonly StateCode[] = SAMPLES.map((rules) => rules.state);

/** Fresh copies of all sample rule sets (callers may modify them). */
export function sampleRuleSets(): JurisdictionRuleSet[] {
  return structuredClone(SAMPLES) as JurisdictionRuleSet[];
}

/** A fresh copy of one state's sample rule set. */
export function sampleRuleSet(state: StateCode): JurisdictionRuleSet {
  const found = SAMPLES.find((rules) => rules.state === state);
  if (!found) throw new RangeError(`No sample rule set for ${state}`);
  return structuredClone<JurisdictionRuleSet>(found);
}
