import type { ModelIndex } from '../../src/core/optimizer/mip/context.js';
import {
  type MipModel,
  type RowSense,
  addCol,
  addRow,
  emptyModel,
  numCols,
  numRows,
} from '../../src/core/optimizer/mip/sparse.js';
import { weeklyColumnBounds } from '../../src/core/optimizer/mip/day-split.js';
import { type GlobalRow, RowSorter } from './row-sorter.js';

/**
 * The roster MIP split into independent blocks by copying each linking sum Σ_{s ∋ t} x[e,s] (an
 * employee on duty in interval t, as the allocation and supervision rows read it) into a binary
 * o_k, and dualising o_k = Σ_{s ∈ cover k} x[e,s] with a multiplier μ_k:
 *
 *   L(μ) = Σ_employee min { c·x - Σ_k μ_k Σ_{s ∈ k} x_s : labour rows }
 *        + Σ_component min { c·v + Σ_k μ_k o_k : allocation, supervision, service rows; o binary }
 *
 * Every integer roster gives o_k = Σ_{s ∈ k} x_s ∈ {0, 1} (at most one shift covers an interval),
 * so L(μ) is a lower bound on the MIP optimum for every μ. The fairness rows (hmin <= u_e·x_e <=
 * hmax, the one family joining all employees) are dualised as they are, with prices ρ of the
 * right sign, and the spread columns kept within bounds every roster meets (utilisation <= 1,
 * at most 7 unpopular shifts). Unlike the LP, each interval component buys whole people: a
 * pharmacist on duty for a third of an interval is not a third of a supervisor there.
 */
export interface Block {
  readonly kind: 'employee' | 'interval' | 'state' | 'day';
  /** `<kind>:<employee id, first column, state code or day number>`. */
  readonly name: string;
  readonly model: MipModel;
  /** Global column (model column, or numCols(model) + k for o_k) of each local column. */
  readonly globals: readonly number[];
}

/** A fairness row: Σ a·x (several employees) + Σ a·spread  sense  rhs, priced, not decomposed. */
export interface ExtraRow {
  readonly row: number;
  readonly sense: RowSense;
  readonly rhs: number;
}

/**
 * A column in no block (a spread column, or one only priced rows hold): the bounds every roster
 * meets, and its coefficients in the extra rows.
 */
export interface SpreadColumn {
  readonly col: number;
  readonly lower: number;
  readonly upper: number;
  readonly entries: readonly { extra: number; coef: number }[];
}

export interface Decomposition {
  readonly blocks: readonly Block[];
  readonly extra: readonly ExtraRow[];
  /** Model columns → their coefficients in the extra rows. */
  readonly extraOf: ReadonlyMap<number, readonly { extra: number; coef: number }[]>;
  readonly spread: readonly SpreadColumn[];
  /** The x columns each o_k copies. */
  readonly covers: readonly (readonly number[])[];
  /** Model columns (x) → the o_k whose cover holds them. */
  readonly oOfX: ReadonlyMap<number, readonly number[]>;
  /** Linking rows: their o_k and coefficients (for multipliers from LP duals). */
  readonly linking: readonly { row: number; os: number[]; coefs: number[] }[];
  readonly offset: number;
  readonly original: MipModel;
}

/** Employee of every x and overtime column. */
export function employeeSide(index: ModelIndex): Map<number, string> {
  const owner = new Map<number, string>();
  for (const [employeeId, shifts] of index.shifts)
    for (const shift of shifts) owner.set(shift.col, employeeId);
  for (const [employeeId, col] of index.overtimeCol) owner.set(col, employeeId);
  return owner;
}

/** hmax/hmin, umax/umin: the fairness spreads, joined to every employee of a role. */
export function spreadColumns(index: ModelIndex): number[] {
  return [...index.spreadCols.values()];
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }
  find(a: number): number {
    let root = a;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[a] !== root) {
      const next = this.parent[a];
      this.parent[a] = root;
      a = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

export function decompose(model: MipModel, index: ModelIndex): Decomposition {
  const owner = employeeSide(index);
  const spreadCols = new Set(spreadColumns(index));
  const rows = new RowSorter(model, index, owner, spreadCols);
  for (let r = 0; r < numRows(model); r += 1) rows.add(r);
  return assemble(model, index, rows, [
    ...employeeBlocks(model, owner, rows.employeeRows),
    ...intervalBlocks(model, owner, spreadCols, rows.covers.length, rows.intervalRows),
  ]);
}

/** The blocks with what every decomposition shares: priced rows, spread and loose columns, copies. */
export function assemble(
  model: MipModel,
  index: ModelIndex,
  rows: RowSorter,
  blocks: Block[],
  loose: readonly number[] = [],
): Decomposition {
  // The bounds every optimum meets (overtime, spreads), as the day bound uses them.
  const bounds = weeklyColumnBounds(model, index);
  const boundsOf = (col: number) => bounds.get(col) ?? [model.colLower[col], model.colUpper[col]];
  const spread = [
    ...spreadColumns(index).map((col) => {
      const [lower, upper] = boundsOf(col);
      return { col, lower, upper, entries: rows.spreadEntries.get(col)! };
    }),
    ...loose.map((col) => {
      const [lower, upper] = boundsOf(col);
      return { col, lower, upper, entries: rows.extraOf.get(col) ?? [] };
    }),
  ];
  const oOfX = new Map<number, number[]>();
  rows.covers.forEach((cover, o) => {
    for (const x of cover) {
      const list = oOfX.get(x) ?? [];
      list.push(o);
      oOfX.set(x, list);
    }
  });
  return {
    blocks,
    extra: rows.extra,
    extraOf: rows.extraOf,
    spread,
    covers: rows.covers,
    oOfX,
    linking: rows.linking,
    offset: model.objectiveOffset,
    original: model,
  };
}

export function blockModel(
  model: MipModel,
  globals: readonly number[],
  rows: readonly GlobalRow[],
): MipModel {
  const n = numCols(model);
  const local = new Map<number, number>();
  const block = emptyModel();
  for (const g of globals) {
    local.set(
      g,
      g < n
        ? addCol(
            block,
            model.colNames[g],
            model.colLower[g],
            model.colUpper[g],
            model.colCost[g],
            model.colInteger[g] === 1,
          )
        : addCol(block, `o[${g - n}]`, 0, 1, 0, true),
    );
  }
  for (const row of rows)
    addRow(
      block,
      row.name,
      row.cols.map((c) => local.get(c)!),
      row.coefs,
      row.sense,
      row.rhs,
    );
  return block;
}

function employeeBlocks(
  model: MipModel,
  owner: ReadonlyMap<number, string>,
  rows: ReadonlyMap<string, GlobalRow[]>,
): Block[] {
  const colsOf = new Map<string, number[]>();
  for (const [col, employeeId] of owner) {
    const list = colsOf.get(employeeId) ?? [];
    list.push(col);
    colsOf.set(employeeId, list);
  }
  return [...colsOf].map(([employeeId, cols]) => {
    const globals = cols.sort((a, b) => a - b);
    return {
      kind: 'employee' as const,
      name: `employee:${employeeId}`,
      model: blockModel(model, globals, rows.get(employeeId) ?? []),
      globals,
    };
  });
}

function intervalBlocks(
  model: MipModel,
  owner: ReadonlyMap<number, string>,
  dropped: ReadonlySet<number>,
  numOs: number,
  rows: readonly GlobalRow[],
): Block[] {
  const n = numCols(model);
  const sets = new UnionFind(n + numOs);
  for (const row of rows) for (const c of row.cols.slice(1)) sets.union(row.cols[0], c);
  const members = new Map<number, number[]>();
  for (let g = 0; g < n + numOs; g += 1) {
    if (g < n && (owner.has(g) || dropped.has(g))) continue;
    const root = sets.find(g);
    const list = members.get(root) ?? [];
    list.push(g);
    members.set(root, list);
  }
  const rowsOf = new Map<number, GlobalRow[]>();
  for (const row of rows) {
    const root = sets.find(row.cols[0]);
    const list = rowsOf.get(root) ?? [];
    list.push(row);
    rowsOf.set(root, list);
  }
  return [...members].map(([root, globals]) => ({
    kind: 'interval' as const,
    name: `interval:${globals[0]}`,
    model: blockModel(model, globals, rowsOf.get(root) ?? []),
    globals,
  }));
}
