import type { Violation } from '../../checker/types.js';
import type { PlanningInstance } from '../../model/instance.js';
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
