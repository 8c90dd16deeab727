import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { HighsSolver, loadHighs, toModelData } from '../../src/core/optimizer/mip/highs-adapter.js';
import { cheapestOnBounds, signedPrice } from '../../src/core/optimizer/mip/lagrangian-prices.js';
import { type MipModel, numCols, numRows, toDense } from '../../src/core/optimizer/mip/sparse.js';
import type { Block, Decomposition, ExtraRow } from './decompose.js';

/** The weekly LP's value and row duals (HiGHS: column duals = c - Aᵀ·rowDual). */
export async function weeklyLp(model: MipModel, seconds: number) {
  const highs = await loadHighs();
  const instance = highs.createModel(toModelData(highs, model, true));
  try {
    instance.options.set({ output_flag: false, time_limit: seconds, solver: 'ipm' });
    instance.run();
    const solution = instance.getSolution();
    return {
      status: instance.getModelStatus(),
      objective: instance.getObjectiveValue(),
      rowDual: Float64Array.from(solution.rowDual),
      colDual: Float64Array.from(solution.colDual),
    };
  } finally {
    instance.dispose();
  }
}

type WeeklyLp = Awaited<ReturnType<typeof weeklyLp>>;

/**
 * The weekly LP, read from `file` when an earlier run saved it for a model of this shape (the large
 * week's LP takes a quarter of an hour), otherwise solved and saved there.
 */
export async function cachedWeeklyLp(
  model: MipModel,
  seconds: number,
  file: string | undefined,
): Promise<WeeklyLp> {
  const shape = { rows: numRows(model), cols: numCols(model), nonZeros: model.values.length };
  if (file && existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as typeof shape & {
      status: WeeklyLp['status'];
      objective: number;
      rowDual: number[];
      colDual: number[];
    };
    if (saved.rows !== shape.rows || saved.cols !== shape.cols || saved.nonZeros !== shape.nonZeros)
      throw new Error(`${file} holds the LP of another model`);
    return {
      ...saved,
      rowDual: Float64Array.from(saved.rowDual),
      colDual: Float64Array.from(saved.colDual),
    };
  }
  const lp = await weeklyLp(model, seconds);
  if (file)
    writeFileSync(
      file,
      JSON.stringify({
        ...shape,
        ...lp,
        rowDual: Array.from(lp.rowDual),
        colDual: Array.from(lp.colDual),
      }),
    );
  return lp;
}

/** Largest |(c - Aᵀy)_j - colDual_j|: confirms the dual sign convention the multipliers use. */
export function conventionError(
  model: MipModel,
  rowDual: Float64Array,
  colDual: Float64Array,
): number {
  const reduced = Float64Array.from(model.colCost);
  for (let r = 0; r < numRows(model); r += 1)
    for (let k = model.rowStarts[r]; k < model.rowStarts[r + 1]; k += 1)
      reduced[model.indices[k]] -= model.values[k] * rowDual[r];
  let worst = 0;
  for (let j = 0; j < reduced.length; j += 1)
    worst = Math.max(worst, Math.abs(reduced[j] - colDual[j]));
  return worst;
}

/**
 * Prices of the dualised rows: μ_k on o_k - Σ_{s ∈ k} x_s = 0 (Lagrangian term +μ·(o - Σx)) and
 * ρ_r on the fairness rows as HiGHS reports row duals (term -ρ_r·(a_r·v - rhs_r): ρ <= 0 on <=
 * rows, >= 0 on >= rows, for a valid bound).
 */
export interface Prices {
  readonly mu: Float64Array;
  readonly rho: Float64Array;
}

/** The weekly LP's duals as prices: there the blocks' LPs add up to the LP bound. */
export function pricesFromDuals(split: Decomposition, rowDual: Float64Array): Prices {
  const mu = new Float64Array(split.covers.length);
  for (const { row, os, coefs } of split.linking)
    os.forEach((o, k) => {
      mu[o] += rowDual[row] * coefs[k];
    });
  return { mu, rho: Float64Array.from(split.extra, (row) => signed(row, rowDual[row.row])) };
}

/** A priced row's multiplier with the sign that keeps L a lower bound (`signedPrice`). */
export function signed(row: ExtraRow, dual: number): number {
  return signedPrice(row.sense, dual);
}

/** Lagrangian cost of model column g (< numCols), or of o_k (g = numCols + k). */
function lagrangianCost(split: Decomposition, prices: Prices, g: number): number {
  const n = numCols(split.original);
  if (g >= n) return prices.mu[g - n];
  let cost = split.original.colCost[g];
  for (const o of split.oOfX.get(g) ?? []) cost -= prices.mu[o];
  for (const { extra, coef } of split.extraOf.get(g) ?? []) cost -= prices.rho[extra] * coef;
  return cost;
}

/**
 * The spread and loose columns' and the extra rows' right-hand sides' part of L: Σ ρ·rhs + min
 * over the columns' bounds; `rowGradient` starts as rhs - (those columns' part of a·v).
 */
function pricedRest(split: Decomposition, prices: Prices, rowGradient: Float64Array): number {
  let total = 0;
  split.extra.forEach((row, r) => {
    total += prices.rho[r] * row.rhs;
    rowGradient[r] = row.rhs;
  });
  for (const { col, lower, upper, entries } of split.spread) {
    let cost = split.original.colCost[col];
    for (const { extra, coef } of entries) cost -= prices.rho[extra] * coef;
    const at = cheapestOnBounds(cost, lower, upper);
    if (!Number.isFinite(at)) throw new Error(`column ${col} unbounded under its prices`);
    if (cost !== 0) total += cost * at;
    for (const { extra, coef } of entries) rowGradient[extra] -= coef * at;
  }
  return total;
}

/** One block's solution under Lagrangian costs: its proven bound and its (local) values. */
export interface BlockResult {
  readonly bound: number;
  /** The solution's value under the Lagrangian costs (>= bound). */
  readonly objective: number;
  readonly values: readonly number[];
  readonly optimal: boolean;
  /** `values` is a solution of the block (not of its LP, as when the MIP found none in time). */
  readonly integer: boolean;
}

interface Evaluation {
  readonly value: number;
  /** o_k - Σ_{s ∈ k} x_s at the blocks' solutions. */
  readonly subgradient: Float64Array;
  /** rhs_r - a_r·v of each extra row at the blocks' solutions (L's slope in ρ_r). */
  readonly rowGradient: Float64Array;
  readonly unsolved: number;
  readonly results: readonly BlockResult[];
  /** The blocks' part of `value`, employee blocks and interval blocks apart. */
  readonly byKind: Readonly<Record<Block['kind'], number>>;
}

/** L(prices): every block with its Lagrangian costs, each solved by HiGHS (its proven bound counts). */
export async function evaluate(
  split: Decomposition,
  prices: Prices,
  relax: boolean,
  blockSeconds: number,
): Promise<Evaluation> {
  const n = numCols(split.original);
  const subgradient = new Float64Array(split.covers.length);
  const rowGradient = new Float64Array(split.extra.length);
  const results: BlockResult[] = [];
  let value = split.offset + pricedRest(split, prices, rowGradient);
  let unsolved = 0;
  const byKind = { employee: 0, interval: 0, state: 0, day: 0 };
  for (const block of split.blocks) {
    block.globals.forEach((g, j) => {
      block.model.colCost[j] = lagrangianCost(split, prices, g);
    });
    const solved = await solveBlock(block.model, relax, blockSeconds);
    results.push(solved);
    value += solved.bound;
    byKind[block.kind] += solved.bound;
    if (!solved.optimal) unsolved += 1;
    block.globals.forEach((g, j) => {
      const v = solved.values[j];
      if (v === 0) return;
      if (g >= n) {
        subgradient[g - n] += v;
        return;
      }
      for (const o of split.oOfX.get(g) ?? []) subgradient[o] -= v;
      for (const { extra, coef } of split.extraOf.get(g) ?? []) rowGradient[extra] -= coef * v;
    });
  }
  return { value, subgradient, rowGradient, unsolved, results, byKind };
}

const blockSolver = new HighsSolver();

/**
 * One block by HiGHS through the guarded adapter (the solution is checked against the block),
 * or directly when it has no rows. Its bound is HiGHS's proven one, also at a time limit.
 */
async function solveBlock(model: MipModel, relax: boolean, seconds: number): Promise<BlockResult> {
  if (numRows(model) === 0) {
    const values = model.colCost.map((cost, j) =>
      cost < 0 ? model.colUpper[j] : model.colLower[j],
    );
    if (values.some((v) => !Number.isFinite(v))) throw new Error('unbounded block');
    const bound = values.reduce((sum, v, j) => sum + v * model.colCost[j], 0);
    return { bound, objective: bound, values, optimal: true, integer: true };
  }
  const solved = await blockSolver.solve(model, { timeLimitSeconds: seconds, relax });
  if (solved.bound === null) throw new Error(`block without a bound (status ${solved.status})`);
  if (solved.values === null || solved.objective === null) {
    // A large block can stop without any roster; its bound still counts, and its LP solution
    // gives the subgradient a direction (never a master column: it is not a block solution).
    if (relax) throw new Error(`block LP without a solution (status ${solved.status})`);
    const lp = await solveBlock(model, true, seconds);
    return { ...lp, bound: solved.bound, optimal: false, integer: false };
  }
  return {
    bound: solved.bound,
    objective: solved.objective,
    values: Array.from(toDense(model, solved.values)),
    optimal: solved.status === 'OPTIMAL',
    integer: !relax,
  };
}
