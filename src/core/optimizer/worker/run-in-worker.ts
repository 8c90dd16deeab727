import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { PlanningInstance } from '../../model/instance.js';
import type { SearchTuning } from '../solve-deps.js';
import type { SolveProgress, SolveResult } from '../types.js';
import {
  type FromWorker,
  type SerializableSolveOptions,
  type ToWorker,
  fromWorkerError,
} from './protocol.js';

/**
 * Runs `solveRoster` in a `node:worker_threads` Worker so the API's event loop stays free during a
 * solve. The instance is posted to the worker (structured clone), progress events are relayed,
 * and the worker is stopped:
 * - on abort (`signal`): a `cancel` message first (the solve returns its best roster so far with
 *   status CANCELLED); if no answer comes within `graceSeconds`, the worker is terminated and the
 *   result is CANCELLED without a roster;
 * - when it overruns `timeLimitSeconds` + `graceSeconds`: the same, cancel then terminate.
 *
 * The worker file: from compiled code (dist/) it is `./solve-worker.js` next to this module. From
 * sources (jest runs the .ts files through SWC; a worker cannot load .ts), the compiled
 * dist/src/core/optimizer/worker/solve-worker.js is used instead, so run `npm run build` first.
 * `workerUrl` overrides both.
 */

export interface WorkerRunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SolveProgress) => void;
  /** Seconds between the cancel message and terminating the worker (default 2). */
  readonly graceSeconds?: number;
  readonly workerUrl?: URL;
  readonly search?: SearchTuning;
  /** Worker resource limits (e.g. { maxOldGenerationSizeMb: 2048 }). */
  readonly resourceLimits?: ResourceLimits;
  /**
   * Run the solver's threads (the solve, its second thread and its helper) at the lowest CPU
   * priority: default true, so that the API's request threads take a core first. False runs them
   * at normal priority, for work that must not be starved by other load on the machine (a
   * SCHED_IDLE thread gets no CPU at all while other processes keep both cores busy).
   */
  readonly lowPriority?: boolean;
}

/** A worker entry of this folder: next to this module when compiled, from dist/ when running from src/. */
export function compiledWorkerUrl(file: string): URL {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return new URL(`./${file}`, import.meta.url);
  const marker = `${sep}src${sep}core${sep}optimizer${sep}worker${sep}`;
  const at = here.lastIndexOf(marker);
  if (at < 0) throw new Error(`Cannot locate the compiled worker for ${here}`);
  const root = here.slice(0, at);
  return pathToFileURL(`${root}${sep}dist${marker}${file}`);
}

/** The solve worker entry (see `compiledWorkerUrl`). */
export function defaultWorkerUrl(): URL {
  return compiledWorkerUrl('solve-worker.js');
}

function cancelledResult(elapsedSeconds: number, why: string): SolveResult {
  return {
    status: 'CANCELLED',
    roster: null,
    objective: null,
    soft: null,
    lowerBound: null,
    gap: null,
    method: why,
    elapsedSeconds,
    explanations: [],
    infeasibility: null,
    search: null,
    reproducible: false,
  };
}

export function runSolveInWorker(
  instance: PlanningInstance,
  options: SerializableSolveOptions,
  run: WorkerRunOptions = {},
): Promise<SolveResult> {
  const started = performance.now();
  const graceMs = (run.graceSeconds ?? 2) * 1000;
  return new Promise<SolveResult>((resolve, reject) => {
    if (run.signal?.aborted) {
      resolve(cancelledResult(0, 'cancelled-before-start'));
      return;
    }
    const worker = new Worker(run.workerUrl ?? defaultWorkerUrl(), {
      ...(run.resourceLimits ? { resourceLimits: run.resourceLimits } : {}),
    });
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      run.signal?.removeEventListener('abort', onAbort);
      worker.removeAllListeners();
      void worker.terminate();
      action();
    };
    const elapsed = () => (performance.now() - started) / 1000;
    const post = (message: ToWorker) => worker.postMessage(message);
    const stop = (why: string) => {
      post({ type: 'cancel' });
      timers.push(
        setTimeout(() => finish(() => resolve(cancelledResult(elapsed(), why))), graceMs),
      );
    };
    const onAbort = () => stop('cancelled');
    run.signal?.addEventListener('abort', onAbort, { once: true });
    timers.push(
      setTimeout(() => stop('time-limit-exceeded'), options.timeLimitSeconds * 1000 + graceMs),
    );
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'progress':
          run.onProgress?.(message.progress);
          return;
        case 'result':
          finish(() => resolve(message.result));
          return;
        case 'error':
          finish(() => reject(fromWorkerError(message, 'unknown')));
          return;
      }
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`Solve worker exited with code ${code} before answering`))),
    );
    post({
      type: 'solve',
      instance,
      options,
      ...(run.search ? { search: run.search } : {}),
      lowPriority: run.lowPriority ?? true,
    });
  });
}
