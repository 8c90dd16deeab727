/**
 * Benchmark of the roster optimizer (not a test). For each size, the seeded generated instance is
 * solved by `solveRoster` in its OWN child process (so peak memory is per run), and one JSON line
 * is printed per run: size, method, wall seconds, peak RSS (MB), objective, lower bound, gap, hard
 * violations found by the independent checker, shortage hours, cost, time to the first feasible
 * roster, local-search iterations.
 *
 * Run: `npm run bench -- --sizes small,medium,large --seconds 20 --runs 1 --seed 1`
 * (build, then `node dist/bench/roster.bench.js`). Without --seconds: small 10 s, medium 20 s,
 * large 60 s. `--week 2026-03-02` runs a daylight-saving week. `--parallel off` drops the second
 * thread (the HiGHS MIP/LP job that `defaultSolveDeps` runs next to the heuristic), to measure the
 * heuristic alone.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkRoster } from '../src/core/checker/check-roster.js';
import {
  INSTANCE_SIZES,
  type InstanceSize,
  generateInstance,
} from '../src/core/generator/index.js';
import { defaultSolveDeps } from '../src/core/optimizer/default-deps.js';
import { solveRoster } from '../src/core/optimizer/solve.js';

const DEFAULT_SECONDS: Readonly<Record<InstanceSize, number>> = {
  tiny: 5,
  small: 10,
  medium: 20,
  large: 60,
};

interface Args {
  readonly sizes: InstanceSize[];
  readonly seconds: number | null;
  readonly runs: number;
  readonly seed: number;
  readonly week: string | null;
  readonly child: boolean;
  /** heuristic: what the service runs; mip: the monolithic HiGHS MIP, to measure the optimum. */
  readonly method: 'heuristic' | 'mip';
  /** Whether the default second-thread job (HiGHS MIP or LP) runs; `--parallel off` drops it. */
  readonly parallel: boolean;
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
    child: argv.includes('--child'),
    method: value('method') === 'mip' ? 'mip' : 'heuristic',
    parallel: value('parallel') !== 'off',
  };
}

/** One solve, in this (child) process; prints one JSON line. */
async function runChild(args: Args): Promise<void> {
  const size = args.sizes[0];
  const seconds = args.seconds ?? DEFAULT_SECONDS[size];
  const generated = performance.now();
  const instance = generateInstance(size, args.seed, args.week ? { weekStart: args.week } : {});
  const generateSeconds = (performance.now() - generated) / 1000;
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
  const { parallel, ...alone } = defaultSolveDeps(instance);
  const result = await solveRoster(
    instance,
    options,
    args.parallel && parallel ? { ...alone, parallel } : alone,
  );
  const wallSeconds = (performance.now() - started) / 1000;
  const check = result.roster ? checkRoster(instance, result.roster) : null;
  const line = {
    size,
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
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Forks one child per (size, run) and relays its JSON line. */
function runParent(args: Args): Promise<void> {
  const script = fileURLToPath(import.meta.url);
  const jobs = args.sizes.flatMap((size) =>
    Array.from({ length: args.runs }, (_, run) => ({ size, seed: args.seed + run })),
  );
  return jobs.reduce(
    (previous, job) =>
      previous.then(
        () =>
          new Promise<void>((resolve, reject) => {
            const childArgs = [
              '--child',
              '--sizes',
              job.size,
              '--seed',
              String(job.seed),
              ...(args.seconds === null ? [] : ['--seconds', String(args.seconds)]),
              ...(args.week ? ['--week', args.week] : []),
              '--method',
              args.method,
              '--parallel',
              args.parallel ? 'on' : 'off',
            ];
            const child = fork(script, childArgs, { stdio: 'inherit' });
            child.on('error', reject);
            child.on('exit', (code) =>
              code === 0 ? resolve() : reject(new Error(`${job.size} run exited with ${code}`)),
            );
          }),
      ),
    Promise.resolve(),
  );
}

const args = parseArgs(process.argv.slice(2));
await (args.child ? runChild(args) : runParent(args));
