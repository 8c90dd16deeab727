/**
 * Benchmark of the roster optimizer (not a test). For each size, the seeded generated instance is
 * solved by `solveRoster` in its OWN child process (so peak memory is per run), and one JSON line
 * is printed per run: size, method, wall seconds, peak RSS (MB), objective, lower bound, gap, hard
 * violations found by the independent checker, shortage hours, cost, time to the first feasible
 * roster, local-search iterations.
 *
 * Run: `npm run bench -- --sizes small,medium,large --seconds 20 --runs 1 --seed 1`
 * (build, then `node dist/bench/roster.bench.js`). Without --seconds: small 10 s, medium 20 s,
 * large 60 s. `--week 2026-03-02` runs a daylight-saving week; `--profile T,P,S,Q` other counts of
 * technicians, pharmacists, states and queues than the size's (`GeneratorOptions.profile`).
 * `--parallel off` drops the second thread (the HiGHS MIP/LP job and the best-week helper that
 * `defaultSolveDeps` run next to the heuristic), to measure the heuristic alone; `--helper off`
 * drops only the best-week helper, to compare the search with and without it. Each small
 * heuristic run is then compared with the monolithic HiGHS MIP on the same instance
 * (`--optimum-seconds`, default 60; 0 skips it): one more line with how far the heuristic is from
 * the MIP's roster and, through its bound, at most from the optimum. `--iterations N` runs the
 * deterministic mode (an iteration budget of N, as `StartRosterOptimizationInput.iterationBudget`
 * does), within the same time limit; each line says how the search stopped and whether the roster
 * is reproducible.
 *
 * The first line describes the host (`bench/host.ts`): CPU model, cores, and the median times of
 * two fixed workloads (`computeMs`, `memoryMs`), so figures from different (virtual) machines can
 * be compared. Each run's line carries `stealShare`, the share of the cores' time the hypervisor
 * took during the solve.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkRoster } from '../src/core/checker/check-roster.js';
import {
  type GeneratorOptions,
  INSTANCE_SIZES,
  type InstanceSize,
  generateInstance,
} from '../src/core/generator/index.js';
import { defaultSolveDeps } from '../src/core/optimizer/default-deps.js';
import { solveRoster } from '../src/core/optimizer/solve.js';
import { hostLine, readCpuTimes, stealShare } from './host.js';
import { DEFAULT_SECONDS, parseProfile } from './instance-arguments.js';

interface Args {
  readonly sizes: InstanceSize[];
  readonly seconds: number | null;
  readonly runs: number;
  readonly seed: number;
  readonly week: string | null;
  /** `--profile T,P,S,Q`: other counts of technicians, pharmacists, states, queues. */
  readonly profile: string | null;
  readonly child: boolean;
  /** heuristic: what the service runs; mip: the monolithic HiGHS MIP, to measure the optimum. */
  readonly method: 'heuristic' | 'mip';
  /**
   * Whether the second thread works (the default HiGHS MIP or LP job, and the best-week helper);
   * `--parallel off` drops both.
   */
  readonly parallel: boolean;
  /** Whether the best-week helper may run (`--helper off` drops it, keeping the HiGHS job). */
  readonly helper: boolean;
  /**
   * Time limit of the monolithic MIP that each small heuristic run is compared with (default 60;
   * `--optimum-seconds 0` skips the comparison).
   */
  readonly optimumSeconds: number;
  /** `--iterations N`: the search's iteration budget (the deterministic mode); null: the clock. */
  readonly iterations: number | null;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`);
    if (at >= 0) return argv[at + 1];
    const inline = argv.find((arg) => arg.startsWith(`--${name}=`));
    return inline?.slice(name.length + 3);
  };
  const sizes = (value('sizes') ?? value('size') ?? 'small,medium,large')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const size of sizes) {
    if (!(INSTANCE_SIZES as readonly string[]).includes(size))
      throw new Error(`Unknown size ${size}; use ${INSTANCE_SIZES.join(', ')}`);
  }
  const seconds = value('seconds');
  return {
    sizes: sizes as InstanceSize[],
    seconds: seconds === undefined ? null : Number(seconds),
    runs: Number(value('runs') ?? 1),
    seed: Number(value('seed') ?? 1),
    week: value('week') ?? null,
    profile: value('profile') ?? null,
    child: argv.includes('--child'),
    method: value('method') === 'mip' ? 'mip' : 'heuristic',
    parallel: value('parallel') !== 'off',
    helper: value('helper') !== 'off',
    optimumSeconds: Number(value('optimum-seconds') ?? 60),
    iterations: value('iterations') === undefined ? null : Number(value('iterations')),
  };
}

function generatorOptions(args: Args): GeneratorOptions {
  return {
    ...(args.week ? { weekStart: args.week } : {}),
    ...(args.profile ? { profile: parseProfile(args.profile) } : {}),
  };
}

/** One solve, in this (child) process; prints one JSON line. */
async function runChild(args: Args): Promise<void> {
  const size = args.sizes[0];
  const seconds = args.seconds ?? DEFAULT_SECONDS[size];
  const generated = performance.now();
  const instance = generateInstance(size, args.seed, generatorOptions(args));
  const generateSeconds = (performance.now() - generated) / 1000;
  const cpuBefore = readCpuTimes();
  const started = performance.now();
  let firstFeasibleSeconds: number | null = null;
  const options = {
    timeLimitSeconds: seconds,
    seed: args.seed,
    method: args.method,
    onProgress: (progress: { bestObjective: number | null }) => {
      if (firstFeasibleSeconds === null && progress.bestObjective !== null)
        firstFeasibleSeconds = (performance.now() - started) / 1000;
    },
  };
  const { parallel, bestWeekHelper, ...alone } = defaultSolveDeps(instance);
  const budget = args.iterations === null ? {} : { search: { maxIterations: args.iterations } };
  const result = await solveRoster(
    instance,
    options,
    args.parallel
      ? {
          ...alone,
          ...budget,
          parallel,
          ...(args.helper && bestWeekHelper ? { bestWeekHelper } : {}),
        }
      : { ...alone, ...budget },
  );
  const wallSeconds = (performance.now() - started) / 1000;
  const steal = stealShare(cpuBefore, readCpuTimes());
  const check = result.roster ? checkRoster(instance, result.roster) : null;
  const line = {
    size,
    ...(args.profile ? { instance: instance.id } : {}),
    seed: args.seed,
    week: instance.week.weekStart,
    technicians: instance.employees.filter((e) => e.role === 'TECHNICIAN').length,
    pharmacists: instance.employees.filter((e) => e.role === 'PHARMACIST').length,
    timeLimitSeconds: seconds,
    status: result.status,
    method: result.method,
    wallSeconds: round(wallSeconds, 2),
    generateSeconds: round(generateSeconds, 2),
    firstFeasibleSeconds: firstFeasibleSeconds === null ? null : round(firstFeasibleSeconds, 2),
    peakMemoryMb: round(process.resourceUsage().maxRSS / 1024, 1),
    objective: result.objective === null ? null : round(result.objective, 2),
    lowerBound: result.lowerBound === null ? null : round(result.lowerBound, 2),
    gap: result.gap === null ? null : round(result.gap, 4),
    hardViolations: check ? check.violations.length : null,
    shortageHours: check ? check.soft.shortage : null,
    lostServiceValue: check ? round(check.soft.lostServiceValue, 2) : null,
    cost: check ? round(check.soft.cost, 2) : null,
    shifts: result.roster?.shifts.length ?? 0,
    explanations: result.explanations.length,
    searchIterations: result.search?.iterations ?? null,
    searchStoppedBy: result.search?.stoppedBy ?? null,
    reproducible: result.reproducible,
    stealShare: steal === null ? null : round(steal, 3),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

interface RunLine {
  readonly size: InstanceSize;
  readonly seed: number;
  readonly status: string;
  readonly objective: number | null;
  readonly lowerBound: number | null;
}

/** One solve in a child process of its own; relays its JSON line and returns it. */
function runInChild(
  args: Args,
  job: { size: InstanceSize; seed: number; method: Args['method']; seconds: number | null },
): Promise<RunLine> {
  const childArgs = [
    '--child',
    '--sizes',
    job.size,
    '--seed',
    String(job.seed),
    ...(job.seconds === null ? [] : ['--seconds', String(job.seconds)]),
    ...(args.week ? ['--week', args.week] : []),
    ...(args.profile ? ['--profile', args.profile] : []),
    '--method',
    job.method,
    '--parallel',
    args.parallel ? 'on' : 'off',
    '--helper',
    args.helper ? 'on' : 'off',
    ...(args.iterations === null ? [] : ['--iterations', String(args.iterations)]),
  ];
  return new Promise<RunLine>((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), childArgs, {
      stdio: ['inherit', 'pipe', 'inherit', 'ipc'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(output.trim().split('\n').pop()!) as RunLine)
        : reject(new Error(`${job.size} run exited with ${code}`)),
    );
  });
}

/**
 * How far a small heuristic run is from the optimum: the same instance solved by the monolithic
 * HiGHS MIP; its objective is the optimum when its status is OPTIMAL, else the best known roster
 * and its bound bracket the optimum.
 */
function comparisonLine(fast: RunLine, mip: RunLine) {
  const above = (reference: number | null) =>
    fast.objective === null || reference === null
      ? null
      : round(((fast.objective - reference) / Math.abs(reference)) * 100, 3);
  return {
    size: fast.size,
    seed: fast.seed,
    comparison: 'heuristic vs monolithic MIP',
    heuristicObjective: fast.objective,
    mipStatus: mip.status,
    mipObjective: mip.objective,
    mipLowerBound: mip.lowerBound,
    heuristicAboveMipPercent: above(mip.objective),
    heuristicAboveOptimumAtMostPercent: above(mip.lowerBound),
  };
}

/** Forks one child per (size, run) and relays its JSON line; then the small runs' comparisons. */
async function runParent(args: Args): Promise<void> {
  process.stdout.write(`${JSON.stringify(hostLine())}\n`);
  const compared: RunLine[] = [];
  for (const size of args.sizes)
    for (let run = 0; run < args.runs; run++) {
      const line = await runInChild(args, {
        size,
        seed: args.seed + run,
        method: args.method,
        seconds: args.seconds,
      });
      if (size === 'small' && args.method === 'heuristic') compared.push(line);
    }
  if (args.optimumSeconds <= 0) return;
  for (const fast of compared) {
    const mip = await runInChild(args, {
      size: fast.size,
      seed: fast.seed,
      method: 'mip',
      seconds: args.optimumSeconds,
    });
    process.stdout.write(`${JSON.stringify(comparisonLine(fast, mip))}\n`);
  }
}

const args = parseArgs(process.argv.slice(2));
await (args.child ? runChild(args) : runParent(args));
