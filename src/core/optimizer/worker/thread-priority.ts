import { execFileSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of solver threads: the lowest priority. */
const SOLVER_NICE = 19;

/**
 * Puts Linux threads in the SCHED_IDLE class with util-linux's `chrt` (Node has no binding for
 * sched_setscheduler): a SCHED_IDLE thread runs only on a core nothing else wants, and a waking
 * normal thread preempts it at once. Nice 19 alone is not enough: the scheduler still lets the
 * solver finish its slice before a woken request thread runs, which doubled the request thread's
 * time waiting for a core during a solve (docs/benchmarks.md). Without `chrt` (or permission) the
 * threads keep nice 19.
 */
function idleClass(threadId: number): void {
  try {
    execFileSync('chrt', ['--idle', '--pid', '0', `${threadId}`], {
      stdio: 'ignore',
      timeout: 2000,
    });
  } catch {
    // No chrt here, or not permitted: nice 19 still applies.
  }
}

/** The calling thread's kernel id (Linux: /proc/thread-self is /proc/<pid>/task/<tid>). */
function currentThreadId(): number {
  return Number(readlinkSync('/proc/thread-self').split('/').pop());
}

/**
 * Lowers the calling thread's CPU priority (nice 19, and SCHED_IDLE where `chrt` can set it), so
 * that on a 2-core machine a solve does not take the CPU from the request thread of the same
 * process (the API stays responsive while a solver runs). Only on Linux, where setpriority(PRIO_PROCESS, 0) applies to the calling thread alone; elsewhere
 * it would lower the whole process, requests included. Failure to lower it is harmless.
 */
export function lowerSolverThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(SOLVER_NICE);
    idleClass(currentThreadId());
  } catch {
    // Not permitted in this environment: the solve simply runs at normal priority.
  }
}
