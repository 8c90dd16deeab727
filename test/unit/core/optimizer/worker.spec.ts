import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../../../src/core/checker/check-roster.js';
import { generateInstance } from '../../../../src/core/generator/generate-instance.js';
import type { SolveProgress } from '../../../../src/core/optimizer/types.js';
import {
  compiledWorkerUrl,
  defaultWorkerUrl,
  runSolveInWorker,
} from '../../../../src/core/optimizer/worker/run-in-worker.js';

/**
 * The worker loads compiled JavaScript: from the sources (jest) `defaultWorkerUrl()` points at
 * dist/src/core/optimizer/worker/solve-worker.js, so `npm run build` must have run (`npm test`
 * builds first in `pretest`).
 */
const workerFile = fileURLToPath(defaultWorkerUrl());
const SCHED_IDLE = 5;

function hasChrt(): boolean {
  try {
    execFileSync('chrt', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Each of this process's threads by thread id: the fields of /proc/<tid>/stat after the command
 * name (index 16 is the nice value, 38 the scheduling policy).
 */
function threadStats(): Map<string, string[]> {
  const stats = new Map<string, string[]>();
  for (const task of readdirSync('/proc/self/task')) {
    try {
      stats.set(
        task,
        readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1].split(' '),
      );
    } catch {
      // the thread ended while being read
    }
  }
  return stats;
}

/** The nice value of each of this process's threads by thread id. */
function threadNiceValues(): Map<string, string> {
  return new Map([...threadStats()].map(([thread, fields]) => [thread, fields[16]]));
}

/** Whether `holds` becomes true within `seconds` (threads take a moment to end). */
async function within(seconds: number, holds: () => boolean): Promise<boolean> {
  for (const until = Date.now() + seconds * 1000; Date.now() < until;) {
    if (holds()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return holds();
}

/**
 * Whether, within ten seconds, no thread of this process runs at the solver's nice 19. A
 * SCHED_IDLE thread runs only when a core is idle, so under load (the other test file) even its
 * exit can wait that long.
 */
function solverThreadsGone(): Promise<boolean> {
  return within(10, () => ![...threadNiceValues().values()].includes('19'));
}

/** Whether this process is back to at most `count` threads within two seconds. */
function threadCountBackTo(count: number): Promise<boolean> {
  return within(2, () => threadNiceValues().size <= count);
}

describe('runSolveInWorker', () => {
  it('finds the compiled worker under dist/', () => {
    expect(workerFile).toMatch(
      /dist[/\\]src[/\\]core[/\\]optimizer[/\\]worker[/\\]solve-worker\.js$/,
    );
    expect(existsSync(workerFile)).toBe(true);
  });

  it('relays progress and returns a checker-clean roster; the main thread stays responsive', async () => {
    const instance = generateInstance('small', 3);
    const progress: SolveProgress[] = [];
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 20);
    const result = await runSolveInWorker(
      instance,
      { timeLimitSeconds: 3, seed: 1 },
      { onProgress: (p) => progress.push(p), graceSeconds: 10, lowPriority: false },
    );
    clearInterval(timer);
    expect(['FEASIBLE', 'OPTIMAL']).toContain(result.status);
    expect(progress.map((p) => p.phase)).toContain('construct');
    expect(progress[progress.length - 1].phase).toBe('done');
    expect(checkRoster(instance, result.roster!).violations).toEqual([]);
    expect(ticks).toBeGreaterThan(50);
  });

  it('runs the solver thread at the lowest CPU priority, SCHED_IDLE where chrt exists, the calling thread unchanged (Linux)', async () => {
    if (process.platform !== 'linux') return;
    // Sampled on progress and on a timer: under load a SCHED_IDLE solve may get no core, and
    // report nothing, before it is cancelled as overdue. Each thread's last sample at nice 19
    // counts: the worker sets its nice value a moment before its scheduling class.
    const solverPolicies = new Map<string, number>();
    const sample = () => {
      for (const [thread, fields] of threadStats())
        if (fields[16] === '19') solverPolicies.set(thread, Number(fields[38]));
    };
    const sampler = setInterval(sample, 20);
    await runSolveInWorker(
      generateInstance('tiny', 1),
      { timeLimitSeconds: 1, seed: 1 },
      { onProgress: sample },
    ).finally(() => clearInterval(sampler));
    expect(solverPolicies.size).toBeGreaterThan(0);
    if (hasChrt()) expect([...solverPolicies.values()].every((p) => p === SCHED_IDLE)).toBe(true);
    await expect(solverThreadsGone()).resolves.toBe(true);
    expect(getPriority()).toBe(0);
    const callingThread = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    expect(Number(callingThread[38])).not.toBe(SCHED_IDLE);
  });

  it('ends promptly with CANCELLED (best roster so far) when aborted', async () => {
    const instance = generateInstance('small', 4);
    const controller = new AbortController();
    const started = performance.now();
    const result = await runSolveInWorker(
      instance,
      { timeLimitSeconds: 60, seed: 1 },
      {
        signal: controller.signal,
        lowPriority: false,
        onProgress: (p) => {
          if (p.phase === 'construct') setTimeout(() => controller.abort(), 300);
        },
      },
    );
    expect(result.status).toBe('CANCELLED');
    expect((performance.now() - started) / 1000).toBeLessThan(10);
    if (result.roster) expect(checkRoster(instance, result.roster).violations).toEqual([]);
  });

  it('terminates the worker when it does not answer a cancel within the grace period', async () => {
    // Medium: construction alone takes longer than the 50 ms grace, so the worker is terminated.
    const instance = generateInstance('medium', 1);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const result = await runSolveInWorker(
      instance,
      { timeLimitSeconds: 60, seed: 1 },
      { signal: controller.signal, graceSeconds: 0.05 },
    );
    expect(result.status).toBe('CANCELLED');
    expect(result.roster).toBeNull();
    expect((performance.now() - started) / 1000).toBeLessThan(5);
  });

  it('runs the HiGHS MIP on a second thread: a tiny week comes back proven OPTIMAL well before its limit', async () => {
    const instance = generateInstance('tiny', 2);
    const started = performance.now();
    const result = await runSolveInWorker(
      instance,
      { timeLimitSeconds: 30, seed: 1 },
      { lowPriority: false },
    );
    expect(result.method).toContain('parallel-mip');
    expect(result.status).toBe('OPTIMAL');
    expect(result.gap).toBe(0);
    expect((performance.now() - started) / 1000).toBeLessThan(25);
    expect(checkRoster(instance, result.roster!).violations).toEqual([]);
  });

  it('finds the compiled bound and best-week workers under dist/', () => {
    expect(existsSync(fileURLToPath(compiledWorkerUrl('bound-worker.js')))).toBe(true);
    expect(existsSync(fileURLToPath(compiledWorkerUrl('best-week-worker.js')))).toBe(true);
  });

  it('runs the best-week helper from inside the solve worker on a medium week, and leaves no solver thread behind, also when cancelled', async () => {
    if (process.platform !== 'linux') return;
    const instance = generateInstance('medium', 1);
    // At normal priority: in SCHED_IDLE the solver's threads get no CPU at all while the other
    // test files keep both cores busy; the helper then proposed nothing (this test failed so in a
    // full run), and a solve to be cancelled at its first improvement never reached one.
    // Threads of earlier tests may still be ending (in SCHED_IDLE, slowly under load): only the
    // threads this solve starts are looked at.
    const before = threadNiceValues();
    const niceValues = new Set<string>();
    const sample = () => {
      for (const [thread, nice] of threadNiceValues())
        if (!before.has(thread)) niceValues.add(nice);
    };
    // 8 s: the second thread's job (6.9 s) is too short for the day bound, so the interval LP runs
    // and the helper with it; the cancelled 60 s solve below runs the day bound.
    const finished = await runSolveInWorker(
      instance,
      { timeLimitSeconds: 8, seed: 1 },
      {
        graceSeconds: 10,
        lowPriority: false,
        onProgress: sample,
      },
    );
    expect(niceValues.size).toBeGreaterThan(0);
    expect(niceValues.has('19')).toBe(false);
    expect(finished.method).toContain('best-week-helper');
    expect(checkRoster(instance, finished.roster!).violations).toEqual([]);
    // No thread is at nice 19 here, so the solver's threads are counted instead (one OS thread
    // per worker; the others of this process stay).
    await expect(threadCountBackTo(before.size)).resolves.toBe(true);

    const controller = new AbortController();
    const cancelled = await runSolveInWorker(
      instance,
      { timeLimitSeconds: 60, seed: 1 },
      {
        signal: controller.signal,
        lowPriority: false,
        onProgress: (p) => {
          if (p.phase === 'improve') controller.abort();
        },
      },
    );
    expect(cancelled.status).toBe('CANCELLED');
    await expect(threadCountBackTo(before.size)).resolves.toBe(true);
  });

  it('answers CANCELLED at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await runSolveInWorker(
      generateInstance('tiny', 1),
      { timeLimitSeconds: 60, seed: 1 },
      { signal: controller.signal },
    );
    expect(result.status).toBe('CANCELLED');
  });
});
