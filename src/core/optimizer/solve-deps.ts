import type { PlanningInstance } from '../model/instance.js';
import type { Roster } from '../model/roster.js';
import type { BoundProvider } from './search/bounds.js';
import type { BestWeekSource } from './search/local-search.js';
import type { SearchModel } from './search/model.js';
import type { SolveOptions, SolveResult } from './types.js';

/**
 * What `solveRoster` can be given besides the instance: the bound, the second thread, the
 * best-week helper, polishing and the search's budget. default-deps.ts chooses them for the
 * service; tests pass their own.
 */

/** Re-optimises a neighbourhood of a roster (the MIP module's `polishNeighbourhood`). */
export interface PolishProvider {
  readonly name: string;
  polish(
    instance: PlanningInstance,
    incumbent: Roster,
    freeEmployeeIds: readonly string[],
    options: { timeLimitSeconds: number },
  ): Promise<Roster | null>;
}

/** What the second thread reports (`SolveDeps.parallel`). */
export interface ParallelOutcome {
  /** A valid lower bound on weightedTotal, or null. */
  readonly bound: number | null;
  /** A checker-clean roster (e.g. the MIP's incumbent), or null. */
  readonly roster: Roster | null;
  /** `roster` is proven optimal. */
  readonly proven: boolean;
  readonly method: string;
}

export interface ParallelStartOptions {
  readonly timeLimitSeconds: number;
  readonly onBound?: (bound: number) => void;
}

/** A running second-thread job. */
export interface ParallelRun {
  /** For `SolveResult.method` (default: the provider's name). */
  readonly name?: string;
  /**
   * Answers within seconds, whatever the time limit (the interval LP bound): the search then keeps
   * no time for waiting on it, and a late answer is stopped like any other.
   */
  readonly quick?: boolean;
  /**
   * Its bound so far counts at any moment (posted as it improves, the day bound): the search keeps
   * no time for waiting on it, and when the search ends the job is ended at once with that bound.
   */
  readonly anytime?: boolean;
  /**
   * The outcome; null when the job failed or was terminated with nothing to show. Rejects only
   * with RosterVerificationError (a roster the checker rejects: a bug, failed loudly).
   */
  readonly result: Promise<ParallelOutcome | null>;
  /** Asks the job to stop now and answer with what it has (bound, incumbent). */
  stop(): void;
  /**
   * Ends the job without waiting for it. If it had not answered, `result` settles at once (before
   * `terminate` returns) with what it had reported so far, e.g. a bound without a roster, or null.
   */
  terminate(): void;
}

/**
 * Runs a bound (and possibly an exact solve) on another thread while the heuristic runs on this
 * one: `worker/run-bound-in-worker.ts` (`workerBound('mip' | 'lp')`), chosen by default-deps.ts.
 */
export interface ParallelBoundProvider {
  readonly name: string;
  /**
   * Starts the job, or returns null when it would not help within this time limit. `onBound` hears
   * each proven bound the job posts while it runs (the MIP's dual bound, the day bound), so the
   * solve's progress events carry it before the job answers.
   */
  start(instance: PlanningInstance, options: ParallelStartOptions): ParallelRun | null;
}

/**
 * Runs best weeks for the local search on another thread (`LocalSearchOptions.bestWeeks`):
 * `worker/run-best-weeks-in-worker.ts`. Used only when the search stops by the clock (its
 * proposals arrive when they arrive) and the second core is free: no second-thread job, or a
 * quick one. (Next to the anytime day bound it took most of the core: medium 20 s solves reported
 * 23 874 instead of 26 905, for rosters within the runs' noise; docs/benchmarks.md.)
 */
export interface BestWeekHelperProvider {
  readonly name: string;
  start(model: SearchModel, seed: number): BestWeekHelper;
}

export interface BestWeekHelper extends BestWeekSource {
  /** Ends the helper's thread (idempotent). */
  stop(): void;
}

export interface SearchTuning {
  /** Local-search iteration budget (deterministic stopping rule). Default: none (time only). */
  readonly maxIterations?: number;
  /** Alternative budget: iterations per second of `timeLimitSeconds`. */
  readonly iterationsPerSecond?: number;
  /** Annealing temperatures at the start and end of each cycle (defaults 50 and 1). */
  readonly startTemperature?: number;
  readonly endTemperature?: number;
  /** Annealing cycles, each restarting from the best roster (default 3). */
  readonly cycles?: number;
}

export interface SolveDeps {
  /** Lower bound; default the relaxation bound (search/bounds.ts). */
  readonly bounds?: BoundProvider;
  /** MIP neighbourhood polishing, used when given and time remains. */
  readonly polish?: PolishProvider;
  /** Monolithic MIP (`solveMonolithicMip`), used for method 'mip' when given. */
  readonly mip?: (instance: PlanningInstance, options: SolveOptions) => Promise<SolveResult>;
  readonly search?: SearchTuning;
  /** Share of the time limit kept for the lower bound (and what follows it); default about 15 %. */
  readonly boundTimeShare?: number;
  /**
   * A second thread started with the solve (see `ParallelBoundProvider`). Its bound always
   * counts; its roster replaces the heuristic's when the checker finds it strictly better — unless
   * the search runs on an iteration budget (`search.maxIterations` / `iterationsPerSecond`: the
   * deterministic mode), where only the bound is used. A proven-optimal roster ends the search
   * early.
   */
  readonly parallel?: ParallelBoundProvider;
  /** Best weeks on the second core while it is free (see `BestWeekHelperProvider`). */
  readonly bestWeekHelper?: BestWeekHelperProvider;
}
