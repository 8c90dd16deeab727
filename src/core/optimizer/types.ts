import type { Violation, SoftTerms } from '../checker/types.js';
import type { Roster } from '../model/roster.js';
import type { StateCode } from '../model/common.js';

/**
 * The optimizer's public contract. The objective of a roster is always
 * `checkRoster(instance, roster).soft.weightedTotal`: every method (heuristic, MIP, polishing)
 * minimises that one number, so objectives and bounds are comparable across methods.
 */

export type SolvePhase = 'construct' | 'improve' | 'bound' | 'polish' | 'verify' | 'done';

export interface SolveProgress {
  readonly phase: SolvePhase;
  /** Best objective found so far (weightedTotal), null before the first feasible roster. */
  readonly bestObjective: number | null;
  /** Best proven lower bound so far, null before one is known. */
  readonly bound: number | null;
  /** (best - bound) / max(|best|, 1e-9), null while either is unknown. */
  readonly gap: number | null;
  readonly elapsedSeconds: number;
}

export type SolverName = 'highs' | 'javascript-lp-solver';

export interface SolveOptions {
  /** Wall-clock budget for the whole solve, seconds. */
  readonly timeLimitSeconds: number;
  /** Seeds every random choice: same instance + seed + options => same roster. */
  readonly seed: number;
  /** 'auto' picks by size; 'mip' solves the monolithic model (small instances). */
  readonly method?: 'auto' | 'heuristic' | 'mip';
  /** LP/MIP solver for bounds and polishing. Default highs. */
  readonly solver?: SolverName;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SolveProgress) => void;
}

export type SolveStatus =
  /** Proven optimal (gap within tolerance). */
  | 'OPTIMAL'
  /** A roster with no hard violation; the gap says how far from optimal it may be. */
  | 'FEASIBLE'
  /** No roster satisfies the hard rules: see `infeasibility`. */
  | 'INFEASIBLE'
  | 'CANCELLED';

/** Why service is short in one (interval, state): the binding reason(s), most specific first. */
export interface ShortageExplanation {
  readonly intervalIndex: number;
  readonly state: StateCode;
  readonly queueId: string;
  readonly shortStaff: number;
  readonly reasons: readonly ShortageReason[];
}

export type ShortageReason =
  | { readonly kind: 'NO_LICENSED_TECHNICIAN'; readonly message: string }
  | { readonly kind: 'SUPERVISION_RATIO_BINDING'; readonly message: string }
  | { readonly kind: 'NO_ELIGIBLE_SUPERVISOR'; readonly message: string }
  | { readonly kind: 'AVAILABILITY'; readonly message: string }
  | { readonly kind: 'HOURS_OR_REST_LIMITS'; readonly message: string }
  | { readonly kind: 'COST_TRADE_OFF'; readonly message: string };

/** When no roster can satisfy the hard rules: the rules that conflict, and for whom. */
export interface InfeasibilityReport {
  readonly conflicts: readonly {
    readonly rules: readonly string[];
    readonly employeeIds: readonly string[];
    readonly state?: StateCode;
    readonly message: string;
  }[];
}

export interface SolveResult {
  readonly status: SolveStatus;
  /** Null only when INFEASIBLE, or CANCELLED before a first roster. Always checker-clean. */
  readonly roster: Roster | null;
  readonly objective: number | null;
  readonly soft: SoftTerms | null;
  readonly lowerBound: number | null;
  readonly gap: number | null;
  /** e.g. 'construct+local-search+highs-lp-bound' */
  readonly method: string;
  readonly elapsedSeconds: number;
  readonly explanations: readonly ShortageExplanation[];
  readonly infeasibility: InfeasibilityReport | null;
  /** The local search's work; null when none ran (no roster, the MIP method, a cancel first). */
  readonly search: SearchSummary | null;
  /**
   * Whether the same instance, seed and iteration budget give this same roster again: the solve
   * ran on an iteration budget (`SolveDeps.search`, the deterministic mode), and neither the clock
   * (construction or search cut short) nor a cancel ended a step early. A time-limited solve is
   * never reproducible: how far its search gets, and what its second thread adds, depend on the
   * machine. The lower bound and gap may differ even then (the second thread runs on the clock).
   */
  readonly reproducible: boolean;
}

export interface SearchSummary {
  readonly iterations: number;
  /** What ended the search: its iteration budget, the deadline, or a cancel/early stop. */
  readonly stoppedBy: 'iterations' | 'deadline' | 'signal';
}

/** Thrown when a solver or method produced a roster the independent checker rejects: a bug, never returned. */
export class RosterVerificationError extends Error {
  constructor(
    readonly method: string,
    readonly violations: readonly Violation[],
  ) {
    super(
      `${method} produced a roster with ${violations.length} hard-rule violation(s); first: ${violations[0]?.rule}: ${violations[0]?.message}`,
    );
    this.name = 'RosterVerificationError';
  }
}
