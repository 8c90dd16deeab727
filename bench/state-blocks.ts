/**
 * Probe (not a test): where a roster's gap to the weekly LP bound lies, one state at a time. For
 * each state, the employees licensed there (technicians and pharmacists, the "block") are freed
 * and every other shift and allocation is fixed to the roster's; HiGHS then solves
 *
 * - the block's LP relaxation: how far relaxing integrality in this block alone lowers the week's
 *   value below the roster's; and
 * - the block's MIP, started from the roster: its proven bound says how much better any roster
 *   that differs from this one only in the block can be, and its incumbent whether it found one.
 *
 * Block LP below block bound is integrality the weekly LP drops that no roster can have; roster
 * above block bound is what re-planning the block could still gain.
 *
 * Run: `npm run build && node dist/bench/state-blocks.js --size large --seed 1 --mip-seconds 150
 * [--states WA,CA] [--roster FILE | --save FILE]` (`--seconds` as for the solve; without
 * `--states`, every state whose rule in force on the week's first date is a ratio). One JSON line
 * per block. `--days [2026-04-16,…]` studies days instead of states (all seven, or those listed):
 * a day's block is every shift starting on that local date (the employee's), the rest fixed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkRoster } from '../src/core/checker/check-roster.js';
import type { LocalDate } from '../src/core/model/common.js';
import type { PlanningInstance } from '../src/core/model/instance.js';
import type { Roster } from '../src/core/model/roster.js';
import { defaultSolveDeps } from '../src/core/optimizer/default-deps.js';
import { HighsSolver } from '../src/core/optimizer/mip/highs-adapter.js';
import type { Neighbourhood } from '../src/core/optimizer/mip/context.js';
import { buildRosterModel } from '../src/core/optimizer/mip/model.js';
import { solveRoster } from '../src/core/optimizer/solve.js';
import { ruleSetInForce } from '../src/core/rules/rule-sets.js';
import { addDays } from '../src/core/time/dates.js';
import { DEFAULT_SECONDS, argument, instanceFromArguments } from './instance-arguments.js';
import { solveFromRoster } from './mip-from-roster.js';
import { round } from './report.js';

const percentBelow = (value: number | null, reference: number) =>
  value === null ? null : round(((reference - value) / reference) * 100, 2);

/** The states whose rule in force on the week's first date is a ratio. */
function ratioStates(instance: PlanningInstance): string[] {
  const states = [...new Set(instance.ruleSets.map((rules) => rules.state))];
  return states.filter(
    (state) =>
      ruleSetInForce(instance.ruleSets, state, instance.week.weekStart)?.supervision.kind ===
      'RATIO',
  );
}

async function rosterToStudy(instance: PlanningInstance, seconds: number, seed: number) {
  const file = argument('roster', '');
  if (file) return JSON.parse(readFileSync(file, 'utf8')) as Roster;
  const solved = await solveRoster(
    instance,
    { timeLimitSeconds: seconds, seed },
    defaultSolveDeps(instance),
  );
  if (!solved.roster) throw new Error(`The search found no roster: ${solved.status}`);
  const save = argument('save', '');
  if (save) writeFileSync(save, JSON.stringify(solved.roster));
  return solved.roster;
}

/** A block: the part of the roster freed, and how to name it in the output. */
interface Block {
  readonly label: Record<string, unknown>;
  readonly neighbourhood: Omit<Neighbourhood, 'incumbent'>;
}

/** Every employee licensed in the state, their whole week. */
function stateBlock(instance: PlanningInstance, state: string): Block {
  const employeeIds = new Set(
    instance.employees
      .filter((employee) => employee.licences.some((licence) => licence.state === state))
      .map((employee) => employee.id),
  );
  return {
    label: { state, employees: employeeIds.size },
    neighbourhood: { freeEmployeeIds: employeeIds },
  };
}

/** Every employee's shift starting on that local date. */
function dayBlock(date: LocalDate): Block {
  return { label: { date }, neighbourhood: { freeDates: new Set([date]) } };
}

async function studyBlock(
  instance: PlanningInstance,
  roster: Roster,
  rosterValue: number,
  block: Block,
): Promise<Record<string, unknown>> {
  const started = performance.now();
  const rosterModel = buildRosterModel(instance, {
    neighbourhood: { incumbent: roster, ...block.neighbourhood },
  });
  const solver = new HighsSolver();
  const mipSeconds = Number(argument('mip-seconds', '150'));
  const relaxed = await solver.solve(rosterModel.model, {
    timeLimitSeconds: mipSeconds,
    relax: true,
  });
  const { solution: mip, check } = await solveFromRoster(
    solver,
    instance,
    rosterModel,
    roster,
    mipSeconds,
  );
  const found = check?.soft.weightedTotal ?? null;
  return {
    ...block.label,
    columns: rosterModel.model.colNames.length,
    roster: round(rosterValue),
    blockLp: round(relaxed.objective),
    blockLpBelowRosterPercent: percentBelow(relaxed.objective, rosterValue),
    mipStatus: mip.status,
    blockBound: round(mip.bound),
    blockBoundBelowRosterPercent: percentBelow(mip.bound, rosterValue),
    blockBest: round(found === null ? rosterValue : Math.min(found, rosterValue)),
    seconds: round((performance.now() - started) / 1000, 1),
  };
}

/** `--days` (all seven dates, or those listed after it); else `--states`, or every ratio state. */
function blocksToStudy(instance: PlanningInstance): Block[] {
  if (process.argv.includes('--days')) {
    const listed = argument('days', '');
    const dates = /^\d{4}-\d{2}-\d{2}/.test(listed)
      ? listed.split(',')
      : Array.from({ length: 7 }, (_, day) => addDays(instance.week.weekStart, day));
    return dates.map((date) => dayBlock(date));
  }
  const listed = argument('states', '');
  const states = listed ? listed.split(',') : ratioStates(instance);
  return states.map((state) => stateBlock(instance, state));
}

async function main(): Promise<void> {
  const { size, seed, instance } = instanceFromArguments('large');
  const seconds = Number(argument('seconds', String(DEFAULT_SECONDS[size])));
  const roster = await rosterToStudy(instance, seconds, seed);
  const check = checkRoster(instance, roster);
  if (check.violations.length > 0) throw new Error('The roster breaks a hard rule');
  const blocks = blocksToStudy(instance);
  process.stdout.write(
    `${JSON.stringify({
      instance: instance.id,
      roster: round(check.soft.weightedTotal),
      blocks: blocks.map((block) => block.label),
    })}\n`,
  );
  for (const block of blocks) {
    const line = await studyBlock(instance, roster, check.soft.weightedTotal, block);
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

await main();
