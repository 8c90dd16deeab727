/**
 * What the benchmarks record of the machine they ran on, so figures from different sessions can
 * be compared. The machines are virtual: one session's host proved the same small MIP three times
 * slower than another's, with the same build (docs/benchmarks.md, eighteenth session).
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Cumulative CPU time of all cores, in clock ticks, from the first line of /proc/stat. */
export interface CpuTimes {
  readonly total: number;
  /** Time the hypervisor ran something else while this machine's CPUs wanted to run. */
  readonly steal: number;
}

/** Null where /proc/stat is missing (not Linux) or has no steal column. */
export function readCpuTimes(): CpuTimes | null {
  let text: string;
  try {
    text = readFileSync('/proc/stat', 'utf8');
  } catch {
    return null;
  }
  const fields = text.split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time is already in user.
  if (fields.length < 8 || fields.some((value) => !Number.isFinite(value))) return null;
  return { total: fields.slice(0, 8).reduce((sum, value) => sum + value, 0), steal: fields[7] };
}

/** The share of all cores' time the hypervisor took between two readings (0 to 1). */
export function stealShare(before: CpuTimes | null, after: CpuTimes | null): number | null {
  if (!before || !after || after.total <= before.total) return null;
  return (after.steal - before.steal) / (after.total - before.total);
}

/** Median of `runs` timings of `work`, in whole milliseconds. */
function medianMs(runs: number, work: () => void): number {
  const timings: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    work();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return Math.round(timings[Math.floor(runs / 2)]);
}

/**
 * Fixed single-threaded workloads independent of the project's code, so that they measure the
 * host and not the build: `computeMs` hashes integers through a typed array and a Map that stay in
 * cache, as the search's evaluator does; `memoryMs` reads a 64 MiB array at random, as a large
 * MIP's sparse matrix is read, where a busy neighbour's cache and memory traffic show. `scale`
 * shortens both for tests; figures are comparable only at scale 1.
 */
export function yardstick(runs = 5, scale = 1): { computeMs: number; memoryMs: number } {
  const computeMs = medianMs(runs, () => {
    const cells = new Int32Array(1 << 16);
    const seen = new Map<number, number>();
    let state = 12345;
    for (let step = 0; step < 30_000_000 * scale; step += 1) {
      state = (Math.imul(state, 1103515245) + 12345) | 0;
      const cell = (state >>> 8) & 0xffff;
      cells[cell] += step & 7;
      if ((step & 63) === 0) seen.set(cell, (seen.get(cell) ?? 0) + cells[cell]);
    }
    if (seen.size === 0) throw new Error('yardstick: no work done');
  });
  const large = new Int32Array(1 << 24).fill(1);
  const memoryMs = medianMs(runs, () => {
    let state = 54321;
    let sum = 0;
    for (let step = 0; step < 10_000_000 * scale; step += 1) {
      state = (Math.imul(state, 1664525) + 1013904223) | 0;
      sum += large[(state >>> 8) & 0xffffff];
    }
    if (sum !== Math.ceil(10_000_000 * scale)) throw new Error('yardstick: short read');
  });
  return { computeMs, memoryMs };
}

/** One line describing the host, printed before a benchmark's results. */
export function hostLine(): Record<string, unknown> {
  const processors = cpus();
  return {
    host: {
      cpuModel: processors[0]?.model ?? null,
      cores: processors.length,
      node: process.version,
      ...yardstick(),
    },
  };
}
