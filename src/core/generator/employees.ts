import type { IsoDayOfWeek, LocalDate, StateCode } from '../model/common.js';
import type {
  AvailabilityWindow,
  Certification,
  Contract,
  Employee,
  EmployeeRole,
  Licence,
  ShiftPreferences,
  TimeOff,
  WorkHistory,
} from '../model/employee.js';
import type { Queue } from '../model/instance.js';
import type { JurisdictionRuleSet } from '../model/jurisdiction.js';
import { TASK_TYPES } from '../model/jurisdiction.js';
import { addDays, formatLocalTime, isoDayOfWeek } from '../time/dates.js';
import { localToInstant } from '../time/zones.js';
import type { StateProfile } from './catalog.js';
import type { Random } from './prng.js';

/**
 * Realistic employees. Full-timers (minimum 32 paid hours) are available six days a week in a
 * daily window of at least 11 hours starting by 11:00, have at most one day of time off and at
 * most 3 days carried over from last week, so four 10-hour shifts (38 paid hours) always fit:
 * every generated instance is feasible (see witness.ts). Part-timers have no minimum.
 */

export interface EmployeeSetting {
  readonly rng: Random;
  readonly states: readonly StateProfile[];
  readonly queues: readonly Queue[];
  readonly ruleSets: readonly JurisdictionRuleSet[];
  readonly weekStart: LocalDate;
  /** Every contract gets minHoursPerWeek 0 (the empty roster is then feasible). */
  readonly minHoursZero: boolean;
}

function contractFor(setting: EmployeeSetting, role: EmployeeRole, fullTime: boolean): Contract {
  const { rng } = setting;
  const rate = role === 'PHARMACIST' ? rng.int(110, 150) / 2 : rng.int(34, 52) / 2;
  return {
    minHoursPerWeek: fullTime && !setting.minHoursZero ? 32 : 0,
    maxHoursPerWeek: fullTime ? 40 : rng.int(4, 6) * 5,
    maxHoursPerDay: fullTime ? 10 : 8,
    minRestHours: 10,
    maxConsecutiveDays: fullTime ? 6 : 5,
    overtimeThresholdHours: 40,
    overtimeMultiplier: 1.5,
    hourlyRate: rate,
  };
}

/** Technicians hold a licence where a state's rules ask for one, a registration elsewhere. */
function technicianCredential(
  state: StateCode,
  ruleSets: readonly JurisdictionRuleSet[],
): Licence['kind'] {
  const rules = ruleSets.filter((ruleSet) => ruleSet.state === state);
  const needsLicence = rules.some((ruleSet) =>
    TASK_TYPES.some((task) => ruleSet.tasks[task].minStateCredential === 'LICENCE'),
  );
  return needsLicence ? 'TECHNICIAN_LICENCE' : 'TECHNICIAN_REGISTRATION';
}

/** Mostly valid well past the week; a few expire or start mid-week. */
function licenceDates(setting: EmployeeSetting): Pick<Licence, 'validFrom' | 'validUntil'> {
  const { rng, weekStart } = setting;
  const roll = rng.next();
  if (roll < 0.04)
    return {
      validFrom: addDays(weekStart, -rng.int(100, 2000)),
      validUntil: addDays(weekStart, rng.int(0, 5)),
    };
  if (roll < 0.06) return { validFrom: addDays(weekStart, rng.int(1, 5)), validUntil: null };
  return {
    validFrom: addDays(weekStart, -rng.int(100, 3000)),
    validUntil: roll < 0.5 ? null : addDays(weekStart, rng.int(30, 700)),
  };
}

function licencesFor(setting: EmployeeSetting, role: EmployeeRole, home: StateCode): Licence[] {
  const { rng, states } = setting;
  const extraShare = role === 'PHARMACIST' ? 0.4 : 0.2;
  const others = states.map((profile) => profile.state).filter((state) => state !== home);
  const extra = rng.chance(extraShare)
    ? rng.shuffle(others).slice(0, rng.int(1, role === 'PHARMACIST' ? 4 : 3))
    : [];
  return [home, ...extra.sort()].map((state) => ({
    state,
    kind:
      role === 'PHARMACIST' ? 'PHARMACIST_LICENCE' : technicianCredential(state, setting.ruleSets),
    ...licenceDates(setting),
  }));
}

function certificationsFor(setting: EmployeeSetting): Certification[] {
  const { rng, weekStart } = setting;
  if (!rng.chance(0.65))
    return rng.chance(0.1)
      ? [{ kind: 'OTHER', obtained: addDays(weekStart, -400), expires: null }]
      : [];
  const kind = rng.chance(0.7) ? 'CPHT' : 'EXCPT';
  const obtained = addDays(weekStart, -rng.int(30, 2500));
  const roll = rng.next();
  const expires =
    roll < 0.06
      ? addDays(weekStart, rng.int(0, 5))
      : roll < 0.15
        ? addDays(weekStart, -rng.int(1, 200))
        : addDays(weekStart, rng.int(10, 700));
  return [{ kind, obtained, expires }];
}

function window(
  dayOfWeek: IsoDayOfWeek,
  startMinutes: number,
  lengthMinutes: number,
): AvailabilityWindow {
  return {
    dayOfWeek,
    start: formatLocalTime(startMinutes),
    end: formatLocalTime(Math.min(24 * 60, startMinutes + lengthMinutes)),
  };
}

function availabilityFor(rng: Random, fullTime: boolean): AvailabilityWindow[] {
  const days: IsoDayOfWeek[] = [1, 2, 3, 4, 5, 6, 7];
  if (fullTime) {
    const dayOff = rng.pick<IsoDayOfWeek>([6, 7]);
    const start = rng.int(12, 22) * 30;
    const length = rng.int(22, 26) * 30;
    return days.filter((day) => day !== dayOff).map((day) => window(day, start, length));
  }
  const chosen = rng.shuffle(days).slice(0, rng.int(3, 6)).sort();
  return chosen.map((day) => window(day, rng.int(12, 28) * 30, rng.int(10, 20) * 30));
}

/** One whole local day off, on a day the employee would otherwise be available. */
function timeOffFor(
  rng: Random,
  employee: Pick<Employee, 'timeZone' | 'availability'>,
  weekStart: LocalDate,
): TimeOff[] {
  if (!rng.chance(0.1) || employee.availability.length === 0) return [];
  const dayOfWeek = rng.pick(employee.availability).dayOfWeek;
  const date = [0, 1, 2, 3, 4, 5, 6]
    .map((day) => addDays(weekStart, day))
    .find((d) => isoDayOfWeek(d) === dayOfWeek)!;
  return [
    {
      start: localToInstant(date, '00:00', employee.timeZone),
      end: localToInstant(addDays(date, 1), '00:00', employee.timeZone),
    },
  ];
}

function preferencesFor(rng: Random): ShiftPreferences | null {
  if (!rng.chance(0.5)) return null;
  return {
    preferredStartTimes: rng
      .shuffle(['07:00', '08:00', '09:00', '10:00'])
      .slice(0, rng.int(1, 2))
      .sort(),
    avoidStartTimes: rng.chance(0.5) ? ['06:00'] : [],
    preferredDaysOff: rng.chance(0.5) ? [rng.pick<IsoDayOfWeek>([5, 6, 7])] : [],
  };
}

function historyFor(rng: Random, timeZone: string, weekStart: LocalDate): WorkHistory | null {
  if (!rng.chance(0.4)) return null;
  const lastShiftEnd = localToInstant(
    addDays(weekStart, -1),
    rng.pick(['14:00', '16:00', '18:00']),
    timeZone,
  );
  return { lastShiftEnd, consecutiveDaysWorked: rng.int(1, 3) };
}

function skillsFor(rng: Random, queues: readonly Queue[]): string[] {
  const skills = queues.filter(() => rng.chance(0.55)).map((queue) => queue.id);
  return skills.length > 0 ? skills : [rng.pick(queues).id];
}

/** One employee with id `id`. */
export function generateEmployee(
  setting: EmployeeSetting,
  id: string,
  role: EmployeeRole,
): Employee {
  const rng = setting.rng;
  const home = rng.weighted(setting.states.map((profile) => [profile, profile.weight] as const));
  const fullTime = rng.chance(role === 'PHARMACIST' ? 0.75 : 0.7);
  const certifications = role === 'TECHNICIAN' ? certificationsFor(setting) : [];
  const certified = certifications.some((c) => c.kind !== 'OTHER');
  const availability = availabilityFor(rng, fullTime);
  return {
    id,
    role,
    timeZone: home.timeZone,
    hireDate: addDays(setting.weekStart, -rng.int(30, 3000)),
    leaveDate: null,
    contract: contractFor(setting, role, fullTime),
    skills: role === 'TECHNICIAN' ? skillsFor(rng, setting.queues) : [],
    remote: rng.chance(role === 'PHARMACIST' ? 0.8 : 0.9),
    licences: licencesFor(setting, role, home.state),
    certifications,
    experienceHours:
      role === 'PHARMACIST'
        ? rng.int(2000, 20000)
        : certified
          ? rng.int(500, 8000)
          : rng.int(0, 3000),
    availability,
    timeOff: timeOffFor(rng, { timeZone: home.timeZone, availability }, setting.weekStart),
    preferences: preferencesFor(rng),
    history: historyFor(rng, home.timeZone, setting.weekStart),
  };
}
