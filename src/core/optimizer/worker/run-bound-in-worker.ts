import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { PlanningInstance } from '../../model/instance.js';
import type { BoundStrategy } from '../mip/bound-job.js';
import type {
  ParallelBoundProvider,
  ParallelOutcome,
  ParallelRun,
  ParallelStartOptions,
} from '../solve-deps.js';
import { type FromBoundWorker, type ToBoundWorker, fromWorkerError } from './protocol.js';
import { compiledWorkerUrl } from './run-in-worker.js';

/**
 * The solve's second thread: `workerBound(strategy)` is a `ParallelBoundProvider` for
 * `SolveDeps.parallel` that runs `runBoundJob` (HiGHS MIP or LP) in a `node:worker_threads`
 * Worker while the heuristic runs on the calling thread, so both cores work. `stop()` sets a
 * shared flag that HiGHS polls (the job answers with its bound and incumbent so far);
 * `terminate()` ends the thread without waiting. The MIP job also sends its proven bound as it
 * improves, so a job terminated or failed (e.g. out of memory) gives that bound without a roster,
 * or `null` when it had none; a roster the checker rejects rejects the promise with
 * RosterVerificationError (a bug, reported loudly). Like the solve worker, it loads compiled
 * JavaScript (dist/ when running from the sources).
 */

export interface BoundWorkerOptions {
  /**
   * Below this job time limit (seconds) the job is not started: it could not finish, and a
   * second HiGHS thread would only take memory and CPU from the heuristic (measured on medium
   * weeks: 20 s solves got worse rosters with an LP that never finished). Default 0.
   */
  readonly minTimeLimitSeconds?: number;
  readonly workerUrl?: URL;
  /** Worker resource limits (e.g. { maxOldGenerationSizeMb: 2048 }). */
  readonly resourceLimits?: ResourceLimits;
  /** Run at the solver threads' lowest CPU priority (default true: request threads come first). */
  readonly lowPriority?: boolean;
}

export function workerBound(
  strategy: BoundStrategy,
  options: BoundWorkerOptions = {},
): ParallelBoundProvider {
  return {
    name: `parallel-${strategy}`,
    start(instance: PlanningInstance, run: ParallelStartOptions): ParallelRun | null {
      if (run.timeLimitSeconds < (options.minTimeLimitSeconds ?? 0)) return null;
      const stop = new SharedArrayBuffer(4);
      const flag = new Int32Array(stop);
      const worker = new Worker(options.workerUrl ?? compiledWorkerUrl('bound-worker.js'), {
        ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
      });
      let settle: (action: () => void) => void = () => undefined;
      let resolveNull: () => void = () => undefined;
      // HiGHS does not always answer its stop request in time; its bound so far still counts.
      let boundSoFar: number | null = null;
      const partial = (): ParallelOutcome | null =>
        boundSoFar === null
          ? null
          : { bound: boundSoFar, roster: null, proven: false, method: `${strategy}-bound-so-far` };
      const result = new Promise<ParallelOutcome | null>((resolve, reject) => {
        let settled = false;
        settle = (action) => {
          if (settled) return;
          settled = true;
          worker.removeAllListeners();
          void worker.terminate();
          action();
        };
        resolveNull = () => settle(() => resolve(partial()));
        worker.on('message', (message: FromBoundWorker) => {
          if (message.type === 'bound') {
            boundSoFar = message.bound;
            run.onBound?.(message.bound);
          } else if (message.type === 'result') settle(() => resolve(message.result));
          else if (message.name === 'RosterVerificationError')
            settle(() => reject(fromWorkerError(message, strategy)));
          else resolveNull();
        });
        worker.on('error', resolveNull);
        worker.on('exit', resolveNull);
      });
      const message: ToBoundWorker = {
        type: 'bound',
        instance,
        strategy,
        timeLimitSeconds: run.timeLimitSeconds,
        stop,
        lowPriority: options.lowPriority ?? true,
      };
      worker.postMessage(message);
      return {
        name: `parallel-${strategy}`,
        quick: strategy === 'interval-lp',
        anytime: strategy === 'day-lagrangian',
        result,
        stop: () => {
          Atomics.store(flag, 0, 1);
        },
        terminate: () => resolveNull(),
      };
    },
  };
}
