import type { PlanningInstance } from '../../model/instance.js';
import { type DaySplit, splitByDay } from './day-split.js';
import { HighsLpSession } from './highs-lp-session.js';
import { cheapestOnBounds, signedPrice } from './lagrangian-prices.js';
import { buildRosterModel, exactModelIsRelaxation } from './model.js';

/**
 * dayLagrangianBound: a lower bound on the weekly LP relaxation (so on every checker-feasible
 * roster) from the week cut into days (day-split.ts). With prices ρ on the rows joining days
 * (ρ ≥ 0 on ≥ rows, ≤ 0 on ≤ rows, free on equalities),
 *
 *   L(ρ) = Σ_day min { (c - Aᵀρ)·x : the day's rows, bounds }  +  ρ·b
 *        + Σ_weekly columns min over their bounds of (c - Aᵀρ)_j·x_j,
 *
 * where A, b are the priced rows. Every weekly-LP solution restricted to a day satisfies that
 * day's rows, and ρ·(b - A·x) ≤ 0 for it, so L(ρ) ≤ LP ≤ the optimum, for every such ρ. The days'
 * LPs are small (medium: 3 000-10 000 columns, 0.3 s for all seven when re-solved from the last
 * basis) where the weekly LP takes 15-25 s, so the prices can be improved many times in a
 * solve's time: a deflected subgradient ascent on the rows scaled by their largest coefficient
 * (`SubgradientAscent`). At ρ = 0 the days ignore the weekly rows; medium seed 1 goes from 23 874
 * there (4.3 s: model, split, first LPs) to 27 688 in a 17.7 s job run alone (weekly LP 28 982;
 * the interval LP 22 195), docs/benchmarks.md.
 */

export interface DayBoundOptions {
  readonly timeLimitSeconds: number;
  readonly shouldStop?: () => boolean;
  /** Each improvement of the bound, as it is proven. */
  readonly onBound?: (bound: number) => void;
}

export interface DayBound {
  /** A valid lower bound on every checker-feasible roster's weightedTotal, or null. */
  readonly bound: number | null;
  /** Price vectors evaluated (the first is ρ = 0). */
  readonly steps: number;
  readonly seconds: number;
  readonly method: string;
}

const DEFLECTION = 0.6;
const TARGET_ABOVE = 0.25;
const STALL_STEPS = 3;
const MIN_STEP_FACTOR = 1e-4;
/** Each day's value is lowered by this, relative, against the LP solver's tolerances. */
const SOLVER_GUARD = 1e-6;

export async function dayLagrangianBound(
  instance: PlanningInstance,
  options: DayBoundOptions,
): Promise<DayBound> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const mode = exactModelIsRelaxation(instance) ? 'exact' : 'relaxed';
  const { model, index } = buildRosterModel(instance, { supervision: mode });
  const method = `day-lagrangian-${mode}`;
  const split = splitByDay(model, index);
  const sessions: HighsLpSession[] = [];
  try {
    for (const block of split.blocks) sessions.push(await HighsLpSession.open(block.model));
    const pricing = new DayPricing(split, sessions, options.shouldStop);
    const ascent = new SubgradientAscent(split);
    let best: number | null = null;
    let steps = 0;
    let lastStep = 0;
    while (!options.shouldStop?.() && elapsed() + lastStep < options.timeLimitSeconds) {
      const at = performance.now();
      const evaluation = pricing.evaluate(ascent.prices, options.timeLimitSeconds - elapsed());
      steps += 1;
      lastStep = (performance.now() - at) / 1000;
      if (evaluation && (best === null || evaluation.value > best)) {
        best = evaluation.value;
        options.onBound?.(best);
      }
      if (!ascent.next(evaluation)) break;
    }
    return { bound: best, steps, seconds: elapsed(), method };
  } finally {
    for (const session of sessions) session.dispose();
  }
}

interface Evaluation {
  /** L(ρ), guarded. */
  readonly value: number;
  /** ∂L/∂ρ: b - A·x at the days' and weekly columns' minimisers. */
  readonly gradient: Float64Array;
}

/** L(ρ) and its subgradient: the days' LPs under the priced costs, the weekly columns apart. */
class DayPricing {
  constructor(
    private readonly split: DaySplit,
    private readonly sessions: readonly HighsLpSession[],
    private readonly shouldStop?: () => boolean,
  ) {}

  /** null when a day's LP did not reach its optimum (stopped, out of time) or L is -∞. */
  evaluate(prices: Float64Array, secondsLeft: number): Evaluation | null {
    const { split } = this;
    const gradient = Float64Array.from(split.priced, (row) => row.rhs);
    let value = split.offset;
    split.priced.forEach((row, p) => {
      value += prices[p] * row.rhs;
    });
    for (const { col, lower, upper } of split.loose) {
      const cost = this.pricedCost(col, prices);
      const x = cheapestOnBounds(cost, lower, upper);
      if (!Number.isFinite(x)) return null;
      value += cost * x;
      this.subtract(col, x, gradient);
    }
    for (let b = 0; b < split.blocks.length; b += 1) {
      const block = split.blocks[b];
      const costs = Float64Array.from(block.cols, (col) => this.pricedCost(col, prices));
      const answer = this.sessions[b].solve(costs, secondsLeft, this.shouldStop);
      if (!answer.optimal) return null;
      value += answer.objective - SOLVER_GUARD * Math.max(1, Math.abs(answer.objective));
      block.cols.forEach((col, j) => this.subtract(col, answer.values[j], gradient));
    }
    return { value, gradient };
  }

  /** c_j - Σ_p ρ_p·a_pj. */
  private pricedCost(col: number, prices: Float64Array): number {
    const { split } = this;
    let cost = split.costs[col];
    for (let k = split.pricedStarts[col]; k < split.pricedStarts[col + 1]; k += 1)
      cost -= prices[split.pricedRows[k]] * split.pricedCoefs[k];
    return cost;
  }

  private subtract(col: number, x: number, gradient: Float64Array): void {
    if (x === 0) return;
    const { split } = this;
    for (let k = split.pricedStarts[col]; k < split.pricedStarts[col + 1]; k += 1)
      gradient[split.pricedRows[k]] -= split.pricedCoefs[k] * x;
  }
}

/**
 * The prices' next value, on the priced rows scaled by their largest coefficient σ (weekly hours
 * count in hours, rest and fairness rows in shifts or fractions): ρ_p + s·d_p/σ_p projected onto
 * the sign constraints, d = g/σ + α·d_previous, s = θ·(target - L)/|d|² over the components the
 * projection does not hold at zero. After a failed evaluation the search goes back to the best
 * prices with half the step. (Scaling measured: medium seeds 1-3 in 17.7 s 27 688 / 16 258 /
 * 20 837 against 27 683 / 16 194 / 20 558 unscaled.)
 */
class SubgradientAscent {
  prices: Float64Array;
  private bestPrices: Float64Array;
  private direction: Float64Array;
  private theta = 1;
  private stalled = 0;
  private best = -Infinity;

  /** Each priced row's largest |coefficient|: the steps work on the rows scaled to 1. */
  private readonly scale: Float64Array;

  constructor(private readonly split: DaySplit) {
    this.prices = new Float64Array(split.priced.length);
    this.bestPrices = this.prices;
    this.direction = new Float64Array(split.priced.length);
    this.scale = rowScales(split);
  }

  /** Moves the prices after `evaluation`; false when the step has become too small to matter. */
  next(evaluation: Evaluation | null): boolean {
    if (!evaluation) return this.retreat();
    if (evaluation.value > this.best) {
      this.best = evaluation.value;
      this.bestPrices = this.prices;
      this.stalled = 0;
    } else if (++this.stalled >= STALL_STEPS) this.halve();
    const direction = evaluation.gradient.map(
      (g, p) => g / this.scale[p] + DEFLECTION * this.direction[p],
    );
    this.direction = direction;
    let norm = 0;
    direction.forEach((d, p) => {
      if (!this.heldAtZero(p, d)) norm += d * d;
    });
    if (norm === 0) return false;
    const target = this.best + TARGET_ABOVE * Math.max(1, Math.abs(this.best));
    const step = (this.theta * (target - evaluation.value)) / norm;
    this.prices = this.prices.map((rho, p) =>
      signedPrice(this.split.priced[p].sense, rho + (step * direction[p]) / this.scale[p]),
    );
    return this.theta >= MIN_STEP_FACTOR;
  }

  private retreat(): boolean {
    this.prices = this.bestPrices;
    this.direction = new Float64Array(this.direction.length);
    this.halve();
    return this.theta >= MIN_STEP_FACTOR;
  }

  private halve(): void {
    this.theta /= 2;
    this.stalled = 0;
  }

  private heldAtZero(p: number, d: number): boolean {
    const { sense } = this.split.priced[p];
    const rho = this.prices[p];
    return (sense === 'G' && rho <= 0 && d < 0) || (sense === 'L' && rho >= 0 && d > 0);
  }
}

function rowScales(split: DaySplit): Float64Array {
  const scale = new Float64Array(split.priced.length);
  split.pricedRows.forEach((p, k) => {
    scale[p] = Math.max(scale[p], Math.abs(split.pricedCoefs[k]));
  });
  return scale.map((largest) => (largest > 0 ? largest : 1));
}
