import { checkRoster } from '../checker/check-roster.js';
import type { PlanningInstance } from '../model/instance.js';
import type { Roster } from '../model/roster.js';
import { awaitParallel, parallelTimeLimit } from './await-parallel.js';
import { relaxationBoundProvider } from './search/bounds.js';
import { construct } from './search/construct.js';
import { explainShortages } from './search/explain.js';
import { localSearch } from './search/local-search.js';
import { type Candidate, SearchModel, type Week } from './search/model.js';
import { RosterState } from './search/state.js';
import type { BestWeekHelper, ParallelOutcome, ParallelRun, SolveDeps } from './solve-deps.js';
import {
  type InfeasibilityReport,
  RosterVerificationError,
  type SearchSummary,
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
 * 15 %, at most 3 s + 5 %; 30 % when polishing). Determinism: with an iteration budget
 * (`deps.search.maxIterations` or `iterationsPerSecond` x time limit) the solve leaves out what
 * runs on the clock and could change the roster (the best-week helper, the second thread's
 * roster, polishing), so the same instance + seed + budget give the same roster whenever neither
 * the construction nor the search is cut short by the deadline; `SolveResult.reproducible` says
 * whether that held. Stopped by the clock, the roster depends on the machine's speed.
 */
export async function solveRoster(
  instance: PlanningInstance,
  options: SolveOptions,
  deps: SolveDeps = {},
): Promise<SolveResult> {
  if (options.method === 'mip' && deps.mip) return deps.mip(instance, options);
  const run = new RosterSolve(instance, options, deps);
  try {
    return await run.solve();
  } finally {
    run.release();
  }
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

/** The roster to return so far, with its evaluation (for the objective and the explanations). */
interface Incumbent {
  readonly roster: Roster;
  readonly state: RosterState;
}

/** The search priced moves without supervision trades; the roster it returns gets them. */
const FINAL_EVALUATION = { supervisionTrades: true };

/**
 * One solve: its clock, the best objective and bound reported so far, the method's trail, and the
 * threads it started (released by `release`, however the solve ends).
 */
class RosterSolve {
  private readonly started = performance.now();
  private readonly limitMs: number;
  private readonly deadline: number;
  /** Stopped by an iteration budget: the same roster for the same seed (SolveDeps.search). */
  private readonly deterministic: boolean;
  /** Ends the search early (a proven-optimal roster from the second thread). */
  private readonly earlyStop = new AbortController();
  private readonly searchSignal = new AbortController();
  private readonly relayAbort = () => this.searchSignal.abort();
  private parallel: ParallelRun | null = null;
  private parallelOutcome: ParallelOutcome | null = null;
  private helper: BestWeekHelper | null = null;
  private bestObjective: number | null = null;
  private bound: number | null = null;
  private readonly methodParts: string[] = [];
  /** What the search did, and whether the clock cut the construction short. */
  private searchSummary: SearchSummary | null = null;
  private constructionCutShort = false;

  constructor(
    private readonly instance: PlanningInstance,
    private readonly options: SolveOptions,
    private readonly deps: SolveDeps,
  ) {
    this.limitMs = Math.max(0, options.timeLimitSeconds) * 1000;
    this.deadline = this.started + this.limitMs;
    const tuning = deps.search ?? {};
    this.deterministic =
      tuning.maxIterations !== undefined || tuning.iterationsPerSecond !== undefined;
    options.signal?.addEventListener('abort', this.relayAbort, { once: true });
    this.earlyStop.signal.addEventListener('abort', this.relayAbort, { once: true });
    if (options.signal?.aborted) this.searchSignal.abort();
  }

  async solve(): Promise<SolveResult> {
    // The second thread gets (almost) the whole budget, so it starts before construction.
    this.startParallel();
    const model = new SearchModel(this.instance);
    // Started before construction: its thread builds its own model meanwhile.
    this.startHelper(model);
    const built = construct(model, {
      seed: this.options.seed,
      deadline: this.started + this.limitMs * 0.3,
    });
    this.constructionCutShort = built.cutShort;
    if (!built.weeks) return this.infeasible(built.infeasibility ?? { conflicts: [] });
    const evaluationStarted = performance.now();
    const state = new RosterState(model, built.weeks);
    const evaluationMs = performance.now() - evaluationStarted;
    this.bestObjective = state.objective;
    this.progress('construct');
    this.methodParts.push('construct');
    // A quick bound does not depend on the roster: computed now, it needs no time after the search.
    const boundFirst = this.bounds.quick === true && !this.cancelled();
    if (boundFirst) await this.addBound(model, this.secondsLeft());
    const bestWeeks =
      this.cancelled() || this.earlyStop.signal.aborted
        ? state.snapshot()
        : await this.search(state, boundFirst ? evaluationMs : null);
    const searched = new RosterState(model, bestWeeks, FINAL_EVALUATION);
    let incumbent: Incumbent = { roster: searched.toRoster(), state: searched };
    if (!this.cancelled() && !boundFirst)
      await this.addBound(model, Math.max(0.5, this.secondsLeft() / (this.deps.polish ? 2 : 1)));
    if (this.parallel) incumbent = await this.collectParallel(model, incumbent);
    // Polishing runs HiGHS on the clock, so the deterministic mode leaves it out.
    const polishes = this.deps.polish && !this.deterministic && !this.cancelled();
    if (polishes && performance.now() < this.deadline - 500)
      incumbent = await this.polish(model, incumbent);
    return this.finish(model, incumbent);
  }

  /** Ends what the solve started: the second thread, the helper, the abort relay. */
  release(): void {
    this.options.signal?.removeEventListener('abort', this.relayAbort);
    this.parallel?.terminate();
    this.helper?.stop();
  }

  private get bounds() {
    return this.deps.bounds ?? relaxationBoundProvider;
  }

  private elapsed(): number {
    return (performance.now() - this.started) / 1000;
  }

  private secondsLeft(): number {
    return (this.deadline - performance.now()) / 1000;
  }

  private cancelled(): boolean {
    return this.options.signal?.aborted === true;
  }

  private progress(phase: SolveProgress['phase']): void {
    this.options.onProgress?.({
      phase,
      bestObjective: this.bestObjective,
      bound: this.bound,
      gap: gapOf(this.bestObjective, this.bound),
      elapsedSeconds: this.elapsed(),
    });
  }

  private raiseBound(value: number): void {
    this.bound = this.bound === null ? value : Math.max(this.bound, value);
  }

  private startParallel(): void {
    if (!this.deps.parallel || this.options.signal?.aborted) return;
    this.parallel = this.deps.parallel.start(this.instance, {
      timeLimitSeconds: parallelTimeLimit(this.options.timeLimitSeconds),
      // Proven as posted: the progress events carry it while the search runs.
      onBound: (bound) => this.raiseBound(bound),
    });
    this.parallel?.result.then(
      (outcome) => {
        this.parallelOutcome = outcome;
        if (outcome?.bound !== null && outcome?.bound !== undefined) {
          this.raiseBound(outcome.bound);
          this.progress('bound');
        }
        // Not in the deterministic mode: the search must run its whole budget there.
        if (outcome?.proven && !this.deterministic) this.earlyStop.abort();
      },
      () => this.earlyStop.abort(),
    );
  }

  private startHelper(model: SearchModel): void {
    const provider = this.deps.bestWeekHelper;
    if (!provider || this.deterministic || this.cancelled()) return;
    if (!(this.parallel?.quick ?? true)) return;
    this.helper = provider.start(model, this.options.seed);
  }

  private infeasible(infeasibility: InfeasibilityReport): SolveResult {
    this.parallel?.terminate();
    this.progress('done');
    return {
      status: 'INFEASIBLE',
      roster: null,
      objective: null,
      soft: null,
      lowerBound: null,
      gap: null,
      method: 'construct',
      elapsedSeconds: this.elapsed(),
      explanations: [],
      infeasibility,
      search: null,
      // The conflicts come from the weekly minimums alone, before any step on the clock.
      reproducible: this.deterministic,
    };
  }

  private async addBound(model: SearchModel, seconds: number): Promise<void> {
    try {
      const own = await this.bounds.lowerBound(this.instance, seconds, model);
      if (own !== null) this.raiseBound(own);
      this.methodParts.push(this.bounds.name);
    } catch {
      // No bound from this provider; the second thread's may still count.
    }
    this.progress('bound');
  }

  /** The local search until the deadline less the reserve (`searchReserveMs`); its best weeks. */
  private async search(state: RosterState, evaluationMs: number | null): Promise<Week[]> {
    const tuning = this.deps.search ?? {};
    const reserve = searchReserveMs(this.limitMs, this.deps, {
      awaitsParallel:
        this.parallel !== null && this.parallel.quick !== true && this.parallel.anytime !== true,
      evaluationMs,
    });
    const maxIterations =
      tuning.maxIterations ??
      (tuning.iterationsPerSecond !== undefined
        ? Math.round(tuning.iterationsPerSecond * this.options.timeLimitSeconds)
        : Number.POSITIVE_INFINITY);
    let lastReport = performance.now();
    const result = await localSearch(state, {
      seed: this.options.seed,
      deadline: this.deadline - reserve,
      maxIterations,
      signal: this.searchSignal.signal,
      ...(tuning.startTemperature !== undefined
        ? { startTemperature: tuning.startTemperature }
        : {}),
      ...(tuning.endTemperature !== undefined ? { endTemperature: tuning.endTemperature } : {}),
      ...(tuning.cycles !== undefined ? { cycles: tuning.cycles } : {}),
      ...(this.helper ? { bestWeeks: this.helper } : {}),
      onImprove: (objective) => {
        this.bestObjective = objective;
        const now = performance.now();
        if (now - lastReport >= 250) {
          lastReport = now;
          this.progress('improve');
        }
      },
    });
    this.helper?.stop();
    if (process.env.ROSTER_SEARCH_DEBUG) {
      const { evaluator } = state.model;
      console.error(
        `local search: ${result.iterations} iterations, ${result.accepted} accepted, ${result.proposalsPriced} helper proposals priced, stopped by ${result.stoppedBy}; evaluations ${evaluator.evaluations}, cache hits ${evaluator.cacheHits}`,
      );
    }
    this.bestObjective = result.bestObjective;
    this.searchSummary = { iterations: result.iterations, stoppedBy: result.stoppedBy };
    this.methodParts.push('local-search');
    if (this.helper && result.proposalsPriced > 0)
      this.methodParts.push(this.deps.bestWeekHelper!.name);
    this.progress('improve');
    return result.best;
  }

  /**
   * `candidate` in place of the incumbent when the checker finds it clean and strictly better
   * (beyond float noise), with `method` added to the trail; else the incumbent.
   */
  private adoptIfBetter(
    model: SearchModel,
    incumbent: Incumbent,
    candidate: Roster,
    method: string,
  ): Incumbent {
    const check = checkRoster(this.instance, candidate);
    const objective = incumbent.state.objective;
    if (check.violations.length > 0) return incumbent;
    if (check.soft.weightedTotal >= objective - 1e-7 * Math.max(1, Math.abs(objective)))
      return incumbent;
    this.methodParts.push(method);
    const weeks = weeksFromRoster(model, candidate);
    return {
      roster: candidate,
      state: weeks ? new RosterState(model, weeks, FINAL_EVALUATION) : incumbent.state,
    };
  }

  /** The second thread's bound, and its roster when better (not in the deterministic mode). */
  private async collectParallel(model: SearchModel, incumbent: Incumbent): Promise<Incumbent> {
    const run = this.parallel!;
    const outcome =
      this.parallelOutcome ?? (await awaitParallel(run, this.deadline, () => this.cancelled()));
    let result = incumbent;
    if (outcome) {
      if (outcome.bound !== null) {
        this.raiseBound(outcome.bound);
        this.methodParts.push(run.name ?? this.deps.parallel!.name);
      }
      if (outcome.roster && !this.deterministic)
        result = this.adoptIfBetter(model, incumbent, outcome.roster, outcome.method);
    }
    this.progress('bound');
    return result;
  }

  /** MIP polishing of the employees around the worst intervals, while time remains. */
  private async polish(model: SearchModel, incumbent: Incumbent): Promise<Incumbent> {
    const polisher = this.deps.polish!;
    this.progress('polish');
    const free = polishNeighbourhood(model, incumbent.state, this.options.seed);
    try {
      const polished = await polisher.polish(this.instance, incumbent.roster, free, {
        timeLimitSeconds: Math.max(0.5, this.secondsLeft() - 0.5),
      });
      return polished ? this.adoptIfBetter(model, incumbent, polished, polisher.name) : incumbent;
    } catch {
      // Polishing is optional: keep the search's roster.
      return incumbent;
    }
  }

  /** Verifies the roster with the checker (a violation throws), explains it, and answers. */
  private finish(model: SearchModel, { roster, state }: Incumbent): SolveResult {
    this.progress('verify');
    const method = this.methodParts.join('+');
    const check = checkRoster(this.instance, roster);
    if (check.violations.length > 0) throw new RosterVerificationError(method, check.violations);
    const objective = check.soft.weightedTotal;
    this.bestObjective = objective;
    if (this.bound !== null && this.bound > objective) {
      // Rounding between two float sums is clamped; anything larger is not a valid bound.
      this.bound =
        this.bound - objective <= 1e-6 * Math.max(1, Math.abs(objective)) ? objective : null;
    }
    const gap = gapOf(objective, this.bound);
    const explanations = explainShortages(model, state.weeks, state.outcomes);
    this.progress('done');
    return {
      status: this.cancelled()
        ? 'CANCELLED'
        : gap !== null && gap <= OPTIMAL_GAP
          ? 'OPTIMAL'
          : 'FEASIBLE',
      roster,
      objective,
      soft: check.soft,
      lowerBound: this.bound,
      gap,
      method,
      elapsedSeconds: this.elapsed(),
      explanations,
      infeasibility: null,
      search: this.searchSummary,
      reproducible:
        this.deterministic &&
        !this.cancelled() &&
        !this.constructionCutShort &&
        this.searchSummary?.stoppedBy === 'iterations',
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
