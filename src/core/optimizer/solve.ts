import { checkRoster } from '../checker/check-roster.js';
import type { SoftTerms } from '../checker/types.js';
import type { PlanningInstance } from '../model/instance.js';
import type { Roster } from '../model/roster.js';
import { type BoundProvider, relaxationBoundProvider } from './search/bounds.js';
import { construct } from './search/construct.js';
import { explainShortages } from './search/explain.js';
import { type BestWeekSource, localSearch } from './search/local-search.js';
import { type Candidate, SearchModel, type Week } from './search/model.js';
import { RosterState } from './search/state.js';
import {
  type InfeasibilityReport,
  RosterVerificationError,
  type ShortageExplanation,
  type SolveOptions,
  type SolveProgress,
  type SolveResult,
} from './types.js';

/**
 * The roster optimizer's orchestrator: construct -> improve (local search) while time remains ->
 * lower bound (before the search when the provider is quick) -> optional MIP polishing -> verify
 * with the independent checker -> explain the shortages. It never returns a roster the checker
 * rejects: any hard violation throws `RosterVerificationError` (a bug, not a result).
 *
 * Time: the local search stops at `timeLimitSeconds` minus a reserve for what follows it
 * (`searchReserveMs`: the final steps only, when the bound is in and no second thread runs; else
 * 15 %, at most 3 s + 5 %; 30 % when polishing). Determinism: construction is
 * deterministic; the local search is deterministic when it stops by its iteration budget
 * (`deps.search.maxIterations` or `iterationsPerSecond` x time limit) before the deadline, so the
 * same instance + seed + budget gives the same roster. Stopped by the clock, the roster depends
 * on the machine's speed.
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
  /** Starts the job, or returns null when it would not help within this time limit. */
  start(instance: PlanningInstance, options: { timeLimitSeconds: number }): ParallelRun | null;
}

/**
 * Runs best weeks for the local search on another thread (`LocalSearchOptions.bestWeeks`):
 * `worker/run-best-weeks-in-worker.ts`. Used only when the search stops by the clock (its
 * proposals arrive when they arrive) and the second core is free: no second-thread job, or a
 * quick one.
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

/**
 * Seconds before the deadline at which the second thread is asked to stop and answer, and how long
 * it may then take before it is terminated. Measured on a small week with the search busy on the
 * other core: the answer came 0.1–0.6 s after the stop (HiGHS's interrupt, the decoding and the
 * check of its roster), so a 0.6 s grace dropped it about one time in three.
 */
const PARALLEL_STOP_BEFORE_DEADLINE = 1.2;
const PARALLEL_ANSWER_GRACE = 1.1;

/** The second thread's time limit: the solve's, less its start-up and the runner's final steps. */
function parallelTimeLimit(limitSeconds: number): number {
  return Math.max(0.5, limitSeconds * 0.9 - 0.3);
}

/** Waits for the second thread until the deadline, then stops it and waits a little more. */
async function awaitParallel(
  run: ParallelRun,
  deadline: number,
  cancelled: () => boolean,
): Promise<ParallelOutcome | null> {
  const sleep = (ms: number) =>
    new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), Math.max(0, ms)));
  const until = cancelled()
    ? 0
    : deadline - PARALLEL_STOP_BEFORE_DEADLINE * 1000 - performance.now();
  const first = await Promise.race([run.result, sleep(until)]);
  if (first !== 'late') return first;
  run.stop();
  const second = await Promise.race([run.result, sleep(PARALLEL_ANSWER_GRACE * 1000)]);
  if (second !== 'late') return second;
  run.terminate();
  // A run may settle on termination with what it had (e.g. the MIP's bound so far).
  return Promise.race([run.result, Promise.resolve(null)]);
}

const OPTIMAL_GAP = 1e-6;

function gapOf(best: number | null, bound: number | null): number | null {
  if (best === null || bound === null) return null;
  return Math.max(0, (best - bound) / Math.max(Math.abs(best), 1e-9));
}

/** Weeks matching a roster's shifts (null if a shift is not a known candidate or pin). */
function weeksFromRoster(model: SearchModel, roster: Roster): Week[] | null {
  const weeks: Week[] = model.employees.map(() => Array<Candidate | null>(7).fill(null));
  for (const shift of roster.shifts) {
    const e = model.indexOf(shift.employeeId);
    if (e === undefined) return null;
    const match =
      model.pinned[e].find((c) => c?.start === shift.start && c.end === shift.end) ??
      model.candidates[e].find((c) => c.start === shift.start && c.end === shift.end);
    if (!match || weeks[e][match.day] !== null) return null;
    weeks[e][match.day] = match;
  }
  return weeks;
}

export async function solveRoster(
  instance: PlanningInstance,
  options: SolveOptions,
  deps: SolveDeps = {},
): Promise<SolveResult> {
  const started = performance.now();
  const limitMs = Math.max(0, options.timeLimitSeconds) * 1000;
  const deadline = started + limitMs;
  const elapsed = () => (performance.now() - started) / 1000;
  const bounds = deps.bounds ?? relaxationBoundProvider;
  let bestObjective: number | null = null;
  let bound: number | null = null;
  const progress = (phase: SolveProgress['phase']) =>
    options.onProgress?.({
      phase,
      bestObjective,
      bound,
      gap: gapOf(bestObjective, bound),
      elapsedSeconds: elapsed(),
    });

  if (options.method === 'mip' && deps.mip) return deps.mip(instance, options);

  // The second thread gets (almost) the whole budget, so it starts before construction.
  const tuning = deps.search ?? {};
  const deterministic =
    tuning.maxIterations !== undefined || tuning.iterationsPerSecond !== undefined;
  const earlyStop = new AbortController();
  const searchSignal = new AbortController();
  const relayAbort = () => searchSignal.abort();
  options.signal?.addEventListener('abort', relayAbort, { once: true });
  earlyStop.signal.addEventListener('abort', relayAbort, { once: true });
  if (options.signal?.aborted) searchSignal.abort();
  let parallel: ParallelRun | null = null;
  let parallelOutcome: ParallelOutcome | null = null;
  // Set once the best-week helper runs: whatever ends the solve also ends its thread.
  let stopHelper: () => void = () => undefined;
  if (deps.parallel && !options.signal?.aborted) {
    parallel = deps.parallel.start(instance, {
      timeLimitSeconds: parallelTimeLimit(options.timeLimitSeconds),
    });
    parallel?.result.then(
      (outcome) => {
        parallelOutcome = outcome;
        if (outcome?.bound !== null && outcome?.bound !== undefined) {
          bound = bound === null ? outcome.bound : Math.max(bound, outcome.bound);
          progress('bound');
        }
        // Not in the deterministic mode: the search must run its whole budget there.
        if (outcome?.proven && !deterministic) earlyStop.abort();
      },
      () => earlyStop.abort(),
    );
  }
  try {
    return await heuristicSolve();
  } finally {
    options.signal?.removeEventListener('abort', relayAbort);
    parallel?.terminate();
    stopHelper();
  }

  async function heuristicSolve(): Promise<SolveResult> {
    const cancelled = () => options.signal?.aborted === true;
    const model = new SearchModel(instance);
    // Started first: its thread builds its own model while this one constructs.
    const helperProvider = deps.bestWeekHelper;
    const helper =
      helperProvider && !deterministic && !cancelled() && (parallel?.quick ?? true)
        ? helperProvider.start(model, options.seed)
        : null;
    if (helper) stopHelper = () => helper.stop();
    const built = construct(model, { seed: options.seed, deadline: started + limitMs * 0.3 });
    if (!built.weeks) {
      parallel?.terminate();
      const infeasibility: InfeasibilityReport = built.infeasibility ?? { conflicts: [] };
      progress('done');
      return {
        status: 'INFEASIBLE',
        roster: null,
        objective: null,
        soft: null,
        lowerBound: null,
        gap: null,
        method: 'construct',
        elapsedSeconds: elapsed(),
        explanations: [],
        infeasibility,
      };
    }
    const evaluationStarted = performance.now();
    const state = new RosterState(model, built.weeks);
    const evaluationMs = performance.now() - evaluationStarted;
    bestObjective = state.objective;
    progress('construct');
    const methodParts = ['construct'];
    const addBound = async (seconds: number) => {
      try {
        const own = await bounds.lowerBound(instance, seconds);
        if (own !== null) bound = bound === null ? own : Math.max(bound, own);
        methodParts.push(bounds.name);
      } catch {
        // No bound from this provider; the second thread's may still count.
      }
      progress('bound');
    };
    // A quick bound does not depend on the roster: computed now, it needs no time after the search.
    const boundFirst = bounds.quick === true && !cancelled();
    if (boundFirst) await addBound((deadline - performance.now()) / 1000);

    let bestWeeks: Week[] = state.snapshot();
    if (!cancelled() && !earlyStop.signal.aborted) {
      const reserve = searchReserveMs(limitMs, deps, {
        awaitsParallel: parallel !== null && parallel.quick !== true,
        evaluationMs: boundFirst ? evaluationMs : null,
      });
      const maxIterations =
        tuning.maxIterations ??
        (tuning.iterationsPerSecond !== undefined
          ? Math.round(tuning.iterationsPerSecond * options.timeLimitSeconds)
          : Number.POSITIVE_INFINITY);
      let lastReport = performance.now();
      const result = await localSearch(state, {
        seed: options.seed,
        deadline: deadline - reserve,
        maxIterations,
        signal: searchSignal.signal,
        ...(tuning.startTemperature !== undefined
          ? { startTemperature: tuning.startTemperature }
          : {}),
        ...(tuning.endTemperature !== undefined ? { endTemperature: tuning.endTemperature } : {}),
        ...(tuning.cycles !== undefined ? { cycles: tuning.cycles } : {}),
        ...(helper ? { bestWeeks: helper } : {}),
        onImprove: (objective) => {
          bestObjective = objective;
          const now = performance.now();
          if (now - lastReport >= 250) {
            lastReport = now;
            progress('improve');
          }
        },
      });
      helper?.stop();
      bestWeeks = result.best;
      if (process.env.ROSTER_SEARCH_DEBUG) {
        console.error(
          `local search: ${result.iterations} iterations, ${result.accepted} accepted, ${result.proposalsPriced} helper proposals priced, stopped by ${result.stoppedBy}; evaluations ${model.evaluator.evaluations}, cache hits ${model.evaluator.cacheHits}`,
        );
      }
      bestObjective = result.bestObjective;
      methodParts.push('local-search');
      if (helperProvider && result.proposalsPriced > 0) methodParts.push(helperProvider.name);
      progress('improve');
    }

    // The search priced moves without supervision trades; the roster it returns gets them.
    const finalOptions = { supervisionTrades: true };
    let finalState = new RosterState(model, bestWeeks, finalOptions);
    let roster = finalState.toRoster();

    if (!cancelled() && !boundFirst)
      await addBound(Math.max(0.5, (deadline - performance.now()) / 1000 / (deps.polish ? 2 : 1)));

    if (parallel) {
      const outcome = parallelOutcome ?? (await awaitParallel(parallel, deadline, cancelled));
      if (outcome) {
        if (outcome.bound !== null) {
          bound = bound === null ? outcome.bound : Math.max(bound, outcome.bound);
          methodParts.push(parallel.name ?? deps.parallel!.name);
        }
        if (outcome.roster && !deterministic) {
          const check = checkRoster(instance, outcome.roster);
          if (
            check.violations.length === 0 &&
            check.soft.weightedTotal <
              finalState.objective - 1e-7 * Math.max(1, Math.abs(finalState.objective))
          ) {
            roster = outcome.roster;
            methodParts.push(outcome.method);
            const weeks = weeksFromRoster(model, outcome.roster);
            if (weeks) finalState = new RosterState(model, weeks, finalOptions);
          }
        }
      }
      progress('bound');
    }

    if (deps.polish && !cancelled() && performance.now() < deadline - 500) {
      progress('polish');
      const free = polishNeighbourhood(model, finalState, options.seed);
      try {
        const polished = await deps.polish.polish(instance, roster, free, {
          timeLimitSeconds: Math.max(0.5, (deadline - performance.now()) / 1000 - 0.5),
        });
        if (polished) {
          const check = checkRoster(instance, polished);
          if (
            check.violations.length === 0 &&
            check.soft.weightedTotal < finalState.objective - 1e-7
          ) {
            roster = polished;
            methodParts.push(deps.polish.name);
            const weeks = weeksFromRoster(model, polished);
            if (weeks) finalState = new RosterState(model, weeks, finalOptions);
          }
        }
      } catch {
        // Polishing is optional: keep the search's roster.
      }
    }

    progress('verify');
    const method = methodParts.join('+');
    const check = checkRoster(instance, roster);
    if (check.violations.length > 0) throw new RosterVerificationError(method, check.violations);
    const soft: SoftTerms = check.soft;
    bestObjective = soft.weightedTotal;
    if (bound !== null && bound > bestObjective) {
      // Rounding between two float sums is clamped; anything larger is not a valid bound.
      bound =
        bound - bestObjective <= 1e-6 * Math.max(1, Math.abs(bestObjective)) ? bestObjective : null;
    }
    const gap = gapOf(bestObjective, bound);
    const explanations: ShortageExplanation[] = explainShortages(
      model,
      finalState.weeks,
      finalState.outcomes,
    );
    progress('done');
    return {
      status: cancelled()
        ? 'CANCELLED'
        : gap !== null && gap <= OPTIMAL_GAP
          ? 'OPTIMAL'
          : 'FEASIBLE',
      roster,
      objective: bestObjective,
      soft,
      lowerBound: bound,
      gap,
      method,
      elapsedSeconds: elapsed(),
      explanations,
      infeasibility: null,
    };
  }
}

/**
 * What the final steps after the search cost, in full evaluations of the week (RosterState's
 * construction, measured before the search) plus a constant: the evaluation with supervision
 * trades, the checker and the explanations. Measured at the large size: an evaluation 0.14 s, the
 * final one 0.26-1 s, the check 0.12 s, the explanations 0.08 s.
 */
const FINAL_STEPS_BASE_MS = 300;
const FINAL_STEPS_PER_EVALUATION = 10;

/**
 * Time kept after the search for the bound, polishing, the final evaluation, verification and
 * explanations. With a quick bound already computed and no slow second-thread job to wait for
 * (none, or a quick one), only the final steps: the fixed share (15 %, at most 3 s + 5 %) had left 4.7 s of a 60 s large solve
 * and 2.8 s of a 20 s medium one unused.
 */
export function searchReserveMs(
  limitMs: number,
  deps: SolveDeps,
  measured: { awaitsParallel: boolean; evaluationMs: number | null },
): number {
  if (deps.polish) return limitMs * 0.3;
  if (deps.boundTimeShare !== undefined) return limitMs * deps.boundTimeShare;
  const share = Math.min(limitMs * 0.15, 3000 + limitMs * 0.05);
  if (measured.awaitsParallel || measured.evaluationMs === null) return share;
  return Math.min(share, FINAL_STEPS_BASE_MS + FINAL_STEPS_PER_EVALUATION * measured.evaluationMs);
}

/** Employees to free for polishing: those on duty in the intervals with the largest shortfall. */
function polishNeighbourhood(model: SearchModel, state: RosterState, seed: number): string[] {
  const worst = state.outcomes
    .map((o, i) => ({ i, value: o.value }))
    .sort((a, b) => b.value - a.value || ((a.i * 2654435761) ^ seed) - ((b.i * 2654435761) ^ seed))
    .slice(0, 6);
  const chosen = new Set<number>();
  for (const { i } of worst) {
    for (const e of state.onDuty[i]) chosen.add(e);
    for (const e of model.technicians) {
      if (chosen.size >= 30) break;
      if (model.candidates[e].some((c) => c.first <= i && i < c.last)) chosen.add(e);
    }
  }
  return [...chosen]
    .slice(0, 30)
    .map((e) => model.employees[e].id)
    .sort();
}
