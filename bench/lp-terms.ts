/**
 * Diagnostic (not a test): where the weekly LP relaxation's value and a heuristic roster's differ,
 * term by term, in the MIP model's own columns. The heuristic roster (`solveRoster` as the
 * service runs it, `--seconds`, default 60) is encoded into the model (`encodeRoster`), the LP
 * relaxation is solved by HiGHS's interior point (`--lp-seconds`, default 2400: about 840 s at
 * the large size), and both are summed per variable family (the shift columns split by role),
 * with paid hours per role and shortage hours per state. Prints one JSON line.
 *
 * `--profile T,P,S,Q` generates other counts (`GeneratorOptions.profile`).
 *
 * Run: `npm run build && node dist/bench/lp-terms.js --size large --seed 1`.
 */
import { defaultSolveDeps } from '../src/core/optimizer/default-deps.js';
import { encodeRoster } from '../src/core/optimizer/mip/encode.js';
import { HighsSolver } from '../src/core/optimizer/mip/highs-adapter.js';
import { buildRosterModel, exactModelIsRelaxation } from '../src/core/optimizer/mip/model.js';
import type { MipModel } from '../src/core/optimizer/mip/sparse.js';
import { solveRoster } from '../src/core/optimizer/solve.js';
import { argument, instanceFromArguments } from './instance-arguments.js';

interface TermSums {
  readonly objective: number;
  /** Objective contribution per variable family (`x:ROLE` for shifts), the offset apart. */
  readonly byFamily: Record<string, number>;
  readonly paidHoursByRole: Record<string, number>;
  readonly shortageHoursByState: Record<string, number>;
}

/** `family[k=v,...]` (names.ts) as its family and keys. */
function parseName(name: string): { family: string; keys: Record<string, string> } {
  const open = name.indexOf('[');
  const keys = Object.fromEntries(
    name
      .slice(open + 1, -1)
      .split(',')
      .map((pair) => pair.split('=') as [string, string]),
  );
  return { family: name.slice(0, open), keys };
}

function sumTerms(
  model: MipModel,
  roleOf: ReadonlyMap<string, string>,
  intervalHours: number,
  valueOf: (column: number) => number,
): TermSums {
  const byFamily: Record<string, number> = {};
  const paidHoursByRole: Record<string, number> = {};
  const shortageHoursByState: Record<string, number> = {};
  let objective = model.objectiveOffset;
  model.colNames.forEach((name, column) => {
    const value = valueOf(column);
    if (value === 0) return;
    const { family, keys } = parseName(name);
    const contribution = model.colCost[column] * value;
    objective += contribution;
    const role = family === 'x' ? (roleOf.get(keys.e) ?? '?') : null;
    const key = role ? `x:${role}` : family;
    byFamily[key] = (byFamily[key] ?? 0) + contribution;
    if (role) paidHoursByRole[role] = (paidHoursByRole[role] ?? 0) + value * Number(keys.h);
    if (family === 'short')
      shortageHoursByState[keys.S] = (shortageHoursByState[keys.S] ?? 0) + value * intervalHours;
  });
  return { objective, byFamily, paidHoursByRole, shortageHoursByState };
}

async function main(): Promise<void> {
  const { size, seed, instance } = instanceFromArguments('large');
  const solved = await solveRoster(
    instance,
    { timeLimitSeconds: Number(argument('seconds', '60')), seed },
    defaultSolveDeps(instance),
  );
  if (!solved.roster) throw new Error(`No roster: ${solved.status}`);
  const supervision = exactModelIsRelaxation(instance) ? 'exact' : 'relaxed';
  const built = buildRosterModel(instance, { supervision });
  const { model, index } = built;
  const roleOf = new Map(instance.employees.map((employee) => [employee.id, employee.role]));
  const encoded = encodeRoster(built, solved.roster);
  const heuristic = sumTerms(model, roleOf, index.intervalHours, (c) => encoded.values[c]);
  const started = performance.now();
  const lp = await new HighsSolver({ solver: 'ipm' }).solve(model, {
    timeLimitSeconds: Number(argument('lp-seconds', '2400')),
    relax: true,
  });
  const lpSeconds = (performance.now() - started) / 1000;
  const lpValues = lp.values;
  const relaxation = lpValues
    ? sumTerms(model, roleOf, index.intervalHours, (c) => lpValues.get(model.colNames[c]) ?? 0)
    : null;
  const line = {
    size,
    instance: instance.id,
    seed,
    supervision,
    columns: model.colNames.length,
    rows: model.rowNames.length,
    offset: model.objectiveOffset,
    heuristic: { ...heuristic, method: solved.method, unencoded: encoded.missing.length },
    lp: { status: lp.status, seconds: Math.round(lpSeconds), terms: relaxation },
    peakMemoryMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

await main();
