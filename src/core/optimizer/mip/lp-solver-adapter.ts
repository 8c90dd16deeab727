import * as lpSolverModule from 'javascript-lp-solver';
import { guard } from './highs-adapter.js';
import type { MipSolution, MipSolveOptions, MipSolver } from './solver-port.js';
import { type MipModel, SolverResultError, numCols, numRows, objectiveOf } from './sparse.js';

/**
 * javascript-lp-solver 1.0.3, for SMALL models only and never the default: it was measured to
 * return wrong answers (a stalled degenerate point reported as optimal). Every answer goes through
 * the same guard as HiGHS: the values must satisfy the model (bounds, integrality, rows) and
 * reproduce the reported objective, or SolverResultError is thrown. It has no bound, no warm
 * start and no proof of infeasibility we trust: INFEASIBLE is reported as ERROR.
 */

interface LpSolverModel {
  optimize: string;
  opType: 'min';
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  variables: Record<string, Record<string, number>>;
  ints: Record<string, 1>;
  timeout?: number;
}

const OBJECTIVE = '__objective';

type SolveFunction = (model: LpSolverModel) => unknown;

/** `Solve` of the package's default export (ESM or CommonJS build). */
function solveFunction(): SolveFunction {
  const module = lpSolverModule as unknown as {
    default?: { Solve?: SolveFunction };
    Solve?: SolveFunction;
  };
  const solve = module.default?.Solve ?? module.Solve;
  if (!solve) throw new Error('javascript-lp-solver: Solve not found');
  const self = module.default ?? module;
  return (model) => solve.call(self, model);
}

function toLpSolverModel(model: MipModel, relax: boolean, timeoutMs: number): LpSolverModel {
  const constraints: LpSolverModel['constraints'] = {};
  const variables: LpSolverModel['variables'] = {};
  const ints: LpSolverModel['ints'] = {};
  for (let j = 0; j < numCols(model); j += 1) {
    const name = `v${j}`;
    variables[name] = { [OBJECTIVE]: model.colCost[j] };
    if (model.colLower[j] < 0)
      throw new RangeError('javascript-lp-solver adapter: negative lower bounds are not supported');
    if (model.colLower[j] > 0) {
      constraints[`lb${j}`] = { min: model.colLower[j] };
      variables[name][`lb${j}`] = 1;
    }
    if (Number.isFinite(model.colUpper[j])) {
      constraints[`ub${j}`] = { max: model.colUpper[j] };
      variables[name][`ub${j}`] = 1;
    }
    if (!relax && model.colInteger[j] === 1) ints[name] = 1;
  }
  for (let i = 0; i < numRows(model); i += 1) {
    const row = `r${i}`;
    const rhs = model.rowRhs[i];
    constraints[row] =
      model.rowSense[i] === 'L'
        ? { max: rhs }
        : model.rowSense[i] === 'G'
          ? { min: rhs }
          : { equal: rhs };
    for (let k = model.rowStarts[i]; k < model.rowStarts[i + 1]; k += 1) {
      variables[`v${model.indices[k]}`][row] = model.values[k];
    }
  }
  return { optimize: OBJECTIVE, opType: 'min', constraints, variables, ints, timeout: timeoutMs };
}

export class LpSolverAdapter implements MipSolver {
  readonly name = 'javascript-lp-solver';

  solve(model: MipModel, options: MipSolveOptions): Promise<MipSolution> {
    const started = Date.now();
    if (options.signal?.aborted) {
      return Promise.resolve({
        status: 'ERROR',
        values: null,
        objective: null,
        bound: null,
        seconds: 0,
      });
    }
    const relax = options.relax === true;
    const input = toLpSolverModel(model, relax, Math.max(10, options.timeLimitSeconds * 1000));
    const result = solveFunction()(input) as Record<string, number | boolean | undefined>;
    const seconds = (Date.now() - started) / 1000;
    if (result.feasible !== true) {
      return Promise.resolve({
        status: 'ERROR',
        values: null,
        objective: null,
        bound: null,
        seconds,
      });
    }
    if (result.bounded === false)
      throw new SolverResultError(this.name, ['reported an unbounded model']);
    const dense = new Float64Array(numCols(model));
    for (let j = 0; j < dense.length; j += 1) {
      const value = result[`v${j}`];
      dense[j] = typeof value === 'number' ? value : 0;
    }
    const reported =
      typeof result.result === 'number' ? result.result + model.objectiveOffset : null;
    guard(this.name, model, dense, relax, options.tolerance ?? 1e-5, reported);
    const values = new Map(model.colNames.map((name, j) => [name, dense[j]]));
    // It claims optimality, but it is not trusted for bounds: FEASIBLE, bound null.
    return Promise.resolve({
      status: 'FEASIBLE',
      values,
      objective: objectiveOf(model, dense),
      bound: null,
      seconds,
    });
  }
}
