import type { ModelIndex } from './context.js';
import { describeVariable } from './names.js';
import {
  type MipModel,
  type RowSense,
  addCol,
  addRow,
  emptyModel,
  numCols,
  numRows,
} from './sparse.js';

/**
 * The roster model cut into days for a Lagrangian bound (mip/day-bound.ts). Every column has a
 * day or none: a shift the day of its first interval, an allocation, supervision or service column
 * the day of its interval (`describeVariable`), a weekly column (overtime, the fairness spreads)
 * none. Days are 24 hours of intervals, each starting at the interval of the day with the
 * least demand, so that the cut falls where few shifts cross it. A row whose columns all lie in
 * one day belongs to that day's block; every other row (weekly hours, rest and consecutive days
 * across the cut, fairness, a shift's allocation rows on the far side of the cut) is priced.
 */
export interface DaySplit {
  readonly blocks: readonly DayBlock[];
  readonly priced: readonly PricedRow[];
  /** Columns in no block, with the bounds every optimum meets (see `weeklyColumnBounds`). */
  readonly loose: readonly LooseColumn[];
  /** Per model column: its entries in the priced rows (CSC of the priced rows). */
  readonly pricedStarts: Int32Array;
  readonly pricedRows: Int32Array;
  readonly pricedCoefs: Float64Array;
  readonly offset: number;
  readonly costs: readonly number[];
}

export interface DayBlock {
  readonly day: number;
  /** The block's own LP (its rows, its columns' bounds and costs). */
  readonly model: MipModel;
  /** The model column of each of the block's columns. */
  readonly cols: Int32Array;
}

export interface PricedRow {
  readonly sense: RowSense;
  readonly rhs: number;
}

export interface LooseColumn {
  readonly col: number;
  readonly lower: number;
  readonly upper: number;
}

const NO_DAY = -1;

export function splitByDay(model: MipModel, index: ModelIndex): DaySplit {
  const dayOf = columnDays(model, index);
  const blockRows = new Map<number, number[]>();
  const priced: number[] = [];
  for (let r = 0; r < numRows(model); r += 1) {
    const day = rowDay(model, r, dayOf);
    if (day === null) continue;
    if (day === NO_DAY) priced.push(r);
    else {
      const list = blockRows.get(day) ?? [];
      list.push(r);
      blockRows.set(day, list);
    }
  }
  const blocks = [...blockRows.keys()]
    .sort((a, b) => a - b)
    .map((day) => dayBlock(model, day, dayOf, blockRows.get(day)!));
  const inBlock = new Uint8Array(numCols(model));
  for (const block of blocks) for (const col of block.cols) inBlock[col] = 1;
  const bounds = weeklyColumnBounds(model, index);
  const loose: LooseColumn[] = [];
  for (let col = 0; col < numCols(model); col += 1) {
    if (inBlock[col]) continue;
    const [lower, upper] = bounds.get(col) ?? [model.colLower[col], model.colUpper[col]];
    loose.push({ col, lower, upper });
  }
  return {
    blocks,
    priced: priced.map((r) => ({ sense: model.rowSense[r], rhs: model.rowRhs[r] })),
    loose,
    ...pricedColumns(model, priced),
    offset: model.objectiveOffset,
    costs: model.colCost,
  };
}

/** The day of every column (NO_DAY for weekly ones). */
function columnDays(model: MipModel, index: ModelIndex): Int32Array {
  const perDay = Math.round(24 / index.intervalHours);
  const demand = new Float64Array(perDay);
  for (const entry of index.instance.demand) demand[entry.intervalIndex % perDay] += entry.required;
  const cut = demand.indexOf(Math.min(...demand));
  const dayOfInterval = (t: number) => Math.floor((t - cut + perDay) / perDay);
  const days = new Int32Array(numCols(model)).fill(NO_DAY);
  const shiftCols = new Set<number>();
  for (const shifts of index.shifts.values())
    for (const shift of shifts) {
      days[shift.col] = dayOfInterval(shift.first);
      shiftCols.add(shift.col);
    }
  for (let col = 0; col < numCols(model); col += 1) {
    if (shiftCols.has(col)) continue;
    const t = describeVariable(model.colNames[col]).intervalIndex;
    if (t !== undefined) days[col] = dayOfInterval(t);
  }
  return days;
}

/** The one day all the row's columns lie in; NO_DAY when they span days or hold a weekly column. */
function rowDay(model: MipModel, r: number, dayOf: Int32Array): number | null {
  let day: number | null = null;
  for (let k = model.rowStarts[r]; k < model.rowStarts[r + 1]; k += 1) {
    const d = dayOf[model.indices[k]];
    if (d === NO_DAY || (day !== null && d !== day)) return NO_DAY;
    day = d;
  }
  return day;
}

/** A day's LP: its rows over the columns of that day (also those no row of the day reads). */
function dayBlock(model: MipModel, day: number, dayOf: Int32Array, rows: number[]): DayBlock {
  const block = emptyModel();
  const local = new Map<number, number>();
  const cols: number[] = [];
  for (let col = 0; col < numCols(model); col += 1) {
    if (dayOf[col] !== day) continue;
    local.set(col, cols.length);
    cols.push(col);
    addCol(
      block,
      model.colNames[col],
      model.colLower[col],
      model.colUpper[col],
      model.colCost[col],
    );
  }
  for (const r of rows) {
    const span = { from: model.rowStarts[r], to: model.rowStarts[r + 1] };
    const members = model.indices.slice(span.from, span.to).map((c) => local.get(c)!);
    const coefs = model.values.slice(span.from, span.to);
    addRow(block, model.rowNames[r], members, coefs, model.rowSense[r], model.rowRhs[r]);
  }
  return { day, model: block, cols: Int32Array.from(cols) };
}

/**
 * Weekly columns' bounds that every optimum meets, where the model leaves them open: overtime
 * beyond the weekly maximum is never the cheapest; utilisation spreads lie in [0, 1] (paid hours
 * over the weekly maximum), unpopular-shift spreads in [0, 7] (one shift a day).
 */
export function weeklyColumnBounds(
  model: MipModel,
  index: ModelIndex,
): Map<number, [number, number]> {
  const bounds = new Map<number, [number, number]>();
  for (const employee of index.employees) {
    const col = index.overtimeCol.get(employee.id);
    if (col === undefined) continue;
    const { maxHoursPerWeek, overtimeThresholdHours } = employee.contract;
    const cap = Math.max(0, maxHoursPerWeek - overtimeThresholdHours);
    bounds.set(col, [model.colLower[col], Math.min(model.colUpper[col], cap)]);
  }
  for (const [key, col] of index.spreadCols) {
    const cap = key.endsWith('hmax') || key.endsWith('hmin') ? 1 : 7;
    bounds.set(col, [Math.max(0, model.colLower[col]), Math.min(model.colUpper[col], cap)]);
  }
  return bounds;
}

/** The priced rows column by column: for each column, the rows (priced index) and coefficients. */
function pricedColumns(
  model: MipModel,
  priced: readonly number[],
): Pick<DaySplit, 'pricedStarts' | 'pricedRows' | 'pricedCoefs'> {
  const n = numCols(model);
  const counts = new Int32Array(n + 1);
  for (const r of priced)
    for (let k = model.rowStarts[r]; k < model.rowStarts[r + 1]; k += 1)
      counts[model.indices[k] + 1] += 1;
  for (let j = 0; j < n; j += 1) counts[j + 1] += counts[j];
  const pricedStarts = Int32Array.from(counts);
  const fill = Int32Array.from(counts);
  const pricedRows = new Int32Array(counts[n]);
  const pricedCoefs = new Float64Array(counts[n]);
  priced.forEach((r, p) => {
    for (let k = model.rowStarts[r]; k < model.rowStarts[r + 1]; k += 1) {
      const at = fill[model.indices[k]]++;
      pricedRows[at] = p;
      pricedCoefs[at] = model.values[k];
    }
  });
  return { pricedStarts, pricedRows, pricedCoefs };
}
