/**
 * The load generator of bench/load.bench.ts, run in a process of its own: a generator inside the
 * service's process shares its event loop and adds its own work to every latency it measures.
 *
 * `open` (the default) is an open-loop generator: requests are due at Poisson arrival times at the
 * target rate, are sent when due whether or not earlier ones have been answered, and each latency
 * runs from the moment the request was due to the end of its response, so a server that falls
 * behind is charged for the queueing (no coordinated omission). `autocannon` is the earlier method,
 * kept for comparison: autocannon's overallRate lets each connection send its share of a second's
 * requests back to back at the start of each second (bursts of `connections` concurrent requests),
 * and with a rate set it records each latency L as the L values L, L-1, ..., 1 ms (its
 * coordinated-omission correction with an expected interval of 1 ms), which weights slow requests
 * by their latency.
 *
 * Protocol: the parent sends one DriveJob; the driver answers with one DriveResult and exits.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export interface DriveJob {
  url: string;
  /** Sent in turn, round robin (e.g. one per signed-in employee). */
  requests: { headers: Record<string, string>; body: string }[];
  rate: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  generator: 'open' | 'autocannon';
  seed: number;
}

export interface DriveResult {
  /** Answers per second over the measured window (the target when the server keeps up). */
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Measured requests (warm-up excluded). */
  requests: number;
  /** Requests sent, warm-up included. */
  sent: number;
  /** Transport errors, timeouts, non-2xx answers and GraphQL errors. */
  errors: number;
  /** Every measured latency, ascending (open loop only): for percentiles pooled over runs. */
  latenciesMs?: number[];
}

const TIMEOUT_MS = 10_000;

/** Deterministic uniform numbers in (0, 1], so runs with the same seed see the same arrivals. */
function uniform(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967296;
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function openLoop(job: DriveJob): Promise<DriveResult> {
  const target = new URL(job.url);
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections });
  const prepared = job.requests.map(({ headers, body }) => {
    const bytes = Buffer.from(body);
    return { body: bytes, headers: { ...headers, 'content-length': String(bytes.length) } };
  });
  let turn = 0;
  let sent = 0;
  const next = uniform(job.seed);
  const start = performance.now();
  const measuredFrom = start + job.warmupSeconds * 1000;
  const end = measuredFrom + job.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let lastAnswer = measuredFrom;
  let outstanding = 0;
  let due = start;
  let allSent = false;
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));

  const settle = (dueAt: number, ok: boolean) => {
    const now = performance.now();
    outstanding--;
    if (dueAt >= measuredFrom) {
      latencies.push(now - dueAt);
      if (!ok) errors++;
      lastAnswer = Math.max(lastAnswer, now);
    }
    if (allSent && outstanding === 0) finished();
  };

  const send = (dueAt: number) => {
    outstanding++;
    const { headers, body } = prepared[turn++ % prepared.length];
    sent++;
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          let ok = res.statusCode === 200;
          try {
            const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              errors?: unknown;
            };
            ok &&= answer.errors === undefined;
          } catch {
            ok = false;
          }
          settle(dueAt, ok);
        });
        res.on('error', () => settle(dueAt, false));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => settle(dueAt, false));
    req.end(body);
  };

  const pump = () => {
    const now = performance.now();
    while (due <= now && due < end) {
      send(due);
      due += (-Math.log(next()) / job.rate) * 1000;
    }
    if (due < end) setTimeout(pump, Math.max(0, due - performance.now()));
    else {
      allSent = true;
      if (outstanding === 0) finished();
    }
  };
  pump();
  await done;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: round((sorted.length * 1000) / Math.max(lastAnswer - measuredFrom, 1)),
    p50Ms: round(percentile(sorted, 50)),
    p90Ms: round(percentile(sorted, 90)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
    requests: sorted.length,
    sent,
    errors,
    latenciesMs: sorted.map(round),
  };
}

async function withAutocannon(job: DriveJob): Promise<DriveResult> {
  const options = {
    url: job.url,
    requests: job.requests.map(({ headers, body }) => ({ method: 'POST' as const, headers, body })),
    connections: job.connections,
    overallRate: job.rate,
  };
  const warmup =
    job.warmupSeconds > 0
      ? (await autocannon({ ...options, duration: job.warmupSeconds })).requests.total
      : 0;
  const result = await autocannon({ ...options, duration: job.seconds });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    sent: warmup + result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export function drive(job: DriveJob): Promise<DriveResult> {
  return job.generator === 'autocannon' ? withAutocannon(job) : openLoop(job);
}

if (process.send) {
  process.once('message', (job: DriveJob) => {
    drive(job).then(
      (result) => process.send!(result, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
