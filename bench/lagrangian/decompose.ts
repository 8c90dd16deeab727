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
  readonly kind: 'employee' | 'interval';
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

/** A spread column: the bound every roster meets, and its coefficients in the extra rows. */
export interface SpreadColumn {
  readonly col: number;
  readonly upper: number;
  readonly entries: readonly { extra: number; coef: number }[];
}

export interface Decomposition {
  readonly blocks: readonly Block[];
  readonly extra: readonly ExtraRow[];
  /** Model columns (x) → their coefficients in the extra rows. */
  readonly extraOfX: ReadonlyMap<number, readonly { extra: number; coef: number }[]>;
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

interface GlobalRow {
  readonly name: string;
  readonly sense: RowSense;
  readonly rhs: number;
  readonly cols: number[];
  readonly coefs: number[];
}

/** Employee of every x and overtime column. */
function employeeSide(index: ModelIndex): Map<number, string> {
  const owner = new Map<number, string>();
  for (const [employeeId, shifts] of index.shifts)
    for (const shift of shifts) owner.set(shift.col, employeeId);
  for (const [employeeId, col] of index.overtimeCol) owner.set(col, employeeId);
  return owner;
}

/** hmax/hmin: utilisation, at most 1 (weekly maximum); umax/umin: unpopular shifts, at most 7. */
function spreadColumns(index: ModelIndex): { col: number; upper: number }[] {
  return [...index.spreadCols].map(([key, col]) => ({
    col,
    upper: key.endsWith('hmax') || key.endsWith('hmin') ? 1 : 7,
  }));
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

/** Sorts the model's rows into employee rows, interval rows (with copies) and fairness rows. */
class RowSorter {
  readonly extra: ExtraRow[] = [];
  readonly extraOfX = new Map<number, { extra: number; coef: number }[]>();
  readonly covers: number[][] = [];
  readonly linking: Decomposition['linking'][number][] = [];
  readonly employeeRows = new Map<string, GlobalRow[]>();
  readonly intervalRows: GlobalRow[] = [];
  /** Spread column → its coefficients in the extra rows. */
  readonly spreadEntries: Map<number, { extra: number; coef: number }[]>;
  private readonly copyOf = new Map<string, number>();

  constructor(
    private readonly model: MipModel,
    private readonly index: ModelIndex,
    private readonly owner: ReadonlyMap<number, string>,
    private readonly spread: ReadonlySet<number>,
  ) {
    this.spreadEntries = new Map([...spread].map((col) => [col, []]));
  }

  add(r: number): void {
    const { model, owner } = this;
    const cols = model.indices.slice(model.rowStarts[r], model.rowStarts[r + 1]);
    const coefs = model.values.slice(model.rowStarts[r], model.rowStarts[r + 1]);
    const row = {
      name: model.rowNames[r],
      sense: model.rowSense[r],
      rhs: model.rowRhs[r],
      cols,
      coefs,
    };
    if (cols.length === 0) return;
    if (cols.some((c) => this.spread.has(c))) return this.fairnessRow(r, row);
    const employees = new Set(cols.filter((c) => owner.has(c)).map((c) => owner.get(c)!));
    if (employees.size === 0) {
      this.intervalRows.push(row);
    } else if (cols.every((c) => owner.has(c))) {
      if (employees.size > 1) throw new Error(`row ${row.name} joins employees`);
      const [employeeId] = employees;
      const list = this.employeeRows.get(employeeId) ?? [];
      list.push(row);
      this.employeeRows.set(employeeId, list);
    } else this.linkingRow(r, row);
  }

  private fairnessRow(r: number, row: GlobalRow): void {
    const extra = this.extra.length;
    row.cols.forEach((c, k) => {
      const entry = { extra, coef: row.coefs[k] };
      if (this.spread.has(c)) {
        this.spreadEntries.get(c)!.push(entry);
        return;
      }
      if (!this.owner.has(c)) throw new Error(`row ${row.name}: spread with allocations`);
      const list = this.extraOfX.get(c) ?? [];
      list.push(entry);
      this.extraOfX.set(c, list);
    });
    this.extra.push({ row: r, sense: row.sense, rhs: row.rhs });
  }

  /** Each employee's x part (one coefficient for all of it) becomes coefficient·o_k. */
  private linkingRow(r: number, row: GlobalRow): void {
    const kept: number[] = [];
    const keptCoefs: number[] = [];
    const byEmployee = new Map<string, { cols: number[]; coef: number }>();
    row.cols.forEach((c, k) => {
      const employeeId = this.owner.get(c);
      if (employeeId === undefined) {
        kept.push(c);
        keptCoefs.push(row.coefs[k]);
        return;
      }
      if (this.index.overtimeCol.get(employeeId) === c)
        throw new Error(`row ${row.name}: overtime`);
      const part = byEmployee.get(employeeId) ?? { cols: [], coef: row.coefs[k] };
      if (part.coef !== row.coefs[k]) throw new Error(`row ${row.name}: mixed coefficients`);
      part.cols.push(c);
      byEmployee.set(employeeId, part);
    });
    const os: number[] = [];
    const oCoefs: number[] = [];
    for (const [employeeId, part] of byEmployee) {
      const o = this.copy(employeeId, part.cols);
      os.push(o);
      oCoefs.push(part.coef);
      kept.push(numCols(this.model) + o);
      keptCoefs.push(part.coef);
    }
    this.linking.push({ row: r, os, coefs: oCoefs });
    this.intervalRows.push({ ...row, cols: kept, coefs: keptCoefs });
  }

  /** The copy o_k of this employee's sum of these x columns (one per distinct sum). */
  private copy(employeeId: string, cols: readonly number[]): number {
    const sorted = [...cols].sort((a, b) => a - b);
    const key = `${employeeId}|${sorted.join(',')}`;
    let o = this.copyOf.get(key);
    if (o === undefined) {
      o = this.covers.length;
      this.covers.push(sorted);
      this.copyOf.set(key, o);
    }
    return o;
  }
}

export function decompose(model: MipModel, index: ModelIndex): Decomposition {
  const owner = employeeSide(index);
  const bounds = spreadColumns(index);
  const spreadCols = new Set(bounds.map(({ col }) => col));
  const rows = new RowSorter(model, index, owner, spreadCols);
  for (let r = 0; r < numRows(model); r += 1) rows.add(r);
  const spread = bounds.map(({ col, upper }) => ({
    col,
    upper: Math.min(upper, model.colUpper[col]),
    entries: rows.spreadEntries.get(col)!,
  }));
  const oOfX = new Map<number, number[]>();
  rows.covers.forEach((cover, o) => {
    for (const x of cover) {
      const list = oOfX.get(x) ?? [];
      list.push(o);
      oOfX.set(x, list);
    }
  });
  const blocks = [
    ...employeeBlocks(model, owner, rows.employeeRows),
    ...intervalBlocks(model, owner, spreadCols, rows.covers.length, rows.intervalRows),
  ];
  return {
    blocks,
    extra: rows.extra,
    extraOfX: rows.extraOfX,
    spread,
    covers: rows.covers,
    oOfX,
    linking: rows.linking,
    offset: model.objectiveOffset,
    original: model,
  };
}

function blockModel(
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
    model: blockModel(model, globals, rowsOf.get(root) ?? []),
    globals,
  }));
}
