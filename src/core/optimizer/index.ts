export * from './types.js';
export { solveRoster } from './solve.js';
export type {
  ParallelBoundProvider,
  ParallelOutcome,
  ParallelRun,
  PolishProvider,
  SearchTuning,
  SolveDeps,
} from './solve-deps.js';
export {
  type BoundProvider,
  bestOfBounds,
  boundProviderFrom,
  relaxationBound,
  relaxationBoundProvider,
} from './search/bounds.js';
export {
  AllocationEvaluator,
  type EvaluateOptions,
  type IntervalAllocation,
  type IntervalOutcome,
  type IntervalShare,
} from './search/allocation.js';
export {
  defaultWorkerUrl,
  runSolveInWorker,
  type WorkerRunOptions,
} from './worker/run-in-worker.js';
export {
  defaultSolveDeps,
  PARALLEL_DAY_MAX_EMPLOYEES,
  PARALLEL_DAY_MIN_SECONDS,
  PARALLEL_MIP_MAX_EMPLOYEES,
} from './default-deps.js';
export { workerBound, type BoundWorkerOptions } from './worker/run-bound-in-worker.js';
