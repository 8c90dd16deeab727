import type { ModelIndex } from '../../src/core/optimizer/mip/context.js';
import { type MipModel, numCols, numRows } from '../../src/core/optimizer/mip/sparse.js';
import {
  type Block,
  type Decomposition,
  assemble,
  blockModel,
  employeeSide,
  spreadColumns,
} from './decompose.js';
import { type GlobalRow, RowSorter } from './row-sorter.js';

/**
 * Which block each column belongs to: `key` for allocation, supervision and service columns
 * (a state, a day), `home` for an employee's shift and overtime columns (null: in no block).
 */
export interface BlockKeys {
  readonly key: (col: number) => string;
  readonly home: (col: number) => string | null;
}

/**
 * The roster MIP split into big blocks, one per key (a state, a day; `byState`, `byDay`), each
 * solved as a MIP with whole shifts and whole people together, which `decompose` prices apart.
 * A row whose allocation, supervision and service columns all have one key belongs to that
 * key's block; so does a row of shift columns that all have their home there. A shift column
 * that a block's row reads but whose home is elsewhere is copied into the block (o = x_s, one
 * copy per shift and block, dualised as in `decompose`), under the employee's shift rows
 * repeated on the copies. Rows joining keys (a multi-state technician's one allocation per
 * interval, a pharmacist's capacity shared across states, weekly hours across days) are priced
 * as they are, like the fairness rows. Every block's value is a minimum over a set holding the
 * integer roster's restriction, so L is a lower bound for every price; at the weekly LP's duals
 * the blocks' LPs add up to at least the LP bound (the repeated shift rows can only raise them).
 */
export function decomposeByKey(model: MipModel, index: ModelIndex, keys: BlockKeys): Decomposition {
  const owner = employeeSide(index);
  const spread = new Set(spreadColumns(index));
  const rows = new KeyedRowSorter(model, index, owner, spread, keys);
  for (let r = 0; r < numRows(model); r += 1) rows.add(r);
  rows.copyShiftRows();
  const inBlock = new Set<number>();
  const blocks = [...rows.blockRows].map(([key, blockRows]): Block => {
    const globals = new Set<number>(rows.homeCols.get(key) ?? []);
    for (const row of blockRows) for (const c of row.cols) globals.add(c);
    const sorted = [...globals].sort((a, b) => a - b);
    for (const g of sorted) inBlock.add(g);
    return {
      kind: key.slice(0, key.indexOf(':')) as Block['kind'],
      name: key,
      model: blockModel(model, sorted, blockRows),
      globals: sorted,
    };
  });
  const loose: number[] = [];
  for (let c = 0; c < numCols(model); c += 1) if (!inBlock.has(c) && !spread.has(c)) loose.push(c);
  return assemble(model, index, rows, blocks, loose);
}

/** One block per state; an employee whose single-state rows reach several states has their own. */
export function byState(model: MipModel, index: ModelIndex): BlockKeys {
  const stateOf = model.colNames.map((name) => /[[,]S=([^,\]]+)/.exec(name)?.[1] ?? null);
  const owner = employeeSide(index);
  const homes = reachedStates(model, owner, stateOf);
  return {
    key: (col) => `state:${stateOf[col] ?? '-'}`,
    home: (col) => homes.get(owner.get(col)!) ?? null,
  };
}

/**
 * One block per day of 48 intervals, cut at the interval of the day with the least demand (a US
 * night); a shift's home is the day of its first interval, and shifts crossing the cut are
 * copied into the next day. Overtime (a weekly matter) is in no block.
 */
export function byDay(model: MipModel, index: ModelIndex): BlockKeys {
  const perDay = Math.round(24 / index.intervalHours);
  const demand = new Float64Array(perDay);
  for (const entry of index.instance.demand) demand[entry.intervalIndex % perDay] += entry.required;
  const cut = demand.indexOf(Math.min(...demand));
  const dayOf = (t: number) => `day:${Math.floor((t - cut + perDay) / perDay)}`;
  const intervalOf = model.colNames.map((name) => /[[,]t=(\d+)/.exec(name)?.[1] ?? null);
  const firstOf = new Map<number, number>();
  for (const shifts of index.shifts.values())
    for (const shift of shifts) firstOf.set(shift.col, shift.first);
  return {
    key: (col) => (intervalOf[col] === null ? 'day:-' : dayOf(Number(intervalOf[col]))),
    home: (col) => (firstOf.has(col) ? dayOf(firstOf.get(col)!) : null),
  };
}

/** Each employee's block: `state:S` when their single-state rows reach S only. */
function reachedStates(
  model: MipModel,
  owner: ReadonlyMap<number, string>,
  stateOf: readonly (string | null)[],
): Map<string, string> {
  const reached = new Map<string, Set<string>>();
  for (const employeeId of owner.values()) reached.set(employeeId, new Set());
  for (let r = 0; r < numRows(model); r += 1) {
    const cols = model.indices.slice(model.rowStarts[r], model.rowStarts[r + 1]);
    const states = new Set<string>();
    for (const c of cols) if (stateOf[c] !== null) states.add(stateOf[c]);
    if (states.size !== 1) continue;
    for (const c of cols) {
      const employeeId = owner.get(c);
      if (employeeId !== undefined) reached.get(employeeId)!.add([...states][0]);
    }
  }
  return new Map(
    [...reached].map(([employeeId, states]) => [
      employeeId,
      states.size === 1 ? `state:${[...states][0]}` : `employee:${employeeId}`,
    ]),
  );
}

class KeyedRowSorter extends RowSorter {
  readonly blockRows = new Map<string, GlobalRow[]>();
  /** Block key → the shift and overtime columns whose home it is. */
  readonly homeCols = new Map<string, number[]>();
  /** Employee → the blocks that copy some of their shifts. */
  private readonly visited = new Map<string, Set<string>>();
  private readonly shiftRows: { employeeId: string; key: string; row: GlobalRow }[] = [];
  private readonly isShift: ReadonlySet<number>;

  constructor(
    model: MipModel,
    index: ModelIndex,
    owner: ReadonlyMap<number, string>,
    spread: ReadonlySet<number>,
    private readonly keys: BlockKeys,
  ) {
    super(model, index, owner, spread);
    this.isShift = new Set([...index.shifts.values()].flat().map((shift) => shift.col));
    for (const col of owner.keys()) {
      const key = keys.home(col);
      if (key === null) continue;
      this.rowsOf(key);
      const list = this.homeCols.get(key) ?? [];
      list.push(col);
      this.homeCols.set(key, list);
    }
  }

  override add(r: number): void {
    const row = this.row(r);
    if (row.cols.length === 0) return;
    if (row.cols.some((c) => this.spread.has(c))) return this.pricedRow(r, row);
    const keys = new Set(row.cols.filter((c) => !this.owner.has(c)).map(this.keys.key));
    if (keys.size === 0) return this.ownedRow(r, row);
    if (keys.size > 1) return this.pricedRow(r, row);
    const [key] = keys;
    const keepCol = (c: number) => this.keys.home(c) === key;
    for (const c of row.cols)
      if (this.owner.has(c) && !keepCol(c)) this.visits(this.owner.get(c)!).add(key);
    return this.linkingRow(r, row, {
      keepCol,
      rows: this.rowsOf(key),
      scope: key,
      perShift: true,
    });
  }

  /** A row of shift and overtime columns only: in their common home's block, else priced. */
  private ownedRow(r: number, row: GlobalRow): void {
    const homes = new Set(row.cols.map(this.keys.home));
    const [key] = homes;
    if (homes.size !== 1 || key === null) return this.pricedRow(r, row);
    this.rowsOf(key).push(row);
    const employees = new Set(row.cols.map((c) => this.owner.get(c)!));
    if (employees.size === 1 && row.cols.every((c) => this.isShift.has(c)))
      this.shiftRows.push({ employeeId: [...employees][0], key, row });
  }

  /**
   * Every employee's shift rows, repeated on the copies in each other block that copies some of
   * their shifts (one shift a day, rest between shifts): every roster meets them there too.
   */
  copyShiftRows(): void {
    const n = numCols(this.model);
    for (const { employeeId, key, row } of this.shiftRows)
      for (const visitor of this.visited.get(employeeId) ?? [])
        if (visitor !== key)
          this.rowsOf(visitor).push({
            ...row,
            cols: row.cols.map((c) => n + this.copy(employeeId, [c], visitor)),
          });
  }

  private visits(employeeId: string): Set<string> {
    let set = this.visited.get(employeeId);
    if (!set) {
      set = new Set();
      this.visited.set(employeeId, set);
    }
    return set;
  }

  private rowsOf(key: string): GlobalRow[] {
    let list = this.blockRows.get(key);
    if (!list) {
      list = [];
      this.blockRows.set(key, list);
    }
    return list;
  }
}
