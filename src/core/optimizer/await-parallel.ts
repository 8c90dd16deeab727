import type { ParallelOutcome, ParallelRun } from './solve-deps.js';

/**
 * Seconds before the deadline at which the second thread is asked to stop and answer, and how long
 * it may then take before it is terminated. Measured on a small week with the search busy on the
 * other core: the answer came 0.1–0.6 s after the stop (HiGHS's interrupt, the decoding and the
 * check of its roster), so a 0.6 s grace dropped it about one time in three.
 */
const PARALLEL_STOP_BEFORE_DEADLINE = 1.2;
const PARALLEL_ANSWER_GRACE = 1.1;

/** The second thread's time limit: the solve's, less its start-up and the runner's final steps. */
export function parallelTimeLimit(limitSeconds: number): number {
  return Math.max(0.5, limitSeconds * 0.9 - 0.3);
}

/**
 * Waits for the second thread until the deadline, then stops it and waits a little more; an
 * anytime run (its bound so far is all it would give) is ended at once.
 */
export async function awaitParallel(
  run: ParallelRun,
  deadline: number,
  cancelled: () => boolean,
): Promise<ParallelOutcome | null> {
  const sleep = (ms: number) =>
    new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), Math.max(0, ms)));
  if (run.anytime) return ended(run);
  const until = cancelled()
    ? 0
    : deadline - PARALLEL_STOP_BEFORE_DEADLINE * 1000 - performance.now();
  const first = await Promise.race([run.result, sleep(until)]);
  if (first !== 'late') return first;
  run.stop();
  const second = await Promise.race([run.result, sleep(PARALLEL_ANSWER_GRACE * 1000)]);
  if (second !== 'late') return second;
  return ended(run);
}

/** Terminates the run; it settles at once with what it had (e.g. the MIP's bound so far). */
function ended(run: ParallelRun): Promise<ParallelOutcome | null> {
  run.terminate();
  return Promise.race([run.result, Promise.resolve(null)]);
}
