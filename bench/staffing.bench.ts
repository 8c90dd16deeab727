/**
 * Benchmark of the staffing engine's batch requirements (not a test): a week of 15-minute
 * intervals × 4 queues × 10 states = 26 880 cells with seeded, realistic arrivals (daily and
 * weekly seasonality, noise), sized by `computeRequirements`. Run: `npm run bench:staffing`.
 *
 * For comparison, the same cells are sized without memoisation (the O(N) incremental search per
 * cell) and by the textbook method (try N = 1, 2, … recomputing Erlang B from scratch for each
 * N: O(N²) per cell, no memoisation); all three must give identical requirements. For
 * information, the same week with a 120 s mean patience (Erlang A) is timed too.
 * Prints one JSON line.
 */
import {
  computeRequirements,
  erlangB,
  type QueueParameters,
  type RequirementCell,
  serviceLevelFromWaitProbability,
  validateQueueParameters,
  waitProbabilityFromErlangB,
} from '../src/core/staffing/index.js';

const INTERVALS_PER_DAY = 96;
const DAYS = 7;
const WARM_UP_RUNS = 2;
const TIMED_RUNS = 7;
const NAIVE_RUNS = 3;

/** mulberry32: a small seeded PRNG, so every run sizes the same week. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface QueueSpec {
  readonly name: string;
  /** Calls per 15 minutes at the busiest time in the busiest state. */
  readonly peakArrivals: number;
  readonly parameters: QueueParameters;
}

const QUEUES: readonly QueueSpec[] = [
  { name: 'pharmacy-benefits', peakArrivals: 600, parameters: voice(420, 30, 0.8, 0.9) },
  { name: 'patient-support', peakArrivals: 180, parameters: voice(300, 20, 0.8, 0.85) },
  { name: 'prescriber-line', peakArrivals: 90, parameters: voice(240, 15, 0.9, 0.85) },
  { name: 'billing', peakArrivals: 40, parameters: voice(360, 60, 0.7, 0.9) },
];

/** Relative size of each state's demand. */
const STATES: Readonly<Record<string, number>> = {
  CA: 1,
  TX: 0.8,
  FL: 0.65,
  NY: 0.6,
  IL: 0.35,
  OH: 0.33,
  GA: 0.3,
  NC: 0.3,
  AZ: 0.22,
  MA: 0.2,
};

/** Monday..Sunday volume factors. */
const WEEKDAY = [1.15, 1.05, 1, 1, 0.95, 0.55, 0.4];

function voice(aht: number, target: number, level: number, occupancy: number): QueueParameters {
  return {
    intervalSeconds: 900,
    ahtSeconds: aht,
    targetAnswerSeconds: target,
    targetServiceLevel: level,
    maxOccupancy: occupancy,
    shrinkage: 0.32,
  };
}

/** Intraday shape in [0.03, 1]: quiet nights, a morning peak and a smaller afternoon peak. */
function intraday(intervalOfDay: number): number {
  const hour = intervalOfDay / 4;
  const bump = (centre: number, width: number): number =>
    Math.exp(-((hour - centre) ** 2) / (2 * width ** 2));
  return Math.max(0.03, bump(10.5, 2) + 0.8 * bump(15, 2.2));
}

/** Forecasts are expected values: fractional, kept to two decimals. */
function generateWeek(seed: number): RequirementCell[] {
  const random = seededRandom(seed);
  const cells: RequirementCell[] = [];
  for (let interval = 0; interval < DAYS * INTERVALS_PER_DAY; interval += 1) {
    const day = Math.floor(interval / INTERVALS_PER_DAY);
    const shape = WEEKDAY[day] * intraday(interval % INTERVALS_PER_DAY);
    for (const queue of QUEUES) {
      for (const [state, weight] of Object.entries(STATES)) {
        const noise = Math.exp(0.15 * (random() + random() + random() - 1.5));
        const arrivals = Math.round(queue.peakArrivals * weight * shape * noise * 100) / 100;
        cells.push({ interval, queue: queue.name, state, arrivals, parameters: queue.parameters });
      }
    }
  }
  return cells;
}

/** The textbook method: N = 1, 2, … with Erlang B recomputed from scratch (O(N²)), no memo. */
function naiveRequirements(cells: readonly RequirementCell[]): number[] {
  return cells.map((cell) => {
    const p = validateQueueParameters(cell.parameters);
    const load = (cell.arrivals * p.ahtSeconds) / p.intervalSeconds;
    if (load === 0) return 0;
    for (let agents = 1; ; agents += 1) {
      const wait = waitProbabilityFromErlangB(agents, load, erlangB(agents, load));
      const level = serviceLevelFromWaitProbability(
        agents,
        load,
        wait,
        p.targetAnswerSeconds,
        p.ahtSeconds,
      );
      if (agents > load && load / agents <= p.maxOccupancy && level >= p.targetServiceLevel) {
        return agents;
      }
    }
  });
}

function requirements(cells: readonly RequirementCell[], memoise: boolean): number[] {
  return computeRequirements(cells, { memoise }).map((result) => result.requiredAgents);
}

/** The same week for queues with a patience model (Erlang A), for information. */
function withPatience(cells: readonly RequirementCell[]): RequirementCell[] {
  const patient = new Map<QueueParameters, QueueParameters>();
  return cells.map((cell) => {
    let parameters = patient.get(cell.parameters);
    if (parameters === undefined) {
      parameters = { ...cell.parameters, patienceSeconds: 120 };
      patient.set(cell.parameters, parameters);
    }
    return { ...cell, parameters };
  });
}

interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

function time(run: () => number[], runs: number): { timing: Timing; result: number[] } {
  let result = run();
  for (let i = 1; i < WARM_UP_RUNS; i += 1) result = run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    result = run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 100) / 100;
  const timing = {
    medianMs: round(samples[Math.floor(samples.length / 2)]),
    minMs: round(samples[0]),
    maxMs: round(samples.at(-1)!),
    runs,
  };
  return { timing, result };
}

function main(): void {
  const cells = generateWeek(20240601);
  const fast = time(() => requirements(cells, true), TIMED_RUNS);
  const unmemoised = time(() => requirements(cells, false), TIMED_RUNS);
  const naive = time(() => naiveRequirements(cells), NAIVE_RUNS);
  const patientCells = withPatience(cells);
  const erlangA = time(() => requirements(patientCells, true), NAIVE_RUNS);
  const agree =
    fast.result.every((n, i) => n === unmemoised.result[i]) &&
    fast.result.every((n, i) => n === naive.result[i]);
  const loads = cells.map(
    (c) => (c.arrivals * c.parameters.ahtSeconds) / c.parameters.intervalSeconds,
  );
  const report = {
    benchmark: 'staffing.computeRequirements',
    cells: cells.length,
    maxOfferedLoad: Math.round(Math.max(...loads) * 100) / 100,
    maxRequiredAgents: Math.max(...fast.result),
    totalRequiredAgentIntervals: fast.result.reduce((sum, n) => sum + n, 0),
    fast: fast.timing,
    withoutMemo: unmemoised.timing,
    naiveQuadratic: naive.timing,
    erlangAWeek: { ...erlangA.timing, patienceSeconds: 120 },
    speedupVsNaive: Math.round((naive.timing.medianMs / fast.timing.medianMs) * 10) / 10,
    identicalResults: agree,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    node: process.version,
  };
  console.log(JSON.stringify(report));
  if (!agree) process.exitCode = 1;
}

main();
