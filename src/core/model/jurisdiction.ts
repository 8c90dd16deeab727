import type { LocalDate, StateCode } from './common.js';

export const TASK_TYPES = [
  'INSURANCE_CLAIMS',
  'EPRESCRIPTION_ENTRY',
  'CUSTOMER_CALLS',
  'QA_REVIEW',
] as const;
/** The kinds of remote technician work a state may allow or forbid. */
export type TaskType = (typeof TASK_TYPES)[number];

/** State credentials, weakest first: `REGISTRATION` is met by a registration or a licence. */
export const STATE_CREDENTIALS = ['NONE', 'REGISTRATION', 'LICENCE'] as const;
export type StateCredential = (typeof STATE_CREDENTIALS)[number];

/**
 * What a state requires of a REMOTE technician doing one task type for its patients. All listed
 * requirements must hold on the date worked.
 */
export interface RemoteTaskRule {
  readonly remoteAllowed: boolean;
  /** Technician licence/registration in this state. */
  readonly minStateCredential: StateCredential;
  /** A valid national certification (CPhT or ExCPT). */
  readonly requiresCertification: boolean;
  readonly minExperienceHours: number;
}

/**
 * One ratio tier: applies when each pharmacist-equivalent in use supervises at least
 * `minCertifiedTechnicians` certified technicians. A pharmacist-equivalent total `p` may supervise
 * `firstPharmacist * p` technicians for `p <= 1` and `firstPharmacist + eachAdditionalPharmacist * (p - 1)`
 * beyond (see docs/rules-and-checker.md, "Supervision").
 */
export interface RatioTier {
  readonly minCertifiedTechnicians: number;
  readonly firstPharmacist: number;
  readonly eachAdditionalPharmacist: number;
}

export type SupervisionRule =
  | { readonly kind: 'NONE' }
  | {
      readonly kind: 'RATIO';
      /** At least one tier; the most favourable usable tier applies. */
      readonly tiers: readonly RatioTier[];
      /** Cap on uncertified technicians per pharmacist-equivalent, or `null` for none. */
      readonly maxUncertifiedPerPharmacist: number | null;
    };

/**
 * A state's rules, versioned: the set in force on a date is the one with the latest
 * `effectiveFrom <= date`. Rules are data, never legal advice: `citation` and `confidenceNote`
 * say where they come from and how sure we are.
 */
export interface JurisdictionRuleSet {
  readonly id: string;
  readonly state: StateCode;
  readonly effectiveFrom: LocalDate;
  readonly supervision: SupervisionRule;
  /** Whether remote technicians count toward the ratio (default true). */
  readonly remoteTechniciansCount: boolean;
  /** Whether a supervising pharmacist must hold this state's pharmacist licence (default true). */
  readonly supervisorMustHoldStateLicence: boolean;
  /** Whether interns count toward the ratio. Recorded only: interns are not modelled yet. */
  readonly internsCount: boolean;
  readonly tasks: Readonly<Record<TaskType, RemoteTaskRule>>;
  readonly citation: string;
  readonly confidenceNote: string;
}
