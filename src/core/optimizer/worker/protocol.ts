import type { Violation } from '../../checker/types.js';
import type { PlanningInstance } from '../../model/instance.js';
import type { BoundJobResult, BoundStrategy } from '../mip/bound-job.js';
import type { SearchTuning } from '../solve-deps.js';
import {
  RosterVerificationError,
  type SolveOptions,
  type SolveProgress,
  type SolveResult,
} from '../types.js';

/** Messages between `runSolveInWorker` and the worker entry (`solve-worker.ts`). */

/** A failure crossing from a worker to its parent; a RosterVerificationError keeps its details. */
export interface WorkerError {
  readonly type: 'error';
  readonly name: string;
  readonly message: string;
  readonly method?: string;
  readonly violations?: readonly Violation[];
}

/** What a worker posts for an error it caught. */
export function toWorkerError(error: unknown): WorkerError {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    type: 'error',
    name: e.name,
    message: e.message,
    ...(error instanceof RosterVerificationError
      ? { method: error.method, violations: error.violations }
      : {}),
  };
}

/** The error a parent raises for a worker's `WorkerError` (`method` when the worker named none). */
export function fromWorkerError(failure: WorkerError, method: string): Error {
  return failure.name === 'RosterVerificationError'
    ? new RosterVerificationError(failure.method ?? method, failure.violations ?? [])
    : Object.assign(new Error(failure.message), { name: failure.name });
}

export type SerializableSolveOptions = Omit<SolveOptions, 'signal' | 'onProgress'>;

export type ToWorker =
  | {
      readonly type: 'solve';
      readonly instance: PlanningInstance;
      readonly options: SerializableSolveOptions;
      readonly search?: SearchTuning;
      /** Run the solver's threads at the lowest CPU priority (`WorkerRunOptions.lowPriority`). */
      readonly lowPriority: boolean;
    }
  | { readonly type: 'cancel' };

export type FromWorker =
  | { readonly type: 'progress'; readonly progress: SolveProgress }
  | { readonly type: 'result'; readonly result: SolveResult }
  | WorkerError;

/** Messages between `workerBound` (run-bound-in-worker.ts) and `bound-worker.ts`. */
export interface ToBoundWorker {
  readonly type: 'bound';
  readonly instance: PlanningInstance;
  readonly strategy: BoundStrategy;
  readonly timeLimitSeconds: number;
  /** Int32Array view at 0: set to 1 by the parent to stop the job. */
  readonly stop: SharedArrayBuffer;
  /** Run at the solver threads' lowest CPU priority. */
  readonly lowPriority: boolean;
}

export type FromBoundWorker =
  | { readonly type: 'result'; readonly result: BoundJobResult }
  /** The MIP's proven bound so far, sent as it improves. */
  | { readonly type: 'bound'; readonly bound: number }
  | WorkerError;

/**
 * Messages between `workerBestWeeks` (run-best-weeks-in-worker.ts) and `best-week-worker.ts`.
 * Weeks travel as `SearchModel.encodeWeek` numbers: both threads build the model from the same
 * instance. `epoch` counts the parent's resets, `step` the moves applied since the last one.
 */
export type ToBestWeekWorker =
  | {
      readonly type: 'init';
      readonly instance: PlanningInstance;
      readonly seed: number;
      /** Run at the solver threads' lowest CPU priority (thread-priority.ts). */
      readonly lowPriority: boolean;
    }
  | { readonly type: 'reset'; readonly epoch: number; readonly weeks: readonly number[][] }
  | {
      readonly type: 'apply';
      /** (employee, day, code) triples. */
      readonly changes: readonly number[];
      /** The move's interval outcomes (outcome-codec.ts). */
      readonly outcomes: Float64Array;
      readonly delta: number;
      readonly fairness: number;
    };

export type FromBestWeekWorker =
  | {
      readonly type: 'proposal';
      readonly epoch: number;
      readonly step: number;
      readonly employee: number;
      readonly week: readonly number[];
    }
  | WorkerError;
