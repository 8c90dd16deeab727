/**
 * Probe (not a test): how far the interval evaluator's allocation of a roster is from the exact
 * one. The search decides shifts and prices every move by the evaluator (search/allocation.ts),
 * whose supervision handling is a conservative heuristic; here HiGHS solves the same week with
 * every shift fixed to the roster's (pinned, and the only candidates), so only the allocations
 * and supervision shares are free, started from the search's own allocation. The last line gives
 * the search's objective, HiGHS's best and its proven bound: the evaluator's allocation is at
 * most (search - bound) / bound above the exact one.
 *
 * Run: `npm run build && node dist/bench/allocation-gap.js --size medium --seed 1 --seconds 20
 * --mip-seconds 300` (`--profile T,P,S,Q` as for the other benches).
 *
 * `--by-interval`: with every shift fixed the allocation is separable by interval, so instead of
 * one MIP for the week (which HiGHS could not solve at the large size in 15 minutes) each
 * interval with demand gets its own: the week's shifts fixed, the demand of that interval only.
 * Shifts and their terms are the same in both rosters compared, so the checker's difference is
 * that interval's value: the evaluator's loss there, exactly, wherever HiGHS proves its optimum.
 */
import { checkRoster } from '../src/core/checker/check-roster.js';
import type { PlanningInstance } from '../src/core/model/instance.js';
import type { Roster } from '../src/core/model/roster.js';
import { defaultSolveDeps } from '../src/core/optimizer/default-deps.js';
import { candidateOf } from '../src/core/optimizer/mip/context.js';
import { HighsSolver } from '../src/core/optimizer/mip/highs-adapter.js';
import { buildRosterModel } from '../src/core/optimizer/mip/model.js';
import type { CandidateShift } from '../src/core/time/shift-times.js';
import { solveRoster } from '../src/core/optimizer/solve.js';
import { DEFAULT_SECONDS, argument, instanceFromArguments } from './instance-arguments.js';
import { solveFromRoster } from './mip-from-roster.js';
import { round } from './report.js';

/** The instance with the roster's shifts pinned, and those shifts as the only candidates. */
function shiftsFixed(
  instance: PlanningInstance,
  roster: Roster,
): { fixed: PlanningInstance; candidates: Map<string, CandidateShift[]> } {
  const employees = new Map(instance.employees.map((employee) => [employee.id, employee]));
  const candidates = new Map<string, CandidateShift[]>(
    instance.employees.map((employee) => [employee.id, []]),
  );
  for (const shift of roster.shifts) {
    const employee = employees.get(shift.employeeId)!;
    candidates.get(employee.id)!.push(candidateOf(instance, employee, shift));
  }
  return { fixed: { ...instance, pinnedShifts: roster.shifts }, candidates };
}

/** The roster's allocations and supervision shares of one interval only. */
function rosterAt(roster: Roster, intervalIndex: number): Roster {
  return {
    shifts: roster.shifts,
    allocations: roster.allocations.filter((a) => a.intervalIndex === intervalIndex),
    supervision: roster.supervision.filter((s) => s.intervalIndex === intervalIndex),
  };
}

/** Each interval's exact allocation against the search's (see the module comment). */
async function byInterval(instance: PlanningInstance, roster: Roster): Promise<void> {
  const { fixed, candidates } = shiftsFixed(instance, roster);
  const intervals = [...new Set(instance.demand.map((d) => d.intervalIndex))].sort((a, b) => a - b);
  const mipSeconds = Number(argument('mip-seconds', '30'));
  const solver = new HighsSolver();
  const started = performance.now();
  let searchTotal = 0;
  let boundTotal = 0;
  let unproven = 0;
  let better = 0;
  for (const intervalIndex of intervals) {
    const single = {
      ...fixed,
      demand: fixed.demand.filter((d) => d.intervalIndex === intervalIndex),
    };
    const searchRoster = rosterAt(roster, intervalIndex);
    const search = checkRoster(single, searchRoster);
    if (search.violations.length > 0) throw new Error(`Search roster rejected at ${intervalIndex}`);
    const rosterModel = buildRosterModel(single, { candidates });
    const { solution, check } = await solveFromRoster(
      solver,
      single,
      rosterModel,
      searchRoster,
      mipSeconds,
    );
    const exact = check?.soft.weightedTotal ?? Infinity;
    const searchValue = search.soft.weightedTotal;
    const bestValue = Math.min(searchValue, exact);
    // The shifts' own terms are the same on both sides: the differences are this interval's.
    searchTotal += searchValue - bestValue;
    if (bestValue < searchValue - 1e-6) better += 1;
    if (solution.status !== 'OPTIMAL') unproven += 1;
    const bound = solution.bound ?? -Infinity;
    boundTotal += searchValue - Math.min(searchValue, bound);
  }
  process.stdout.write(
    `${JSON.stringify({
      instance: instance.id,
      intervals: intervals.length,
      seconds: round((performance.now() - started) / 1000, 1),
      intervalsImproved: better,
      intervalsNotProven: unproven,
      searchAboveExactTotal: round(searchTotal),
      searchAboveBoundTotal: round(boundTotal),
    })}\n`,
  );
}

async function main(): Promise<void> {
  const { size, seed, instance } = instanceFromArguments('medium');
  const searched = await solveRoster(
    instance,
    { timeLimitSeconds: Number(argument('seconds', String(DEFAULT_SECONDS[size]))), seed },
    defaultSolveDeps(instance),
  );
  if (!searched.roster || searched.objective === null)
    throw new Error(`The search found no roster: ${searched.status}`);
  process.stdout.write(`${JSON.stringify({ searchObjective: round(searched.objective) })}\n`);
  if (process.argv.includes('--by-interval')) return byInterval(instance, searched.roster);
  const { fixed, candidates } = shiftsFixed(instance, searched.roster);
  const rosterModel = buildRosterModel(fixed, { candidates });
  const { solution, check: exact } = await solveFromRoster(
    new HighsSolver(),
    instance,
    rosterModel,
    searched.roster,
    Number(argument('mip-seconds', '300')),
  );
  const best = Math.min(searched.objective, exact?.soft.weightedTotal ?? Infinity);
  const bound = solution.bound;
  process.stdout.write(
    `${JSON.stringify({
      instance: instance.id,
      columns: rosterModel.model.colNames.length,
      rows: rosterModel.model.rowNames.length,
      searchObjective: round(searched.objective),
      searchViolations: checkRoster(instance, searched.roster).violations.length,
      mipStatus: solution.status,
      mipSeconds: round(solution.seconds, 1),
      mipObjective: round(exact?.soft.weightedTotal ?? null),
      lowerBound: round(bound),
      searchAboveBest: round((searched.objective - best) / best, 6),
      searchAtMostAboveExact:
        bound === null ? null : round((searched.objective - bound) / bound, 6),
    })}\n`,
  );
}

await main();
