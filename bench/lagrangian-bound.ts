/**
 * Probe (not a test): a Lagrangian lower bound on one generated week. `--by interval` (default,
 * bench/lagrangian/decompose.ts) buys whole people per interval and whole shifts per employee;
 * `--by state` and `--by day` (bench/lagrangian/by-key.ts) buy both together in one block per
 * state or per day. Solves the weekly LP (HiGHS interior point; `--lp-file F` keeps it in F for
 * the next run) for its row duals and starts the prices there, where the blocks' LPs add up to
 * the LP bound (checked: `lpCheck`, or the probe throws). Then it solves every block as a MIP and
 * improves the prices for `--seconds`: by column generation (`--method columns`, the default: a
 * Dantzig-Wolfe master seeded with a `--search-seconds` roster, prices kept within `--box` of the
 * best so far) or by subgradient steps (`--method subgradient`: Polyak, against `--upper`, the
 * best roster known). Each block counts with HiGHS's proven bound on it, so every printed `best`
 * is a valid lower bound on the week's optimum.
 *
 * Run: `npm run build && node dist/bench/lagrangian-bound.js --size medium --seed 1`.
 */
import { defaultSolveDeps } from '../src/core/optimizer/default-deps.js';
import { encodeRoster } from '../src/core/optimizer/mip/encode.js';
import { buildRosterModel, exactModelIsRelaxation } from '../src/core/optimizer/mip/model.js';
import { numCols } from '../src/core/optimizer/mip/sparse.js';
import type { RosterModel } from '../src/core/optimizer/mip/context.js';
import { solveRoster } from '../src/core/optimizer/solve.js';
import type { PlanningInstance } from '../src/core/model/instance.js';
import { argument, instanceFromArguments } from './instance-arguments.js';
import {
  type BlockResult,
  type Prices,
  conventionError,
  cachedWeeklyLp,
  evaluate,
  pricesFromDuals,
  signed,
} from './lagrangian/blocks.js';
import { byDay, byState, decomposeByKey } from './lagrangian/by-key.js';
import { type Decomposition, decompose } from './lagrangian/decompose.js';
import { RestrictedMaster } from './lagrangian/master.js';
import { round } from './report.js';

function print(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Each block kind's part of L, rounded (kinds without blocks left out). */
function rounded(byKind: Readonly<Record<string, number>>): Record<string, number | null> {
  return Object.fromEntries(
    Object.entries(byKind)
      .filter(([, value]) => value !== 0)
      .map(([kind, value]) => [kind, round(value)]),
  );
}

/** Each state or day block's LP and MIP bound at the LP's duals: where whole shifts and people bind. */
function printBigBlockGains(
  split: Decomposition,
  lp: readonly BlockResult[],
  mip: readonly BlockResult[],
): void {
  split.blocks.forEach((block, b) => {
    if (block.kind !== 'state' && block.kind !== 'day') return;
    print({
      event: 'bigBlock',
      block: block.name,
      columns: numCols(block.model),
      lp: round(lp[b].bound),
      bound: round(mip[b].bound),
      gain: round(mip[b].bound - lp[b].bound),
      optimal: mip[b].optimal,
    });
  });
}

interface RunOptions {
  readonly budget: number;
  /** The blocks' LPs at the LP's duals. */
  readonly relaxed: readonly BlockResult[];
  readonly blockSeconds: number;
  readonly lp: number;
  readonly elapsed: () => number;
}

async function main(): Promise<void> {
  const { size, seed, instance } = instanceFromArguments('medium');
  const method = argument('method', 'columns');
  const upper = Number(argument('upper', 'NaN'));
  if (method !== 'columns' && !Number.isFinite(upper))
    throw new Error('--upper: the subgradient needs the best roster known');
  const started = performance.now();
  const elapsed = () => round((performance.now() - started) / 1000, 1)!;
  const supervision = exactModelIsRelaxation(instance) ? 'exact' : 'relaxed';
  const built = buildRosterModel(instance, { supervision });
  const { model, index } = built;
  const by = argument('by', 'interval');
  const keys = { state: byState, day: byDay }[by];
  if (by !== 'interval' && !keys) throw new Error(`--by: interval, state or day, not ${by}`);
  const split = keys ? decomposeByKey(model, index, keys(model, index)) : decompose(model, index);
  const kinds = (kind: string) => split.blocks.filter((block) => block.kind === kind);
  print({
    event: 'decomposed',
    size,
    seed,
    by,
    supervision,
    columns: numCols(model),
    copies: split.covers.length,
    linkingRows: split.linking.length,
    pricedRows: split.extra.length,
    employeeBlocks: kinds('employee').length,
    intervalBlocks: kinds('interval').length,
    stateBlocks: kinds('state').length,
    dayBlocks: kinds('day').length,
    largestBlock: Math.max(...split.blocks.map((block) => numCols(block.model))),
    seconds: elapsed(),
  });
  const lp = await cachedWeeklyLp(
    model,
    Number(argument('lp-seconds', '3000')),
    argument('lp-file', '') || undefined,
  );
  const prices = pricesFromDuals(split, lp.rowDual);
  const blockSeconds = Number(argument('block-seconds', '10'));
  const relaxed = await evaluate(split, prices, true, blockSeconds);
  // Equal for `decompose`; `decomposeByKey` repeats shift rows, which can only raise it.
  if (relaxed.value < lp.objective - 1e-5 * Math.abs(lp.objective))
    throw new Error(
      `The blocks' LPs at the LP's duals give ${relaxed.value}, below ${lp.objective}`,
    );
  print({
    event: 'lpCheck',
    lp: round(lp.objective),
    lpStatus: lp.status,
    conventionError: conventionError(model, lp.rowDual, lp.colDual),
    lagrangianOfRelaxedBlocks: round(relaxed.value),
    relaxedByKind: rounded(relaxed.byKind),
    largestPrice: round(Math.max(...prices.mu.map(Math.abs))),
    seconds: elapsed(),
  });
  const options = {
    budget: Number(argument('seconds', '600')),
    blockSeconds,
    lp: lp.objective,
    relaxed: relaxed.results,
    elapsed,
  };
  if (method === 'columns')
    await columnGeneration(split, prices, await rosterColumns(instance, built, seed), options);
  else await subgradient(split, prices, upper, options);
}

/** The search's roster (`--search-seconds`, default 10) as one column per block: a feasible master. */
async function rosterColumns(
  instance: PlanningInstance,
  built: RosterModel,
  seed: number,
): Promise<{ objective: number; values: Float64Array } | null> {
  const seconds = Number(argument('search-seconds', '10'));
  if (seconds <= 0) return null;
  const solved = await solveRoster(
    instance,
    { timeLimitSeconds: seconds, seed },
    defaultSolveDeps(instance),
  );
  if (!solved.roster) return null;
  const encoded = encodeRoster(built, solved.roster);
  if (encoded.missing.length > 0) throw new Error(`roster not encodable: ${encoded.missing[0]}`);
  return { objective: solved.objective ?? Number.NaN, values: encoded.values };
}

function blockValues(split: Decomposition, b: number, values: Float64Array): number[] {
  const n = numCols(split.original);
  return split.blocks[b].globals.map((g) =>
    g < n ? values[g] : split.covers[g - n].reduce((sum, x) => sum + values[x], 0),
  );
}

/**
 * Polyak steps on μ and ρ against `--upper` (the best roster known), halving θ after `--patience`
 * idle steps; ρ stays of the sign that keeps L a bound (a component held at 0 does not count in
 * the step's norm).
 */
async function subgradient(
  split: Decomposition,
  prices: Prices,
  upper: number,
  options: RunOptions,
) {
  const { mu, rho } = prices;
  let best = -Infinity;
  let theta = Number(argument('theta', '0.5'));
  const patience = Number(argument('patience', '20'));
  let sinceBest = 0;
  for (let iteration = 0; options.elapsed() < options.budget; iteration += 1) {
    const at = await evaluate(split, prices, false, options.blockSeconds);
    if (iteration === 0) printBigBlockGains(split, options.relaxed, at.results);
    if (at.value > best + 1e-6) {
      best = at.value;
      sinceBest = 0;
    } else if ((sinceBest += 1) >= patience) {
      theta /= 2;
      sinceBest = 0;
    }
    const rowGradient = at.rowGradient.map((g, r) =>
      signed(split.extra[r], rho[r] + g) === rho[r] ? 0 : g,
    );
    const norm =
      at.subgradient.reduce((sum, g) => sum + g * g, 0) +
      rowGradient.reduce((sum, g) => sum + g * g, 0);
    print({
      event: 'iteration',
      iteration,
      value: round(at.value),
      best: round(best),
      aboveLp: round((100 * (best - options.lp)) / options.lp, 3),
      byKind: rounded(at.byKind),
      unsolved: at.unsolved,
      seconds: options.elapsed(),
    });
    if (norm === 0) break;
    const step = (theta * (upper - at.value)) / norm;
    for (let k = 0; k < mu.length; k += 1) mu[k] += step * at.subgradient[k];
    for (let r = 0; r < rho.length; r += 1)
      rho[r] = signed(split.extra[r], rho[r] + step * rowGradient[r]);
  }
}

/**
 * Column generation with box-step stabilisation: the master's prices are kept within `--box` of
 * the best prices so far (starting at the LP's); every block is priced at the master's prices,
 * every block solution of negative reduced cost joins the master, and the centre moves when L
 * improves. L at every priced point is a valid bound.
 */
async function columnGeneration(
  split: Decomposition,
  start: Prices,
  roster: { objective: number; values: Float64Array } | null,
  options: RunOptions,
) {
  const master = await RestrictedMaster.create(split);
  const delta = Number(argument('box', '10'));
  if (roster) split.blocks.forEach((_, b) => master.add(b, blockValues(split, b, roster.values)));
  let centre = start;
  let priced = await evaluate(split, centre, false, options.blockSeconds);
  let best = priced.value;
  printBigBlockGains(split, options.relaxed, priced.results);
  print({
    event: 'atLpDuals',
    value: round(best),
    byKind: rounded(priced.byKind),
    roster: roster && round(roster.objective),
    seconds: options.elapsed(),
  });
  priced.results.forEach((result, b) => {
    if (result.integer) master.add(b, result.values);
  });
  for (let iteration = 0; options.elapsed() < options.budget; iteration += 1) {
    master.setBox(centre, delta);
    const solved = master.solve();
    priced = await evaluate(split, solved.prices, false, options.blockSeconds);
    let added = 0;
    priced.results.forEach((result, b) => {
      if (result.integer && result.objective - solved.convexity[b] < -1e-6) {
        master.add(b, result.values);
        added += 1;
      }
    });
    const moved = priced.value > best;
    if (moved) {
      best = priced.value;
      centre = solved.prices;
    }
    print({
      event: 'iteration',
      iteration,
      master: round(solved.value),
      priced: round(priced.value),
      best: round(best),
      aboveLp: round((100 * (best - options.lp)) / options.lp, 3),
      moved,
      added,
      columns: master.columns,
      unsolved: priced.unsolved,
      seconds: options.elapsed(),
    });
    if (added === 0 && !moved) break;
  }
  master.dispose();
}

await main();
