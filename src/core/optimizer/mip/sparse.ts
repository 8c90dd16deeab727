/**
 * A solver-independent sparse MIP: columns (name, bounds, integrality, objective coefficient) and
 * rows (name, sense, right-hand side, sparse coefficients). Minimisation, with a constant
 * `objectiveOffset`. Arrays grow by push, so building a model with millions of non-zeros costs
 * one pass; rows are stored compressed (CSR), which is what HiGHS takes directly.
 */

export type RowSense = 'L' | 'G' | 'E';

export interface MipModel {
  readonly colNames: string[];
  readonly colLower: number[];
  readonly colUpper: number[];
  readonly colCost: number[];
  /** 1 for integer (binary when bounds are [0, 1]), 0 for continuous. */
  readonly colInteger: number[];
  readonly rowNames: string[];
  readonly rowSense: RowSense[];
  readonly rowRhs: number[];
  /** CSR: row i occupies `rowStarts[i]` .. `rowStarts[i + 1]` of `indices` / `values`. */
  readonly rowStarts: number[];
  readonly indices: number[];
  readonly values: number[];
  objectiveOffset: number;
}

export function emptyModel(): MipModel {
  return {
    colNames: [],
    colLower: [],
    colUpper: [],
    colCost: [],
    colInteger: [],
    rowNames: [],
    rowSense: [],
    rowRhs: [],
    rowStarts: [0],
    indices: [],
    values: [],
    objectiveOffset: 0,
  };
}

export function numCols(model: MipModel): number {
  return model.colNames.length;
}

export function numRows(model: MipModel): number {
  return model.rowNames.length;
}

/** Adds a column and returns its index. */
export function addCol(
  model: MipModel,
  name: string,
  lower: number,
  upper: number,
  cost = 0,
  integer = false,
): number {
  model.colNames.push(name);
  model.colLower.push(lower);
  model.colUpper.push(upper);
  model.colCost.push(cost);
  model.colInteger.push(integer ? 1 : 0);
  return model.colNames.length - 1;
}

export function addBinary(model: MipModel, name: string, cost = 0): number {
  return addCol(model, name, 0, 1, cost, true);
}

/** Duplicate detection in `addRow` in O(row length): a per-column stamp, reset by row. */
const stampOf = { marks: new Int32Array(1024), stamp: 0 };

function nextStamp(model: MipModel): number {
  if (stampOf.marks.length < model.colNames.length) {
    const grown = new Int32Array(Math.max(model.colNames.length, stampOf.marks.length * 2));
    grown.set(stampOf.marks);
    stampOf.marks = grown;
  }
  stampOf.stamp = stampOf.stamp >= 0x7ffffff0 ? 1 : stampOf.stamp + 1;
  if (stampOf.stamp === 1) stampOf.marks.fill(0);
  return stampOf.stamp;
}

/**
 * Adds the row `Σ coefs[k]·x[cols[k]]  sense  rhs`. Duplicate columns are merged and zero
 * coefficients dropped. Returns the row index.
 */
export function addRow(
  model: MipModel,
  name: string,
  cols: readonly number[],
  coefs: readonly number[],
  sense: RowSense,
  rhs: number,
): number {
  const stamp = nextStamp(model);
  let duplicate = false;
  for (let k = 0; k < cols.length; k += 1) {
    if (stampOf.marks[cols[k]] === stamp) {
      duplicate = true;
      break;
    }
    stampOf.marks[cols[k]] = stamp;
  }
  if (duplicate) {
    const merged = new Map<number, number>();
    for (let k = 0; k < cols.length; k += 1) {
      merged.set(cols[k], (merged.get(cols[k]) ?? 0) + coefs[k]);
    }
    for (const [col, coef] of merged) {
      if (coef !== 0) {
        model.indices.push(col);
        model.values.push(coef);
      }
    }
  } else {
    for (let k = 0; k < cols.length; k += 1) {
      if (coefs[k] !== 0) {
        model.indices.push(cols[k]);
        model.values.push(coefs[k]);
      }
    }
  }
  model.rowNames.push(name);
  model.rowSense.push(sense);
  model.rowRhs.push(rhs);
  model.rowStarts.push(model.indices.length);
  return model.rowNames.length - 1;
}

/** Objective value of `values` (dense by column index), offset included. */
export function objectiveOf(model: MipModel, values: ArrayLike<number>): number {
  let total = model.objectiveOffset;
  for (let j = 0; j < model.colCost.length; j += 1) total += model.colCost[j] * values[j];
  return total;
}

export function rowActivity(model: MipModel, row: number, values: ArrayLike<number>): number {
  let activity = 0;
  for (let k = model.rowStarts[row]; k < model.rowStarts[row + 1]; k += 1) {
    activity += model.values[k] * values[model.indices[k]];
  }
  return activity;
}

/** A name → column index map (built on demand). */
export function columnIndex(model: MipModel): Map<string, number> {
  return new Map(model.colNames.map((name, index) => [name, index]));
}

export function toDense(model: MipModel, values: ReadonlyMap<string, number>): Float64Array {
  const dense = new Float64Array(numCols(model));
  model.colNames.forEach((name, j) => {
    dense[j] = values.get(name) ?? 0;
  });
  return dense;
}

export function toNamed(model: MipModel, dense: ArrayLike<number>): Map<string, number> {
  const named = new Map<string, number>();
  model.colNames.forEach((name, j) => named.set(name, dense[j]));
  return named;
}

export interface ModelCheck {
  readonly ok: boolean;
  /** At most 20 human-readable problems (bound, integrality or row violations). */
  readonly problems: string[];
  readonly maxViolation: number;
}

/**
 * Checks a solution against the model itself: every column within its bounds and integral where
 * it must be, every row satisfied, all within `tol` (rows scaled by max(1, |rhs|)). A missing
 * column counts as 0. Every solver adapter runs this before it returns a solution.
 */
export function verifyAgainstModel(
  model: MipModel,
  values: ReadonlyMap<string, number> | ArrayLike<number>,
  tol = 1e-6,
): ModelCheck {
  const dense = values instanceof Map ? toDense(model, values) : (values as ArrayLike<number>);
  const problems: string[] = [];
  let maxViolation = 0;
  const report = (violation: number, text: string) => {
    maxViolation = Math.max(maxViolation, violation);
    if (problems.length < 20) problems.push(text);
  };
  for (let j = 0; j < model.colNames.length; j += 1) {
    const v = dense[j];
    if (!Number.isFinite(v)) {
      report(Infinity, `${model.colNames[j]} = ${v}`);
      continue;
    }
    if (v < model.colLower[j] - tol)
      report(model.colLower[j] - v, `${model.colNames[j]} = ${v} < ${model.colLower[j]}`);
    if (v > model.colUpper[j] + tol)
      report(v - model.colUpper[j], `${model.colNames[j]} = ${v} > ${model.colUpper[j]}`);
    if (model.colInteger[j] === 1 && Math.abs(v - Math.round(v)) > tol) {
      report(Math.abs(v - Math.round(v)), `${model.colNames[j]} = ${v} is not integral`);
    }
  }
  for (let i = 0; i < model.rowNames.length; i += 1) {
    const activity = rowActivity(model, i, dense);
    const rhs = model.rowRhs[i];
    const scaledTol = tol * Math.max(1, Math.abs(rhs));
    const sense = model.rowSense[i];
    const excess =
      sense === 'L' ? activity - rhs : sense === 'G' ? rhs - activity : Math.abs(activity - rhs);
    if (excess > scaledTol) {
      report(
        excess,
        `row ${model.rowNames[i]}: ${activity} ${sense === 'L' ? '<=' : sense === 'G' ? '>=' : '='} ${rhs}`,
      );
    }
  }
  return { ok: problems.length === 0, problems, maxViolation };
}

/** A solver returned something the model rejects (or claimed an impossible status): a solver bug, never a result. */
export class SolverResultError extends Error {
  constructor(
    readonly solver: string,
    readonly problems: readonly string[],
  ) {
    super(`${solver} returned a solution the model rejects: ${problems.slice(0, 3).join('; ')}`);
    this.name = 'SolverResultError';
  }
}
