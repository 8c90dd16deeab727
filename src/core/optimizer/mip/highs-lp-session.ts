import type { Highs } from 'highs';
import { type HighsModel, guard, loadHighs, runHighs, toModelData } from './highs-adapter.js';
import { type MipModel, numCols } from './sparse.js';

/**
 * One LP kept loaded in HiGHS and solved again and again under new objective coefficients: each
 * solve starts from the previous optimal basis (a cost change keeps it primal feasible, so the
 * primal simplex needs few iterations), where `HighsSolver` builds a fresh model per solve. A
 * Lagrangian bound prices the same blocks dozens of times (mip/day-bound.ts). Run and guarded
 * by the adapter's own `runHighs` and `guard`: an OPTIMAL answer's values must satisfy the model
 * within the tolerance, and its objective under these costs must match them, or
 * SolverResultError is thrown.
 */
export interface LpAnswer {
  /** OPTIMAL: `objective` is the LP's minimum under these costs; otherwise no answer. */
  readonly optimal: boolean;
  readonly objective: number;
  readonly values: Float64Array;
}

const GUARD_TOLERANCE = 1e-5;

export class HighsLpSession {
  private constructor(
    private readonly highs: Highs,
    private readonly model: MipModel,
    private readonly instance: HighsModel,
  ) {}

  static async open(model: MipModel): Promise<HighsLpSession> {
    const highs = await loadHighs();
    const instance = highs.createModel(toModelData(highs, model, true));
    instance.options.set({ output_flag: false, random_seed: 0 });
    return new HighsLpSession(highs, model, instance);
  }

  /**
   * Minimises under `costs` (one per column; the model's offset is kept); `shouldStop` is polled
   * inside the simplex, and a stopped solve is not OPTIMAL.
   */
  solve(costs: Float64Array, timeLimitSeconds: number, shouldStop?: () => boolean): LpAnswer {
    const n = numCols(this.model);
    this.instance.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, costs);
    this.instance.options.set({ time_limit: Math.max(0.01, timeLimitSeconds) });
    runHighs(this.highs, this.instance, shouldStop ? { shouldStop } : {}, false);
    const optimal = this.instance.getModelStatus() === this.highs.constants.modelStatus.optimal;
    if (!optimal) return { optimal, objective: NaN, values: new Float64Array(0) };
    const values = Float64Array.from(this.instance.getSolution().colValue);
    const objective = this.instance.getObjectiveValue();
    const priced = { ...this.model, colCost: Array.from(costs) };
    guard('highs-lp-session', priced, values, true, GUARD_TOLERANCE, objective);
    return { optimal, objective, values };
  }

  dispose(): void {
    this.instance.dispose();
  }
}
