export * from './sparse.js';
export * from './names.js';
export {
  type BuildOptions,
  type Neighbourhood,
  type RosterModel,
  type SupervisionMode,
  modelCandidates,
} from './context.js';
export * from './constraints/index.js';
export * from './objective.js';
export { buildRosterModel, exactModelIsRelaxation } from './model.js';
export { encodeRoster } from './encode.js';
export { decodeRoster } from './decode.js';
export * from './solver-port.js';
export { HighsSolver, loadHighs } from './highs-adapter.js';
export { LpSolverAdapter } from './lp-solver-adapter.js';
export { solverFor } from './solvers.js';
export { toLpText } from './lp-text.js';
export { lpLowerBound, type LowerBound, type LowerBoundOptions } from './bound.js';
export {
  intervalLpBound,
  type IntervalBound,
  type IntervalBoundOptions,
} from './interval-bound.js';
export { dayLagrangianBound, type DayBound, type DayBoundOptions } from './day-bound.js';
export { splitByDay, weeklyColumnBounds, type DaySplit, type DayBlock } from './day-split.js';
export { HighsLpSession, type LpAnswer } from './highs-lp-session.js';
export {
  runBoundJob,
  type BoundJobOptions,
  type BoundJobResult,
  type BoundStrategy,
} from './bound-job.js';
export { solveMonolithicMip, type MonolithicOptions } from './solve-mip.js';
export { polishNeighbourhood, type NeighbourhoodSpec, type PolishOptions } from './polish.js';
export { analyseInfeasibility } from './infeasibility.js';
export { highsLpBoundProvider, highsPolishProvider, monolithicMip } from './providers.js';
