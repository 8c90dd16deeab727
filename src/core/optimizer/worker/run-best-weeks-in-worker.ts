import { Worker } from 'node:worker_threads';
import type { WeekProposal } from '../search/local-search.js';
import type { SearchModel, Week } from '../search/model.js';
import type { PricedMove } from '../search/state.js';
import { encodeOutcomes } from './outcome-codec.js';
import type { BestWeekHelper, BestWeekHelperProvider } from '../solve-deps.js';
import type { FromBestWeekWorker, ToBestWeekWorker } from './protocol.js';
import { compiledWorkerUrl } from './run-in-worker.js';

/**
 * The best-week helper on the second core: `workerBestWeeks()` is a `BestWeekHelperProvider` for
 * `SolveDeps.bestWeekHelper` that runs `best-week-worker.ts` in a `node:worker_threads` Worker.
 * The local search sends it every reset and applied move (shifts as `SearchModel.encodeShift`
 * numbers, the move's interval outcomes by outcome-codec.ts) and takes its proposals, which are dropped when they predate the latest reset. A worker that
 * fails or exits only stops proposing: the search goes on without it. Like the solve worker, it
 * loads compiled JavaScript (dist/ when running from the sources).
 */

/** A proposal with the number of applied moves the worker's roster had seen when making it. */
export interface HelperProposal extends WeekProposal {
  readonly step: number;
}

export interface BestWeekWorkerOptions {
  readonly workerUrl?: URL;
  /**
   * Run at the solver threads' lowest CPU priority (default true: request threads come first).
   * Tests turn it off, since a SCHED_IDLE thread gets no CPU while other test files keep both
   * cores busy.
   */
  readonly lowPriority?: boolean;
}

export function workerBestWeeks(options: BestWeekWorkerOptions = {}): BestWeekHelperProvider {
  return {
    name: 'best-week-helper',
    start: (model, seed) => startBestWeekWorker(model, seed, options),
  };
}

/** The helper running in a worker, whose proposals say which applied move they had seen. */
export interface BestWeekWorker extends BestWeekHelper {
  take(): HelperProposal[];
}

export function startBestWeekWorker(
  model: SearchModel,
  seed: number,
  options: BestWeekWorkerOptions = {},
): BestWeekWorker {
  const worker = new Worker(options.workerUrl ?? compiledWorkerUrl('best-week-worker.js'));
  // Never keeps the process alive: the solve stops it, and a crash must not hang anything.
  worker.unref();
  let epoch = 0;
  let running = true;
  let inbox: HelperProposal[] = [];
  const end = () => {
    running = false;
    inbox = [];
    worker.removeAllListeners();
    void worker.terminate();
  };
  worker.on('message', (message: FromBestWeekWorker) => {
    if (message.type !== 'proposal') return end();
    if (message.epoch !== epoch) return;
    const { employee, step } = message;
    inbox.push({ employee, step, week: model.decodeWeek(employee, message.week) });
  });
  worker.on('error', end);
  worker.on('exit', end);
  const post = (message: ToBestWeekWorker) => {
    if (running) worker.postMessage(message);
  };
  post({ type: 'init', instance: model.instance, seed, lowPriority: options.lowPriority ?? true });
  return {
    take: () => {
      const taken = inbox;
      inbox = [];
      return taken;
    },
    applied: (move: PricedMove) =>
      post({
        type: 'apply',
        changes: move.changes.flatMap(({ employee, day, next }) => [
          employee,
          day,
          model.encodeShift(employee, day, next),
        ]),
        outcomes: encodeOutcomes(model.evaluator.states, move.outcomes),
        delta: move.delta,
        fairness: move.fairness,
      }),
    reset: (weeks: readonly Week[]) => {
      epoch += 1;
      inbox = [];
      post({ type: 'reset', epoch, weeks: weeks.map((week, e) => model.encodeWeek(e, week)) });
    },
    stop: end,
  };
}
