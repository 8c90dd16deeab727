import { Random } from '../../generator/prng.js';
import { bestWeek } from './best-week.js';
import { MoveMaker } from './moves.js';
import type { Week } from './model.js';
import type { DayChange, PricedMove, RosterState } from './state.js';

/**
 * Local search over shifts: first each pharmacist's best week in turn, then simulated annealing
 * with the moves of `MoveMaker` (moves.ts), each of which keeps every employee's week legal; a
 * move's price comes from the interval evaluator on the affected intervals plus the employee terms
 * and fairness (`RosterState.price`), and pricing stops early once the move cannot be accepted.
 *
 * Determinism: all choices come from a seeded `Random`. The search stops at the FIRST of
 * `maxIterations`, the deadline and the abort signal; only the iteration count is deterministic.
 * Same instance + seed + `maxIterations` reached before the deadline => same roster on any machine.
 * When the deadline stops it, the roster depends on how many iterations the machine managed.
 */

export interface LocalSearchOptions {
  readonly seed: number;
  /** performance.now() instant at which to stop. */
  readonly deadline: number;
  readonly maxIterations: number;
  readonly signal?: AbortSignal;
  /** Called when the best objective improves. */
  readonly onImprove?: (objective: number, iterations: number) => void;
  /** Yield to the event loop at least this often (ms), so messages and aborts get through. */
  readonly yieldEveryMs?: number;
  /** Annealing temperatures (objective units) at the start and the end of the run. */
  readonly startTemperature?: number;
  readonly endTemperature?: number;
  /** Annealing cycles; each starts again from the best roster so far (default 3). */
  readonly cycles?: number;
  /**
   * Best weeks computed on another thread (a `BestWeekSource`): the search then makes no
   * best-week moves of its own and prices the source's proposals instead.
   */
  readonly bestWeeks?: BestWeekSource;
}

/**
 * Best weeks (best-week.ts) computed elsewhere, e.g. on the second core, on a copy of the roster
 * that the search keeps up to date: every applied move and every restart is passed on.
 */
export interface BestWeekSource {
  /** The weeks proposed since the last call, oldest first: one employee's whole week each. */
  take(): readonly WeekProposal[];
  /** A move was applied to the roster (with the interval outcomes it priced). */
  applied(move: PricedMove): void;
  /** The roster was replaced (the search's start, a restart from the best roster). */
  reset(weeks: readonly Week[]): void;
}

export interface WeekProposal {
  readonly employee: number;
  readonly week: Week;
}

export interface LocalSearchResult {
  readonly best: Week[];
  readonly bestObjective: number;
  readonly iterations: number;
  readonly accepted: number;
  readonly stoppedBy: 'iterations' | 'deadline' | 'signal';
  /** Proposals of `bestWeeks` priced (0 without a source). */
  readonly proposalsPriced: number;
}

const EPSILON = 1e-9;
/**
 * With a best-week source the search yields this often (ms), so proposals arrive while fresh;
 * at most this many wait, the oldest dropped first (a source faster than the search).
 */
const SOURCE_YIELD_MS = 10;
const MAX_WAITING_PROPOSALS = 16;

export async function localSearch(
  state: RosterState,
  options: LocalSearchOptions,
): Promise<LocalSearchResult> {
  const rng = new Random(options.seed);
  const source = options.bestWeeks;
  const maker = new MoveMaker(state.model, state, rng, { bestWeeks: !source });
  const yieldEvery = source
    ? Math.min(options.yieldEveryMs ?? 50, SOURCE_YIELD_MS)
    : (options.yieldEveryMs ?? 50);
  const constructed = state.objective;
  await bestWeeksOfPharmacists(state, options, yieldEvery);
  if (state.objective < constructed - 1e-7) options.onImprove?.(state.objective, 0);
  maker.refreshShortIntervals();
  source?.reset(state.weeks);
  const waiting: WeekProposal[] = [];
  let proposalsPriced = 0;
  const schedule = new AnnealingSchedule(options, performance.now());
  let best = state.snapshot();
  let bestObjective = state.objective;
  let iterations = 0;
  let accepted = 0;
  let lastYield = performance.now();
  let stoppedBy: LocalSearchResult['stoppedBy'] = 'iterations';
  while (iterations < options.maxIterations) {
    if (options.signal?.aborted) {
      stoppedBy = 'signal';
      break;
    }
    const now = performance.now();
    if (now >= options.deadline) {
      stoppedBy = 'deadline';
      break;
    }
    if (now - lastYield >= yieldEvery) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      lastYield = performance.now();
      if (source) takeProposals(source, waiting);
    }
    iterations += 1;
    if (iterations % 500 === 0) maker.refreshShortIntervals();
    if (iterations % 2000 === 0) state.recompute();
    // Each cycle restarts from the best roster so far, before the next move is drawn (moves are
    // made for the state they apply to).
    const { restart, temperature } = schedule.at(iterations, now);
    if (restart) {
      state.reset(best);
      maker.refreshShortIntervals();
      source?.reset(best);
      waiting.length = 0;
    }
    const proposal = proposalChanges(state, waiting.shift());
    if (proposal) proposalsPriced += 1;
    const move = cheapestAcceptable(state, proposal ? [proposal] : maker.next(), rng, temperature);
    if (!move) continue;
    state.apply(move);
    source?.applied(move);
    accepted += 1;
    if (state.objective < bestObjective - 1e-7) {
      bestObjective = state.objective;
      best = state.snapshot();
      options.onImprove?.(bestObjective, iterations);
    }
  }
  return { best, bestObjective, iterations, accepted, stoppedBy, proposalsPriced };
}

/**
 * Simulated annealing's temperature, geometric from the start to the end temperature within each
 * of several cycles. It follows the iteration budget when there is one (so the run is
 * deterministic), else the clock.
 */
class AnnealingSchedule {
  private readonly byIterations: boolean;
  private readonly span: number;
  private readonly t0: number;
  private readonly t1: number;
  private readonly cycles: number;
  private currentCycle = 0;

  constructor(
    private readonly options: LocalSearchOptions,
    private readonly started: number,
  ) {
    this.byIterations = Number.isFinite(options.maxIterations);
    this.span = Math.max(1, options.deadline - started);
    this.t0 = options.startTemperature ?? 50;
    this.t1 = options.endTemperature ?? 1;
    this.cycles = Math.max(1, options.cycles ?? 3);
  }

  /** The temperature at this iteration and instant, and whether a new cycle starts here. */
  at(iterations: number, now: number): { restart: boolean; temperature: number } {
    const progress = this.byIterations
      ? iterations / this.options.maxIterations
      : (now - this.started) / this.span;
    const cycle = Math.min(this.cycles - 1, Math.floor(progress * this.cycles));
    const restart = cycle !== this.currentCycle;
    this.currentCycle = cycle;
    const within = Math.min(1, progress * this.cycles - cycle);
    return { restart, temperature: this.t0 * Math.pow(this.t1 / this.t0, within) };
  }
}

/** The source's new proposals join the queue; beyond its limit the oldest are dropped. */
function takeProposals(source: BestWeekSource, waiting: WeekProposal[]): void {
  waiting.push(...source.take());
  if (waiting.length > MAX_WAITING_PROPOSALS)
    waiting.splice(0, waiting.length - MAX_WAITING_PROPOSALS);
}

/**
 * The best of a move's alternatives if the Metropolis rule accepts it, else null. A change of
 * delta is accepted with probability exp(-delta / T), i.e. when delta is at most T * -ln(u);
 * drawing u first lets pricing stop once an alternative cannot be accepted (or beaten).
 */
function cheapestAcceptable(
  state: RosterState,
  alternatives: readonly DayChange[][],
  rng: Random,
  temperature: number,
): PricedMove | null {
  if (alternatives.length === 0) return null;
  const threshold = Math.max(EPSILON, -temperature * Math.log(rng.next()));
  let move: PricedMove | null = null;
  for (const changes of alternatives) {
    const priced = state.price(changes, Math.min(threshold, move ? move.delta : Infinity));
    if (priced && (!move || priced.delta < move.delta)) move = priced;
  }
  return move && move.delta <= threshold ? move : null;
}

/**
 * The changes that give a proposed week to its employee, or null when there are none or the week
 * is no longer legal here (the proposal was made on a roster a few moves behind this one).
 */
function proposalChanges(
  state: RosterState,
  proposal: WeekProposal | undefined,
): DayChange[] | null {
  if (!proposal) return null;
  const { employee, week } = proposal;
  const model = state.model;
  const current = state.weeks[employee];
  const changes: DayChange[] = [];
  for (let day = 0; day < 7; day += 1) {
    const pin = model.pinned[employee][day];
    if (pin && week[day] !== pin) return null;
    if (week[day] !== current[day]) changes.push({ employee, day, next: week[day] });
  }
  if (changes.length === 0) return null;
  if (!model.weekAllowed(employee, week) || !model.meetsMinimum(employee, week)) return null;
  return changes;
}

/**
 * Before the annealing, each pharmacist in turn takes their best week (best-week.ts) where it
 * lowers the objective. The construction placed pharmacists by a proxy of the supervision the
 * technicians would need; this places them by its exact worth, which the annealing's
 * one-employee-at-a-time best weeks would reach only after many iterations at the large size
 * (docs/benchmarks.md). Deterministic; stops at the deadline or the abort signal.
 */
async function bestWeeksOfPharmacists(
  state: RosterState,
  options: LocalSearchOptions,
  yieldEvery: number,
): Promise<void> {
  let lastYield = performance.now();
  for (const e of state.model.pharmacists) {
    if (options.signal?.aborted || performance.now() >= options.deadline) return;
    if (performance.now() - lastYield >= yieldEvery) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
    const changes = bestWeek(state, e);
    const move = changes && state.price(changes);
    if (move && move.delta < -EPSILON) state.apply(move);
  }
}
