import { DateTime } from 'luxon';
import type { OptimizationRun } from '../rostering/graphql/run.model.js';
import type { RosterAnalysis } from '../rostering/roster-analysis.service.js';
import { overtimeHours } from '../rostering/roster-totals.js';

const WIDTH = 30;

export function progressBar(run: OptimizationRun, limitSeconds: number): string {
  const elapsed = run.progress?.elapsedSeconds ?? 0;
  const filled = Math.min(WIDTH, Math.round((elapsed / limitSeconds) * WIDTH));
  const best = run.progress?.bestObjective;
  const gap = run.progress?.gap;
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${run.status.toLowerCase()} ${run.progress?.phase ?? ''} ${elapsed.toFixed(0)}s` +
    (best != null ? ` best ${best.toFixed(1)}` : '') +
    (gap != null ? ` gap ${(gap * 100).toFixed(1)}%` : '') +
    '   '
  );
}

export function rosterSummary(rosterId: string, analysis: RosterAnalysis): string {
  const soft = analysis.check.soft;
  const people = new Set(analysis.roster.shifts.map((s) => s.employeeId)).size;
  return [
    `Draft roster ${rosterId}`,
    `  shifts ${analysis.roster.shifts.length} for ${people} people · cost $${soft.cost.toFixed(0)} (overtime ${overtimeHours(analysis.instance, analysis.roster).toFixed(1)} h)`,
    `  shortage ${soft.shortage.toFixed(1)} staff-hours · overstaffing ${soft.overstaffing.toFixed(1)} · weekly service level ${analysis.weeklyServiceLevel === null ? 'n/a' : `${(analysis.weeklyServiceLevel * 100).toFixed(1)} %`}`,
    `  hard-rule violations ${analysis.check.violations.length} · objective ${soft.weightedTotal.toFixed(1)}`,
  ].join('\n');
}

/** Required vs scheduled staff-hours per local day (planning zone) and state. */
export function coverageByDayAndState(analysis: RosterAnalysis): string {
  const hoursPerInterval = analysis.instance.week.intervalMinutes / 60;
  const table = new Map<string, Map<string, { required: number; scheduled: number }>>();
  for (const cell of analysis.coverage.cells) {
    const day = DateTime.fromJSDate(analysis.intervalStart(cell.intervalIndex), {
      zone: analysis.instance.week.timeZone,
    }).toFormat('ccc dd');
    const row = table.get(cell.state) ?? new Map<string, { required: number; scheduled: number }>();
    const entry = row.get(day) ?? { required: 0, scheduled: 0 };
    entry.required += cell.required * hoursPerInterval;
    entry.scheduled += cell.scheduled * hoursPerInterval;
    row.set(day, entry);
    table.set(cell.state, row);
  }
  const days = [...new Set([...table.values()].flatMap((row) => [...row.keys()]))];
  const header = `Coverage (scheduled / required staff-hours)\nstate ${days.map((d) => d.padStart(13)).join('')}`;
  const lines = [...table.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([state, row]) =>
        `${state.padEnd(6)}${days
          .map((d) => {
            const e = row.get(d);
            return (e ? `${e.scheduled.toFixed(0)}/${e.required.toFixed(0)}` : '-').padStart(13);
          })
          .join('')}`,
    );
  return [header, ...lines].join('\n');
}
