import { setPriority } from 'node:os';

/** The nice value of solver threads: the lowest priority. */
const SOLVER_NICE = 19;

/**
 * Lowers the calling thread's CPU priority, so that on a 2-core machine a solve does not take the
 * CPU from the request thread of the same process (the API stays responsive while a solver runs).
 * Only on Linux, where setpriority(PRIO_PROCESS, 0) applies to the calling thread alone; elsewhere
 * it would lower the whole process, requests included. Failure to lower it is harmless.
 */
export function lowerSolverThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(SOLVER_NICE);
  } catch {
    // Not permitted in this environment: the solve simply runs at normal priority.
  }
}
