import type { LocalDate } from '../model/common.js';
import type { Employee } from '../model/employee.js';
import {
  DEFAULT_UNPOPULAR_SHIFT,
  DEFAULT_WEIGHTS,
  type PlanningInstance,
  type PlanningWeek,
} from '../model/instance.js';
import type { JurisdictionRuleSet } from '../model/jurisdiction.js';
import type { Shift } from '../model/roster.js';
import { addDays } from '../time/dates.js';
import { buildGrid } from '../time/grid.js';
import {
  type InstanceSize,
  SIZE_PROFILES,
  STATE_CATALOG,
  type SizeProfile,
  type StateProfile,
  queuesFor,
  shiftTemplates,
} from './catalog.js';
import { generateDemand } from './demand.js';
import { type EmployeeSetting, generateEmployee } from './employees.js';
import { Random } from './prng.js';
import { generatedRuleSets } from './rule-sets.js';
import { minimumHoursRoster } from './witness.js';

export interface GeneratorOptions {
  /** A Monday; default 2026-04-13 (no clock change). 2026-03-02 and 2026-10-26 are DST weeks. */
  readonly weekStart?: LocalDate;
  /** Every contract gets minHoursPerWeek 0 and nothing is pinned: the empty roster is feasible. */
  readonly minHoursZero?: boolean;
  /**
   * Counts in place of the size's own (`SIZE_PROFILES`), e.g. the large size's 20 states and 4
   * queues with a medium workforce, to tell what a method does with the shape of a week from what
   * it does with its scale. The instance id then names the counts.
   */
  readonly profile?: SizeProfile;
}

export const DEFAULT_GENERATOR_WEEK: LocalDate = '2026-04-13';

/**
 * Every state with a supervision ratio gets enough licensed pharmacists to supervise its share
 * of the work: at least 2, or twice its demand share of all pharmacists. Licences are added to
 * pharmacists in a seeded order; it returns new employee objects.
 */
function ensureSupervisorCoverage(
  rng: Random,
  employees: Employee[],
  ruleSets: readonly JurisdictionRuleSet[],
  states: readonly StateProfile[],
  weekStart: LocalDate,
): Employee[] {
  const pharmacists = employees.filter((employee) => employee.role === 'PHARMACIST');
  const totalWeight = states.reduce((sum, profile) => sum + profile.weight, 0);
  const result = new Map(employees.map((employee) => [employee.id, employee]));
  for (const profile of states) {
    if (
      !ruleSets.some((rules) => rules.state === profile.state && rules.supervision.kind === 'RATIO')
    )
      continue;
    const target = Math.min(
      pharmacists.length,
      Math.max(2, Math.ceil((2 * pharmacists.length * profile.weight) / totalWeight)),
    );
    const holds = (employee: Employee) =>
      employee.licences.some((licence) => licence.state === profile.state);
    let licensed = pharmacists.filter((p) => holds(result.get(p.id)!)).length;
    for (const pharmacist of rng.shuffle(pharmacists)) {
      if (licensed >= target) break;
      const current = result.get(pharmacist.id)!;
      if (holds(current)) continue;
      const licence = {
        state: profile.state,
        kind: 'PHARMACIST_LICENCE' as const,
        validFrom: addDays(weekStart, -500),
        validUntil: null,
      };
      result.set(pharmacist.id, { ...current, licences: [...current.licences, licence] });
      licensed += 1;
    }
  }
  return employees.map((employee) => result.get(employee.id)!);
}

function generateStaff(setting: EmployeeSetting, profile: SizeProfile): Employee[] {
  const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(3, '0')}`;
  return [
    ...Array.from({ length: profile.technicians }, (_, i) =>
      generateEmployee(setting, id('T', i + 1), 'TECHNICIAN'),
    ),
    ...Array.from({ length: profile.pharmacists }, (_, i) =>
      generateEmployee(setting, id('P', i + 1), 'PHARMACIST'),
    ),
  ];
}

/** About 2 % of the witness shifts (at least one beyond `tiny`) become pinned shifts. */
function pickPinnedShifts(rng: Random, instance: PlanningInstance, size: InstanceSize): Shift[] {
  const witness = minimumHoursRoster(instance).shifts;
  const count = size === 'tiny' ? 0 : Math.max(1, Math.floor(witness.length * 0.02));
  return rng
    .shuffle(witness)
    .slice(0, count)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((shift) => ({ ...shift, pinned: true }));
}

/** Seeded draws for the separate parts, so changing one part leaves the others as they were. */
interface Draws {
  readonly staff: Random;
  readonly coverage: Random;
  readonly demand: Random;
  readonly pins: Random;
}

/** Everything but the pinned shifts. */
function unpinnedInstance(
  size: InstanceSize,
  seed: number,
  options: GeneratorOptions,
  draws: Draws,
): PlanningInstance {
  const profile = options.profile ?? SIZE_PROFILES[size];
  const states = STATE_CATALOG.slice(0, profile.states);
  const weekStart = options.weekStart ?? DEFAULT_GENERATOR_WEEK;
  const week: PlanningWeek = { weekStart, timeZone: 'America/New_York', intervalMinutes: 30 };
  const queues = queuesFor(
    profile.queues,
    states.map((state) => state.state),
  );
  const ruleSets = generatedRuleSets(states, weekStart);
  const minHoursZero = options.minHoursZero ?? false;
  const setting: EmployeeSetting = {
    rng: draws.staff,
    states,
    queues,
    ruleSets,
    weekStart,
    minHoursZero,
  };
  const staff = generateStaff(setting, profile);
  const grid = buildGrid(week);
  return {
    id: options.profile
      ? `${size}-${profile.technicians}t${profile.pharmacists}p${profile.states}s${profile.queues}q-${seed}-${weekStart}`
      : `${size}-${seed}-${weekStart}`,
    week,
    employees: ensureSupervisorCoverage(draws.coverage, staff, ruleSets, states, weekStart),
    ruleSets,
    queues,
    demand: generateDemand(draws.demand, grid, queues, states, profile.technicians),
    templates: shiftTemplates(),
    pinnedShifts: [],
    previousRoster: null,
    weights: { ...DEFAULT_WEIGHTS },
    unpopularShift: {
      ...DEFAULT_UNPOPULAR_SHIFT,
      weekendDays: [...DEFAULT_UNPOPULAR_SHIFT.weekendDays],
    },
    seed,
  };
}

/**
 * A realistic planning instance of `size` for one week at 30-minute intervals on a New York grid,
 * deterministic in `seed` (same seed and options, deep-equal instance). Always feasible:
 * `minimumHoursRoster` of the result has no violations (see docs/rules-and-checker.md).
 */
export function generateInstance(
  size: InstanceSize,
  seed: number,
  options: GeneratorOptions = {},
): PlanningInstance {
  const rng = new Random(seed);
  const draws: Draws = {
    staff: rng.fork(),
    coverage: rng.fork(),
    demand: rng.fork(),
    pins: rng.fork(),
  };
  const instance = unpinnedInstance(size, seed, options, draws);
  if (options.minHoursZero) return instance;
  return { ...instance, pinnedShifts: pickPinnedShifts(draws.pins, instance, size) };
}
