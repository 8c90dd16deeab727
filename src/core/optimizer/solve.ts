import { checkRoster } from '../checker/check-roster.js';
import type { SoftTerms } from '../checker/types.js';
import type { PlanningInstance } from '../model/instance.js';
import type { Roster } from '../model/roster.js';
import { type BoundProvider, relaxationBoundProvider } from './search/bounds.js';
import { construct } from './search/construct.js';
import { explainShortages } from './search/explain.js';
import { localSearch } from './search/local-search.js';
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
 * lower bound -> optional MIP polishing -> verify with the independent checker -> explain the
 * shortages. It never returns a roster the checker rejects: any hard violation throws
 * `RosterVerificationError` (a bug, not a result).
 *
 * Time: the local search stops at `timeLimitSeconds` minus a reserve for the bound, polishing and
 * verification (15 %, at most 3 s + 5 %; 30 % when polishing). Determinism: construction is
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

  const model = new SearchModel(instance);
  const built = construct(model, { seed: options.seed, deadline: started + limitMs * 0.3 });
  if (!built.weeks) {
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
  const state = new RosterState(model, built.weeks);
  bestObjective = state.objective;
  progress('construct');
  const methodParts = ['construct'];

  let bestWeeks: Week[] = state.snapshot();
  const cancelled = () => options.signal?.aborted === true;
  if (!cancelled()) {
    const tuning = deps.search ?? {};
    // Time kept for the bound, polishing, verification and explanations.
    const reserve = deps.polish
      ? limitMs * 0.3
      : deps.boundTimeShare !== undefined
        ? limitMs * deps.boundTimeShare
        : Math.min(limitMs * 0.15, 3000 + limitMs * 0.05);
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
      ...(options.signal ? { signal: options.signal } : {}),
      ...(tuning.startTemperature !== undefined
        ? { startTemperature: tuning.startTemperature }
        : {}),
      ...(tuning.endTemperature !== undefined ? { endTemperature: tuning.endTemperature } : {}),
      ...(tuning.cycles !== undefined ? { cycles: tuning.cycles } : {}),
      onImprove: (objective) => {
        bestObjective = objective;
        const now = performance.now();
        if (now - lastReport >= 250) {
          lastReport = now;
          progress('improve');
        }
      },
    });
    bestWeeks = result.best;
    if (process.env.ROSTER_SEARCH_DEBUG) {
      console.error(
        `local search: ${result.iterations} iterations, ${result.accepted} accepted, stopped by ${result.stoppedBy}; evaluations ${model.evaluator.evaluations}, cache hits ${model.evaluator.cacheHits}`,
      );
    }
    bestObjective = result.bestObjective;
    methodParts.push('local-search');
    progress('improve');
  }

  let finalState = new RosterState(model, bestWeeks);
  let roster = finalState.toRoster();

  if (!cancelled()) {
    const seconds = Math.max(0.5, (deadline - performance.now()) / 1000 / (deps.polish ? 2 : 1));
    try {
      bound = await bounds.lowerBound(instance, seconds);
      methodParts.push(bounds.name);
    } catch {
      bound = null;
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
          if (weeks) finalState = new RosterState(model, weeks);
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
    status: cancelled() ? 'CANCELLED' : gap !== null && gap <= OPTIMAL_GAP ? 'OPTIMAL' : 'FEASIBLE',
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
