import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  allocationsFor,
  FIXTURE_WEEK_START,
  fixtureEmployee,
  fixtureInstance,
  shiftOn,
} from '../../src/core/generator/fixture.js';
import type { Employee } from '../../src/core/model/employee.js';
import type { PlanningInstance } from '../../src/core/model/instance.js';
import type { Allocation, Roster, Shift } from '../../src/core/model/roster.js';
import { assignSupervision } from '../../src/core/rules/supervision-assignment.js';
import { PlanningInstanceLoader } from '../../src/planning/planning-instance.loader.js';
import { SampleOrganisationSeeder } from '../../src/planning/sample-organisation.seeder.js';
import { RosterShiftEntity } from '../../src/rostering/entities/roster-shift.entity.js';
import {
  RosterEntity,
  RosterSource,
  RosterStatus,
} from '../../src/rostering/entities/roster.entity.js';
import {
  shiftRows,
  storedAllocations,
  storedSupervision,
  toCoreRoster,
} from '../../src/rostering/roster.mapping.js';
import type { TestApp } from './test-app.js';

/**
 * A hand-made organisation for trade tests, on the fixture week (Mon 2026-04-13, New York): every
 * employee is available always and, unless stated, licensed in NC, GA, CA and OH.
 */
export const TRADE_WEEK = FIXTURE_WEEK_START;
/** Before the week: every shift of it can still be traded. */
export const BEFORE_WEEK = new Date('2026-04-10T12:00:00Z');

const licence = (state: string, validUntil: string | null = null) => ({
  state,
  kind: 'TECHNICIAN_LICENCE' as const,
  validFrom: '2020-01-01',
  validUntil,
});

export const PICKERS = Array.from(
  { length: 20 },
  (_, i) => `pick-${String(i + 1).padStart(2, '0')}`,
);

export function tradingEmployees(): Employee[] {
  const tech = (id: string, overrides: Partial<Employee> = {}) =>
    fixtureEmployee(id, 'TECHNICIAN', overrides);
  return [
    fixtureEmployee('p-a', 'PHARMACIST'),
    fixtureEmployee('p-c', 'PHARMACIST'),
    fixtureEmployee('p-b', 'PHARMACIST', {
      licences: [{ ...licence('OH'), kind: 'PHARMACIST_LICENCE' }],
    }),
    ...['t-a', 't-b', 't-c', 't-d', 't-e', 't-f', 't-rest'].map((id) => tech(id)),
    tech('t-nolic', { licences: [licence('GA'), licence('OH')] }),
    tech('t-exp', { licences: [licence('NC', '2026-04-14'), licence('GA'), licence('OH')] }),
    tech('t-ot', {
      contract: { ...fixtureEmployee('x', 'TECHNICIAN').contract, overtimeThresholdHours: 8 },
    }),
    ...PICKERS.map((id) => tech(id)),
  ];
}

/** Who works when (local New York time), and on what: NC e-prescriptions, or idle (no work). */
const ROSTER: { who: string; date: string; time: string; hours: number; nc: boolean }[] = [
  { who: 'p-a', date: '2026-04-14', time: '09:00', hours: 8, nc: false },
  { who: 'p-a', date: '2026-04-15', time: '07:00', hours: 10, nc: false },
  { who: 'p-a', date: '2026-04-16', time: '09:00', hours: 8, nc: false },
  { who: 'p-a', date: '2026-04-17', time: '09:00', hours: 8, nc: false },
  { who: 't-ot', date: '2026-04-13', time: '09:00', hours: 8, nc: false },
  { who: 't-b', date: '2026-04-14', time: '09:00', hours: 8, nc: true },
  { who: 't-rest', date: '2026-04-14', time: '14:00', hours: 8, nc: false },
  { who: 't-a', date: '2026-04-15', time: '09:00', hours: 8, nc: true },
  { who: 't-c', date: '2026-04-15', time: '09:00', hours: 8, nc: true },
  { who: 't-e', date: '2026-04-15', time: '07:00', hours: 8, nc: true },
  { who: 't-d', date: '2026-04-17', time: '09:00', hours: 8, nc: true },
  { who: 't-f', date: '2026-04-17', time: '09:00', hours: 8, nc: true },
];

export interface TradingWorld {
  readonly rosterId: string;
  /** Fixture id (e.g. `t-a`) to employee id. */
  readonly employee: (fixtureId: string) => string;
  /** The shift of a fixture employee on a local date. */
  readonly shift: (fixtureId: string, date: string) => string;
  readonly instance: PlanningInstance;
}

/** Seeds the organisation through the services and publishes the roster above (checker-clean). */
export async function publishTradingWorld(t: TestApp, managerToken: string): Promise<TradingWorld> {
  await t.app
    .get(SampleOrganisationSeeder)
    .seedInstance(fixtureInstance({ employees: tradingEmployees() }));
  const dataSource = t.app.get(DataSource);
  const ids = new Map<string, string>(
    (
      await dataSource.query<{ id: string; external_id: string }[]>(
        'SELECT id, external_id FROM employee',
      )
    ).map((row) => [row.external_id, row.id]),
  );
  const queueId = (
    await dataSource.query<{ id: string }[]>(`SELECT id FROM queue WHERE key = 'q-erx'`)
  )[0].id;
  const instance = await t.app
    .get(PlanningInstanceLoader)
    .load(TRADE_WEEK, { timeZone: 'America/New_York', previousRoster: null });
  const shifts: Shift[] = [];
  const allocations: Allocation[] = [];
  const byKey = new Map<string, string>();
  for (const entry of ROSTER) {
    const shift = shiftOn(
      instance,
      ids.get(entry.who)!,
      entry.date,
      entry.time,
      entry.hours,
      randomUUID(),
    );
    shifts.push(shift);
    byKey.set(`${entry.who}|${entry.date}`, shift.id);
    if (entry.nc) allocations.push(...allocationsFor(instance, shift, queueId, 'NC'));
  }
  const withoutShares: Roster = { shifts, allocations, supervision: [] };
  const roster: Roster = {
    ...withoutShares,
    supervision: assignSupervision(instance, withoutShares).supervision,
  };
  const stored = await dataSource.getRepository(RosterEntity).save({
    week: TRADE_WEEK,
    version: 1,
    status: RosterStatus.DRAFT,
    source: RosterSource.OPTIMIZER,
    timeZone: 'America/New_York',
    intervalMinutes: instance.week.intervalMinutes,
    allocations: storedAllocations(roster),
    supervision: storedSupervision(roster),
    createdBy: 'trading-fixture',
  });
  await dataSource.getRepository(RosterShiftEntity).insert(shiftRows(stored.id, shifts));
  const published = await t.gql(
    'mutation($id: ID!) { publishRoster(id: $id) { status } }',
    { id: stored.id },
    managerToken,
  );
  expect(published.errors).toBeUndefined();
  return {
    rosterId: stored.id,
    employee: (fixtureId) => ids.get(fixtureId)!,
    shift: (fixtureId, date) => byKey.get(`${fixtureId}|${date}`)!,
    instance,
  };
}

/** Publishes a copy of the week's published roster as a new version (with new shift ids). */
export async function publishCopy(t: TestApp, world: TradingWorld, managerToken: string) {
  const dataSource = t.app.get(DataSource);
  const current = await dataSource
    .getRepository(RosterEntity)
    .findOneByOrFail({ id: world.rosterId });
  const copy = await dataSource.getRepository(RosterEntity).save({
    week: current.week,
    version: current.version + 1,
    status: RosterStatus.DRAFT,
    source: RosterSource.OPTIMIZER,
    timeZone: current.timeZone,
    intervalMinutes: current.intervalMinutes,
    allocations: current.allocations,
    supervision: current.supervision,
    createdBy: 'trading-fixture',
  });
  const shifts = await dataSource.getRepository(RosterShiftEntity).findBy({ rosterId: current.id });
  await dataSource.getRepository(RosterShiftEntity).insert(
    shiftRows(
      copy.id,
      toCoreRoster(current, shifts).shifts.map((s) => ({ ...s, id: randomUUID() })),
    ),
  );
  const published = await t.gql(
    'mutation($id: ID!) { publishRoster(id: $id) { status } }',
    { id: copy.id },
    managerToken,
  );
  expect(published.errors).toBeUndefined();
  return copy.id;
}
