import type { SolverName } from '../types.js';
import { HighsSolver } from './highs-adapter.js';
import { LpSolverAdapter } from './lp-solver-adapter.js';
import type { MipSolver } from './solver-port.js';

/** The adapter for a solver name (default HiGHS). */
export function solverFor(name: SolverName | MipSolver = 'highs'): MipSolver {
  if (typeof name !== 'string') return name;
  return name === 'javascript-lp-solver' ? new LpSolverAdapter() : new HighsSolver();
}
