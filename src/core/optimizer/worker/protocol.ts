import type { Violation } from '../../checker/types.js';
import type { PlanningInstance } from '../../model/instance.js';
import type { BoundJobResult, BoundStrategy } from '../mip/bound-job.js';
import type { SearchTuning } from '../solve.js';
import type { SolveOptions, SolveProgress, SolveResult } from '../types.js';

/** Messages between `runSolveInWorker` and the worker entry (`solve-worker.ts`). */

export type SerializableSolveOptions = Omit<SolveOptions, 'signal' | 'onProgress'>;

export type ToWorker =
  | {
      readonly type: 'solve';
      readonly instance: PlanningInstance;
      readonly options: SerializableSolveOptions;
      readonly search?: SearchTuning;
    }
  | { readonly type: 'cancel' };

export type FromWorker =
  | { readonly type: 'progress'; readonly progress: SolveProgress }
  | { readonly type: 'result'; readonly result: SolveResult }
  | {
      readonly type: 'error';
      readonly name: string;
      readonly message: string;
      readonly method?: string;
      readonly violations?: readonly Violation[];
    };

/** Messages between `workerBound` (run-bound-in-worker.ts) and `bound-worker.ts`. */
export interface ToBoundWorker {
  readonly type: 'bound';
  readonly instance: PlanningInstance;
  readonly strategy: BoundStrategy;
  readonly timeLimitSeconds: number;
  /** Int32Array view at 0: set to 1 by the parent to stop the job. */
  readonly stop: SharedArrayBuffer;
}

export type FromBoundWorker =
  | { readonly type: 'result'; readonly result: BoundJobResult }
  /** The MIP's proven bound so far, sent as it improves. */
  | { readonly type: 'bound'; readonly bound: number }
  | {
      readonly type: 'error';
      readonly name: string;
      readonly message: string;
      readonly method?: string;
      readonly violations?: readonly Violation[];
    };
