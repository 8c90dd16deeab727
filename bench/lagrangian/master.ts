import { loadHighs, rowBounds } from '../../src/core/optimizer/mip/highs-adapter.js';
import { numCols } from '../../src/core/optimizer/mip/sparse.js';
import { type Prices, signed } from './blocks.js';
import type { Decomposition } from './decompose.js';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

/**
 * The Dantzig-Wolfe restricted master of a decomposition: one convexity row per block
 * (Σ_p λ_{b,p} = 1) and one linking row per copy o_k (Σ_p o_k(p)·λ_p - Σ_p Σ_{s ∈ k} x_s(p)·λ_p =
 * 0) and the fairness rows as they are, over the block solutions generated so far, the spread
 * columns, and two artificial columns per linking row (always feasible; their costs box the
 * prices, see `setBox`). Its LP value falls to the Lagrangian dual as columns come in; its row duals y give
 * the next prices (μ = -y on the copies, ρ = y on the fairness rows; HiGHS: c - Aᵀy).
 * Kept in one persistent HiGHS model, so each solve starts from the last basis.
 */
export class RestrictedMaster {
  private constructor(
    private readonly highs: Highs,
    private readonly split: Decomposition,
    private readonly model: ReturnType<Highs['createModel']>,
  ) {}

  columns = 0;

  static async create(split: Decomposition): Promise<RestrictedMaster> {
    const highs = await loadHighs();
    const blocks = split.blocks.length;
    const copies = split.covers.length;
    const rows = blocks + copies + split.extra.length;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const cost: number[] = [];
    const upper: number[] = [];
    for (let k = 0; k < copies; k += 1)
      for (const sign of [1, -1]) {
        indices.push(blocks + k);
        values.push(sign);
        starts.push(indices.length);
        cost.push(0); // set by setBox before every solve
        upper.push(highs.infinity);
      }
    const lower = Array.from({ length: 2 * copies }, () => 0);
    const finite = (bound: number) =>
      Number.isFinite(bound) ? bound : Math.sign(bound) * highs.infinity;
    for (const { col, lower: low, upper: bound, entries } of split.spread) {
      for (const { extra, coef } of entries) {
        indices.push(blocks + copies + extra);
        values.push(coef);
      }
      starts.push(indices.length);
      cost.push(split.original.colCost[col]);
      lower.push(finite(low));
      upper.push(finite(bound));
    }
    const bounds = [
      ...split.blocks.map(() => [1, 1]),
      ...split.covers.map(() => [0, 0]),
      ...split.extra.map(({ sense, rhs }) => rowBounds(highs, sense, rhs)),
    ];
    const numCols = cost.length;
    const model = highs.createModel({
      numCols,
      numRows: rows,
      colCost: Float64Array.from(cost),
      colLower: Float64Array.from(lower),
      colUpper: Float64Array.from(upper),
      rowLower: Float64Array.from(bounds, ([lower]) => lower),
      rowUpper: Float64Array.from(bounds, ([, upper]) => upper),
      matrix: {
        format: 'csc',
        numRows: rows,
        numCols,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    });
    model.options.set({ output_flag: false, random_seed: 0 });
    return new RestrictedMaster(highs, split, model);
  }

  /**
   * Box-step stabilisation: the artificial columns' costs bound each copy's dual y_k = -μ_k to
   * [c_k - δ, c_k + δ] around the centre's (a column +e_k at cost c_k + δ caps y_k from above,
   * -e_k at δ - c_k from below), so the master's prices stay near the best ones so far.
   */
  setBox(centre: Prices, delta: number): void {
    const copies = this.split.covers.length;
    if (copies === 0) return;
    const costs = new Float64Array(2 * copies);
    for (let k = 0; k < copies; k += 1) {
      const y = -centre.mu[k];
      costs[2 * k] = y + delta;
      costs[2 * k + 1] = delta - y;
    }
    this.model.changeColsCost({ kind: 'range', from: 0, to: 2 * copies - 1 }, costs);
  }

  /** Block `b`'s solution (local values) as a column: its original cost, 1 in its convexity row, its copies. */
  add(b: number, values: readonly number[]): void {
    const { split } = this;
    const block = split.blocks[b];
    const n = numCols(split.original);
    const blocks = split.blocks.length;
    const copies = split.covers.length;
    const entries = new Map<number, number>([[b, 1]]);
    const bump = (row: number, v: number) => entries.set(row, (entries.get(row) ?? 0) + v);
    let cost = 0;
    block.globals.forEach((g, j) => {
      const v = values[j];
      if (Math.abs(v) < 1e-9) return;
      if (g >= n) {
        bump(blocks + g - n, v);
        return;
      }
      cost += split.original.colCost[g] * v;
      for (const o of split.oOfX.get(g) ?? []) bump(blocks + o, -v);
      for (const { extra, coef } of split.extraOf.get(g) ?? [])
        bump(blocks + copies + extra, coef * v);
    });
    const rows = [...entries].filter(([, v]) => Math.abs(v) > 1e-12);
    this.model.addCol(cost, 0, this.highs.infinity, {
      indices: Int32Array.from(rows.map(([r]) => r)),
      values: Float64Array.from(rows.map(([, v]) => v)),
    });
    this.columns += 1;
  }

  /** Solves the master LP: its value (offset included), the prices it implies, convexity duals. */
  solve(): { value: number; prices: Prices; convexity: Float64Array; status: number } {
    this.model.run();
    const blocks = this.split.blocks.length;
    const copies = this.split.covers.length;
    const dual = this.model.getSolution().rowDual;
    return {
      value: this.model.getObjectiveValue() + this.split.offset,
      prices: {
        mu: Float64Array.from(dual.subarray(blocks, blocks + copies), (y) => -y),
        rho: Float64Array.from(this.split.extra, (row, r) =>
          signed(row, dual[blocks + copies + r]),
        ),
      },
      convexity: Float64Array.from(dual.subarray(0, blocks)),
      status: this.model.getModelStatus(),
    };
  }

  dispose(): void {
    this.model.dispose();
  }
}
