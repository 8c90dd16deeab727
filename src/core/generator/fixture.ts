import type { LocalDate, LocalTime, StateCode } from '../model/common.js';
import { alwaysAvailable, type Employee, type EmployeeRole } from '../model/employee.js';
import {
  DEFAULT_UNPOPULAR_SHIFT,
  DEFAULT_WEIGHTS,
  type PlanningInstance,
} from '../model/instance.js';
import type { Allocation, Shift, SupervisionShare } from '../model/roster.js';
import { sampleRuleSets } from '../model/sample-rules.js';
import { HOUR_MS } from '../time/dates.js';
import { buildGrid, intervalsWithin } from '../time/grid.js';
import { localToInstant } from '../time/zones.js';
import { shiftTemplates } from './catalog.js';

/**
 * Hand-sized fixtures for tests (checker, optimizer): a week of 2026-04-13 on a New York grid,
 * the nine sample rule sets, two queues serving NC, GA, CA and OH, the generator's templates, and
 * employees built from a permissive default that a test then overrides. Also helpers that turn
 * "this employee, this local date, 09:00 for 8 h" into shifts, allocations and supervision.
 */

export const FIXTURE_WEEK_START: LocalDate = '2026-04-13';

/** A full-time, always-available, remote employee licensed in NC, GA, CA and OH; certified if a technician. */
export function fixtureEmployee(
  id: string,
  role: EmployeeRole,
  overrides: Partial<Employee> = {},
): Employee {
  const kind = role === 'PHARMACIST' ? 'PHARMACIST_LICENCE' : 'TECHNICIAN_LICENCE';
  return {
    id,
    role,
    timeZone: 'America/New_York',
    hireDate: '2020-01-01',
    leaveDate: null,
    contract: {
      minHoursPerWeek: 0,
      maxHoursPerWeek: 40,
      maxHoursPerDay: 10,
      minRestHours: 10,
      maxConsecutiveDays: 5,
      overtimeThresholdHours: 40,
      overtimeMultiplier: 1.5,
      hourlyRate: role === 'PHARMACIST' ? 60 : 20,
    },
    skills: role === 'TECHNICIAN' ? ['q-erx', 'q-calls'] : [],
    remote: true,
    licences: ['NC', 'GA', 'CA', 'OH'].map((state) => ({
      state,
      kind,
      validFrom: '2020-01-01',
      validUntil: null,
    })),
    certifications:
      role === 'TECHNICIAN' ? [{ kind: 'CPHT', obtained: '2020-01-01', expires: null }] : [],
    experienceHours: 5000,
    availability: alwaysAvailable(),
    timeOff: [],
    preferences: null,
    history: null,
    ...overrides,
  };
}

export function fixtureInstance(overrides: Partial<PlanningInstance> = {}): PlanningInstance {
  const states = ['NC', 'GA', 'CA', 'OH'];
  return {
    id: 'fixture',
    week: { weekStart: FIXTURE_WEEK_START, timeZone: 'America/New_York', intervalMinutes: 30 },
    employees: [fixtureEmployee('tech-1', 'TECHNICIAN'), fixtureEmployee('pharm-1', 'PHARMACIST')],
    ruleSets: sampleRuleSets(),
    queues: [
      {
        id: 'q-erx',
        name: 'E-prescriptions',
        taskType: 'EPRESCRIPTION_ENTRY',
        channel: 'DEFERRED',
        states,
        requiresStateLicence: true,
      },
      {
        id: 'q-calls',
        name: 'Calls',
        taskType: 'CUSTOMER_CALLS',
        channel: 'VOICE',
        states,
        requiresStateLicence: false,
      },
    ],
    demand: [],
    templates: shiftTemplates(),
    pinnedShifts: [],
    previousRoster: null,
    weights: { ...DEFAULT_WEIGHTS },
    unpopularShift: { ...DEFAULT_UNPOPULAR_SHIFT },
    seed: 1,
    ...overrides,
  };
}

/** The shift of `hours` starting at local `time` on local `date` of the employee; template by length. */
export function shiftOn(
  instance: PlanningInstance,
  employeeId: string,
  date: LocalDate,
  time: LocalTime,
  hours: number,
  id = `${employeeId}@${date}T${time}`,
): Shift {
  const employee = instance.employees.find((candidate) => candidate.id === employeeId);
  if (!employee) throw new RangeError(`No employee ${employeeId}`);
  const start = localToInstant(date, time, employee.timeZone);
  const template = instance.templates.find((candidate) => candidate.lengthsHours.includes(hours));
  return {
    id,
    employeeId,
    start,
    end: start + hours * HOUR_MS,
    templateId: template?.id ?? 'none',
  };
}

/** Allocations of the shift's employee to (queue, state) in every interval of the shift. */
export function allocationsFor(
  instance: PlanningInstance,
  shift: Shift,
  queueId: string,
  state: StateCode,
): Allocation[] {
  const { first, last } = intervalsWithin(buildGrid(instance.week), shift.start, shift.end);
  return Array.from({ length: Math.max(0, last - first) }, (_, k) => ({
    employeeId: shift.employeeId,
    intervalIndex: first + k,
    queueId,
    state,
  }));
}

/** Supervision shares of the shift's pharmacist for `state` in every interval of the shift. */
export function supervisionFor(
  instance: PlanningInstance,
  shift: Shift,
  state: StateCode,
  share = 1,
): SupervisionShare[] {
  const { first, last } = intervalsWithin(buildGrid(instance.week), shift.start, shift.end);
  return Array.from({ length: Math.max(0, last - first) }, (_, k) => ({
    employeeId: shift.employeeId,
    intervalIndex: first + k,
    state,
    share,
  }));
}
