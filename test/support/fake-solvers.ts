import { minimumHoursRoster } from '../../src/core/generator/index.js';
import type { PlanningInstance } from '../../src/core/model/instance.js';
import type { SolveOptions, SolveProgress, SolveResult } from '../../src/core/optimizer/types.js';
import type { RosterSolver } from '../../src/rostering/roster-solver.js';

type Control = { signal: AbortSignal; onProgress: (progress: SolveProgress) => void };

function result(
  status: SolveResult['status'],
  roster: SolveResult['roster'],
  extra: Partial<SolveResult> = {},
): SolveResult {
  return {
    status,
    roster,
    objective: roster ? 1 : null,
    soft: null,
    lowerBound: roster ? 0 : null,
    gap: null,
    method: 'test',
    elapsedSeconds: 0,
    explanations: [],
    infeasibility: null,
    search: null,
    reproducible: false,
    ...extra,
  };
}

/** Replaces the optimizer in workflow tests: each test sets what the next solve does. */
export class ScriptedSolver implements RosterSolver {
  behaviour: 'witness' | 'until-cancelled' | 'infeasible' | 'crash' = 'witness';
  solves = 0;

  async solve(
    instance: PlanningInstance,
    _options: Omit<SolveOptions, 'signal' | 'onProgress'>,
    control: Control,
  ): Promise<SolveResult> {
    this.solves++;
    control.onProgress({
      phase: 'construct',
      bestObjective: null,
      bound: null,
      gap: null,
      elapsedSeconds: 0,
    });
    switch (this.behaviour) {
      case 'witness':
        return result('FEASIBLE', minimumHoursRoster(instance), {
          explanations: [
            {
              intervalIndex: 0,
              state: instance.queues[0]?.states[0] ?? 'TX',
              queueId: instance.queues[0]?.id ?? 'none',
              shortStaff: 1.5,
              reasons: [{ kind: 'AVAILABILITY', message: 'no one is available at this hour' }],
            },
          ],
        });
      case 'infeasible':
        return result('INFEASIBLE', null, {
          infeasibility: {
            conflicts: [
              {
                rules: ['MIN_HOURS_PER_WEEK', 'AVAILABILITY'],
                employeeIds: [instance.employees[0].id],
                message: 'no shift fits the availability',
              },
            ],
          },
        });
      case 'crash':
        throw new Error('the solver process died');
      case 'until-cancelled':
        return new Promise((resolve) => {
          const tick = setInterval(
            () =>
              control.onProgress({
                phase: 'improve',
                bestObjective: 10,
                bound: 5,
                gap: 0.5,
                elapsedSeconds: 1,
              }),
            200,
          );
          control.signal.addEventListener('abort', () => {
            clearInterval(tick);
            resolve(result('CANCELLED', null));
          });
        });
    }
  }
}
