import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type { MipSolution, MipSolveOptions, MipSolver, MipStatus } from './solver-port.js';
import {
  type MipModel,
  type RowSense,
  SolverResultError,
  columnIndex,
  numCols,
  numRows,
  objectiveOf,
  toNamed,
  verifyAgainstModel,
} from './sparse.js';

/**
 * HiGHS (WebAssembly, single-threaded, 2 GiB cap) through the package's persistent, structured
 * API: the model goes in as CSR arrays (`createModel(ModelData)`), so no LP text is written or
 * parsed (`toLpText` exists for export and debugging). A warm start is passed with
 * `setSolution({indices, values})` (a sparse MIP start; HiGHS checks and may complete or reject
 * it). The solve is synchronous: it blocks the thread until the time limit or optimality.
 */

type Loader = () => Promise<Highs>;

/** The package's default export, whether the ESM build or the CommonJS one was resolved. */
function loaderOf(module: unknown): Loader {
  if (typeof module === 'function') return module as Loader;
  const inner = (module as { default?: unknown }).default;
  if (typeof inner === 'function') return inner as Loader;
  return (inner as { default: Loader }).default;
}

let loaded: Promise<Highs> | null = null;

/** The HiGHS runtime, loaded once per thread. */
export function loadHighs(): Promise<Highs> {
  if (!loaded) loaded = loaderOf(highsModule)();
  return loaded;
}

/** A row `· sense rhs` as HiGHS's [lower, upper] row bounds. */
export function rowBounds(highs: Highs, sense: RowSense, rhs: number): [number, number] {
  return [sense === 'L' ? -highs.infinity : rhs, sense === 'G' ? highs.infinity : rhs];
}

/** `model` as HiGHS's structured model data (CSR rows; no integrality when `relax`). */
export function toModelData(highs: Highs, model: MipModel, relax: boolean) {
  const lower: number[] = [];
  const upper: number[] = [];
  for (let i = 0; i < numRows(model); i += 1) {
    const [low, high] = rowBounds(highs, model.rowSense[i], model.rowRhs[i]);
    lower.push(low);
    upper.push(high);
  }
  const infinite = (values: number[]) =>
    Float64Array.from(values, (v) =>
      v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v,
    );
  return {
    numCols: numCols(model),
    numRows: numRows(model),
    offset: model.objectiveOffset,
    colCost: Float64Array.from(model.colCost),
    colLower: infinite(model.colLower),
    colUpper: infinite(model.colUpper),
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    matrix: {
      format: 'csr' as const,
      numRows: numRows(model),
      numCols: numCols(model),
      starts: Int32Array.from(model.rowStarts),
      indices: Int32Array.from(model.indices),
      values: Float64Array.from(model.values),
    },
    ...(relax ? {} : { integrality: Int32Array.from(model.colInteger) }),
  };
}

export type HighsModel = ReturnType<Highs['createModel']>;

export class HighsSolver implements MipSolver {
  readonly name = 'highs';

  constructor(
    private readonly extraOptions: Readonly<Record<string, number | string | boolean>> = {},
  ) {}

  async solve(model: MipModel, options: MipSolveOptions): Promise<MipSolution> {
    const started = Date.now();
    const seconds = () => (Date.now() - started) / 1000;
    const highs = await loadHighs();
    if (options.signal?.aborted) {
      return { status: 'ERROR', values: null, objective: null, bound: null, seconds: 0 };
    }
    const relax = options.relax === true;
    const hasIntegers = !relax && model.colInteger.some((flag) => flag === 1);
    const instance = highs.createModel(toModelData(highs, model, relax));
    try {
      instance.options.set({
        output_flag: false,
        time_limit: Math.max(0.01, options.timeLimitSeconds),
        mip_rel_gap: options.mipRelGap ?? 1e-6,
        random_seed: 0,
        ...this.extraOptions,
      });
      if (options.warmStart && hasIntegers) setWarmStart(instance, model, options.warmStart);
      runHighs(highs, instance, options, hasIntegers);
      const { status, hasSolution } = statusOf(highs, instance);
      const bound = boundOf(instance, status, hasIntegers);
      if (!hasSolution || status === 'INFEASIBLE' || status === 'ERROR')
        return { status, values: null, objective: null, bound, seconds: seconds() };
      const dense = instance.getSolution().colValue;
      const reported = instance.getObjectiveValue();
      guard(this.name, model, dense, relax, options.tolerance ?? 1e-5, reported);
      return {
        status,
        values: toNamed(model, dense),
        objective: objectiveOf(model, dense),
        bound,
        seconds: seconds(),
      };
    } finally {
      instance.dispose();
    }
  }
}

/** A sparse MIP start by column name (names the model does not have are left out). */
function setWarmStart(
  instance: HighsModel,
  model: MipModel,
  warmStart: NonNullable<MipSolveOptions['warmStart']>,
): void {
  const index = columnIndex(model);
  const indices: number[] = [];
  const values: number[] = [];
  for (const [name, value] of warmStart) {
    const col = index.get(name);
    if (col !== undefined) {
      indices.push(col);
      values.push(value);
    }
  }
  if (indices.length > 0) instance.setSolution({ indices, values });
}

/**
 * Runs the solve; with `shouldStop` or `onBound`, through HiGHS's interrupt callbacks, which poll
 * the stop flag and pass on the MIP's dual bound as it improves.
 */
export function runHighs(
  highs: Highs,
  instance: HighsModel,
  options: Pick<MipSolveOptions, 'shouldStop' | 'onBound'>,
  hasIntegers: boolean,
): void {
  const { shouldStop: stop, onBound } = options;
  if (!stop && !onBound) {
    instance.run();
    return;
  }
  const poll = (event: { interrupt(): void }): undefined => {
    if (stop?.()) event.interrupt();
    return undefined;
  };
  const pollMip = (event: { interrupt(): void; data: { mip_dual_bound?: number } }): undefined => {
    const dual = event.data.mip_dual_bound;
    if (onBound && hasIntegers && dual !== undefined && Number.isFinite(dual)) onBound(dual);
    return poll(event);
  };
  const types = highs.constants.callbackType;
  instance.run({
    [types.simplexInterrupt]: poll,
    [types.ipmInterrupt]: poll,
    [types.mipInterrupt]: pollMip,
  });
}

/** The port's status from HiGHS's model status and whether a primal solution exists. */
function statusOf(highs: Highs, instance: HighsModel): { status: MipStatus; hasSolution: boolean } {
  const codes = highs.constants.modelStatus;
  const code = instance.getModelStatus();
  const hasSolution = Number(instance.info.get('primal_solution_status')) === 2;
  const stopped =
    code === codes.timeLimit || code === codes.interrupted || code === codes.iterationLimit;
  let status: MipStatus;
  if (code === codes.optimal || code === codes.empty) status = 'OPTIMAL';
  else if (code === codes.infeasible) status = 'INFEASIBLE';
  else if (stopped) status = hasSolution ? 'FEASIBLE' : 'TIME_LIMIT';
  else status = hasSolution ? 'FEASIBLE' : 'ERROR';
  return { status, hasSolution };
}

/** The MIP's dual bound, or an LP's optimum; none when infeasible. */
function boundOf(instance: HighsModel, status: MipStatus, hasIntegers: boolean): number | null {
  if (status === 'INFEASIBLE') return null;
  if (hasIntegers) {
    const dual = Number(instance.info.get('mip_dual_bound'));
    return Number.isFinite(dual) ? dual : null;
  }
  return status === 'OPTIMAL' ? instance.getObjectiveValue() : null;
}

/**
 * The adapter guard: the solution must satisfy the model (integrality unless relaxed) and its
 * recomputed objective must match what the solver reported.
 */
export function guard(
  solver: string,
  model: MipModel,
  dense: ArrayLike<number>,
  relax: boolean,
  tolerance: number,
  reportedObjective: number | null,
): void {
  const checked = relax
    ? verifyAgainstModel({ ...model, colInteger: model.colInteger.map(() => 0) }, dense, tolerance)
    : verifyAgainstModel(model, dense, tolerance);
  const problems = [...checked.problems];
  if (reportedObjective !== null) {
    const objective = objectiveOf(model, dense);
    if (Math.abs(objective - reportedObjective) > 1e-6 * Math.max(1, Math.abs(objective))) {
      problems.push(`reported objective ${reportedObjective} but the values give ${objective}`);
    }
  }
  if (problems.length > 0) throw new SolverResultError(solver, problems);
}
