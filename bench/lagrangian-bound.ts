/**
 * Probe (not a test): a Lagrangian lower bound on one generated week that buys whole people per
 * interval and whole shifts per employee (bench/lagrangian/decompose.ts). Solves the weekly LP
 * (HiGHS interior point) for its row duals and starts the prices there, where the blocks' LPs add
 * up to the LP bound exactly (checked: `lpCheck`, or the probe throws). Then it solves every block
 * as a MIP and improves the prices for `--seconds`: by column generation (`--method columns`, the
 * default: a Dantzig-Wolfe master seeded with a `--search-seconds` roster, prices kept within
 * `--box` of the best so far) or by subgradient steps (`--method subgradient`: Polyak, against
 * `--upper`, the best roster known). Each block counts with HiGHS's proven bound on it, so every
 * printed `best` is a valid lower bound on the week's optimum.
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
  type Prices,
  conventionError,
  evaluate,
  pricesFromDuals,
  weeklyLp,
} from './lagrangian/blocks.js';
import { type Decomposition, decompose } from './lagrangian/decompose.js';
import { RestrictedMaster } from './lagrangian/master.js';
import { round } from './report.js';

function print(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

interface RunOptions {
  readonly budget: number;
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
  const split = decompose(model, index);
  const kinds = (kind: string) => split.blocks.filter((block) => block.kind === kind);
  print({
    event: 'decomposed',
    size,
    seed,
    supervision,
    columns: numCols(model),
    copies: split.covers.length,
    linkingRows: split.linking.length,
    fairnessRows: split.extra.length,
    employeeBlocks: kinds('employee').length,
    intervalBlocks: kinds('interval').length,
    largestIntervalBlock: Math.max(...kinds('interval').map((block) => numCols(block.model))),
    seconds: elapsed(),
  });
  const lp = await weeklyLp(model, Number(argument('lp-seconds', '3000')));
  const prices = pricesFromDuals(split, lp.rowDual);
  const blockSeconds = Number(argument('block-seconds', '10'));
  const relaxed = await evaluate(split, prices, true, blockSeconds);
  if (Math.abs(relaxed.value - lp.objective) > 1e-5 * Math.abs(lp.objective))
    throw new Error(`The blocks' LPs at the LP's duals give ${relaxed.value}, not ${lp.objective}`);
  print({
    event: 'lpCheck',
    lp: round(lp.objective),
    lpStatus: lp.status,
    conventionError: conventionError(model, lp.rowDual, lp.colDual),
    lagrangianOfRelaxedBlocks: round(relaxed.value),
    relaxedByKind: {
      employee: round(relaxed.byKind.employee),
      interval: round(relaxed.byKind.interval),
    },
    largestPrice: round(Math.max(...prices.mu.map(Math.abs))),
    seconds: elapsed(),
  });
  const options = {
    budget: Number(argument('seconds', '600')),
    blockSeconds,
    lp: lp.objective,
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

/** Polyak steps on μ against `--upper` (the best roster known), halving θ after `--patience` idle steps. */
async function subgradient(
  split: Decomposition,
  prices: Prices,
  upper: number,
  options: RunOptions,
) {
  const { mu } = prices;
  let best = -Infinity;
  let theta = Number(argument('theta', '0.5'));
  const patience = Number(argument('patience', '20'));
  let sinceBest = 0;
  for (let iteration = 0; options.elapsed() < options.budget; iteration += 1) {
    const at = await evaluate(split, prices, false, options.blockSeconds);
    if (at.value > best + 1e-6) {
      best = at.value;
      sinceBest = 0;
    } else if ((sinceBest += 1) >= patience) {
      theta /= 2;
      sinceBest = 0;
    }
    const norm = at.subgradient.reduce((sum, g) => sum + g * g, 0);
    print({
      event: 'iteration',
      iteration,
      value: round(at.value),
      best: round(best),
      aboveLp: round((100 * (best - options.lp)) / options.lp, 3),
      byKind: { employee: round(at.byKind.employee), interval: round(at.byKind.interval) },
      unsolved: at.unsolved,
      seconds: options.elapsed(),
    });
    if (norm === 0) break;
    const step = (theta * (upper - at.value)) / norm;
    for (let k = 0; k < mu.length; k += 1) mu[k] += step * at.subgradient[k];
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
  print({
    event: 'atLpDuals',
    value: round(best),
    byKind: { employee: round(priced.byKind.employee), interval: round(priced.byKind.interval) },
    roster: roster && round(roster.objective),
    seconds: options.elapsed(),
  });
  priced.results.forEach((result, b) => master.add(b, result.values));
  for (let iteration = 0; options.elapsed() < options.budget; iteration += 1) {
    master.setBox(centre, delta);
    const solved = master.solve();
    priced = await evaluate(split, solved.prices, false, options.blockSeconds);
    let added = 0;
    priced.results.forEach((result, b) => {
      if (result.objective - solved.convexity[b] < -1e-6) {
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
