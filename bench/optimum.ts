/**
 * Long run (not a test): brackets the optimum of one generated week, as the issue asks ("prove
 * the optimum once with a long run and record it"). The search as the service runs it
 * (`solveRoster`, `--search-seconds`, default 300) gives a checker-clean roster; the monolithic
 * HiGHS MIP (`solveMonolithicMip`, `--mip-seconds`, default 7200) starts from it and runs until
 * it proves optimality or the clock stops it. Every improvement of HiGHS's proven bound is
 * printed as it comes (`{"event":"bound",...}`), so a run that is stopped or runs out of memory
 * still leaves its best bound; the last line says what was proven: the optimum (status OPTIMAL)
 * or the bracket [bound, best roster].
 *
 * `--profile T,P,S,Q` generates other counts of technicians, pharmacists, states and queues
 * (`GeneratorOptions.profile`); `--save FILE` writes both rosters there as JSON ({ search, best }).
 *
 * Run: `npm run build && node dist/bench/optimum.js --size medium --seed 1`.
 */
import { writeFileSync } from 'node:fs';
import { checkRoster } from '../src/core/checker/check-roster.js';
import { defaultSolveDeps } from '../src/core/optimizer/default-deps.js';
import { solveMonolithicMip } from '../src/core/optimizer/mip/solve-mip.js';
import { solveRoster } from '../src/core/optimizer/solve.js';
import { argument, instanceFromArguments } from './instance-arguments.js';
import { round } from './report.js';

function print(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function main(): Promise<void> {
  const { seed, instance } = instanceFromArguments('medium');
  const started = performance.now();
  const elapsed = () => round((performance.now() - started) / 1000, 1);

  const searched = await solveRoster(
    instance,
    { timeLimitSeconds: Number(argument('search-seconds', '300')), seed },
    defaultSolveDeps(instance),
  );
  if (!searched.roster) throw new Error(`The search found no roster: ${searched.status}`);
  print({ event: 'search', seconds: elapsed(), objective: round(searched.objective) });

  const proved = await solveMonolithicMip(instance, {
    timeLimitSeconds: Number(argument('mip-seconds', '7200')),
    warmStart: searched.roster,
    onBound: (bound) => print({ event: 'bound', seconds: elapsed(), bound: round(bound) }),
  });
  const best = proved.roster && proved.objective !== null ? proved : searched;
  const check = best.roster ? checkRoster(instance, best.roster) : null;
  const save = argument('save', '');
  if (save) writeFileSync(save, JSON.stringify({ search: searched.roster, best: best.roster }));
  print({
    instance: instance.id,
    seed,
    seconds: elapsed(),
    mipStatus: proved.status,
    searchObjective: round(searched.objective),
    bestObjective: round(best.objective),
    bestFrom: best === proved ? 'mip' : 'search',
    lowerBound: round(proved.lowerBound),
    gapPercent:
      best.objective !== null && proved.lowerBound !== null
        ? round(((best.objective - proved.lowerBound) / best.objective) * 100, 3)
        : null,
    hardViolations: check ? check.violations.length : null,
    peakMemoryMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
}

await main();
