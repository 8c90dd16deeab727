export * from './types.js';
export { solveRoster, type PolishProvider, type SearchTuning, type SolveDeps } from './solve.js';
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
export { defaultSolveDeps, HIGHS_BOUND_MAX_EMPLOYEES } from './default-deps.js';
