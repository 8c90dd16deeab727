import type { ModelIndex } from '../../src/core/optimizer/mip/context.js';
import { type MipModel, type RowSense, numCols } from '../../src/core/optimizer/mip/sparse.js';
import type { Decomposition, ExtraRow } from './decompose.js';

/** A model row with global columns (model columns, or numCols(model) + k for o_k). */
export interface GlobalRow {
  readonly name: string;
  readonly sense: RowSense;
  readonly rhs: number;
  readonly cols: number[];
  readonly coefs: number[];
}

/** Where a linking row goes, and which x it keeps. */
interface LinkingTarget {
  /** The x columns the row's block holds (not copied). */
  readonly keepCol?: (col: number) => boolean;
  readonly rows?: GlobalRow[];
  /** Copies are shared within a scope only (one block). */
  readonly scope?: string;
  /** One copy per x column (o = x_s) instead of one per employee's sum. */
  readonly perShift?: boolean;
}

/** Sorts the model's rows into employee rows, interval rows (with copies) and fairness rows. */
export class RowSorter {
  readonly extra: ExtraRow[] = [];
  readonly extraOf = new Map<number, { extra: number; coef: number }[]>();
  readonly covers: number[][] = [];
  readonly linking: Decomposition['linking'][number][] = [];
  readonly employeeRows = new Map<string, GlobalRow[]>();
  readonly intervalRows: GlobalRow[] = [];
  /** Spread column → its coefficients in the extra rows. */
  readonly spreadEntries: Map<number, { extra: number; coef: number }[]>;
  private readonly copyOf = new Map<string, number>();

  constructor(
    protected readonly model: MipModel,
    private readonly index: ModelIndex,
    protected readonly owner: ReadonlyMap<number, string>,
    protected readonly spread: ReadonlySet<number>,
  ) {
    this.spreadEntries = new Map([...spread].map((col) => [col, []]));
  }

  protected row(r: number): GlobalRow {
    const { model } = this;
    return {
      name: model.rowNames[r],
      sense: model.rowSense[r],
      rhs: model.rowRhs[r],
      cols: model.indices.slice(model.rowStarts[r], model.rowStarts[r + 1]),
      coefs: model.values.slice(model.rowStarts[r], model.rowStarts[r + 1]),
    };
  }

  add(r: number): void {
    const { owner } = this;
    const row = this.row(r);
    const { cols } = row;
    if (cols.length === 0) return;
    if (cols.some((c) => this.spread.has(c))) return this.pricedRow(r, row);
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

  /** A row priced as it is (a fairness row, or one that joins blocks). */
  protected pricedRow(r: number, row: GlobalRow): void {
    const extra = this.extra.length;
    const withSpread = row.cols.some((c) => this.spread.has(c));
    row.cols.forEach((c, k) => {
      const entry = { extra, coef: row.coefs[k] };
      if (this.spread.has(c)) {
        this.spreadEntries.get(c)!.push(entry);
        return;
      }
      if (withSpread && !this.owner.has(c))
        throw new Error(`row ${row.name}: spread with allocations`);
      const list = this.extraOf.get(c) ?? [];
      list.push(entry);
      this.extraOf.set(c, list);
    });
    this.extra.push({ row: r, sense: row.sense, rhs: row.rhs });
  }

  /**
   * Each employee's x part (one coefficient for all of it) becomes coefficient·o_k, except the
   * columns `keepCol` accepts, which the row's block holds.
   */
  protected linkingRow(r: number, row: GlobalRow, into: LinkingTarget = {}): void {
    const { keepCol = () => false, rows = this.intervalRows, scope = '', perShift = false } = into;
    const kept: number[] = [];
    const keptCoefs: number[] = [];
    const os: number[] = [];
    const oCoefs: number[] = [];
    const copied = (o: number, coef: number) => {
      os.push(o);
      oCoefs.push(coef);
      kept.push(numCols(this.model) + o);
      keptCoefs.push(coef);
    };
    const byEmployee = new Map<string, { cols: number[]; coef: number }>();
    row.cols.forEach((c, k) => {
      const employeeId = this.owner.get(c);
      if (employeeId === undefined || keepCol(c)) {
        kept.push(c);
        keptCoefs.push(row.coefs[k]);
        return;
      }
      if (this.index.overtimeCol.get(employeeId) === c)
        throw new Error(`row ${row.name}: overtime`);
      if (perShift) return copied(this.copy(employeeId, [c], scope), row.coefs[k]);
      const part = byEmployee.get(employeeId) ?? { cols: [], coef: row.coefs[k] };
      if (part.coef !== row.coefs[k]) throw new Error(`row ${row.name}: mixed coefficients`);
      part.cols.push(c);
      byEmployee.set(employeeId, part);
    });
    for (const [employeeId, part] of byEmployee)
      copied(this.copy(employeeId, part.cols, scope), part.coef);
    if (os.length > 0) this.linking.push({ row: r, os, coefs: oCoefs });
    rows.push({ ...row, cols: kept, coefs: keptCoefs });
  }

  /** The copy o_k of this employee's sum of these x columns (one per distinct sum and scope). */
  protected copy(employeeId: string, cols: readonly number[], scope: string): number {
    const sorted = [...cols].sort((a, b) => a - b);
    const key = `${scope}|${employeeId}|${sorted.join(',')}`;
    let o = this.copyOf.get(key);
    if (o === undefined) {
      o = this.covers.length;
      this.covers.push(sorted);
      this.copyOf.set(key, o);
    }
    return o;
  }
}
