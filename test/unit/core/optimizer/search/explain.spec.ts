import { describe, expect, it } from '@jest/globals';
import {
  fixtureEmployee,
  fixtureInstance,
  shiftOn,
} from '../../../../../src/core/generator/fixture.js';
import type { Employee } from '../../../../../src/core/model/employee.js';
import type { PlanningInstance } from '../../../../../src/core/model/instance.js';
import { explainShortages } from '../../../../../src/core/optimizer/search/explain.js';
import {
  type Candidate,
  SearchModel,
  type Week,
} from '../../../../../src/core/optimizer/search/model.js';
import { RosterState } from '../../../../../src/core/optimizer/search/state.js';
import type { ShortageExplanation } from '../../../../../src/core/optimizer/types.js';
import { DATE, intervalAt } from './helpers.js';

/**
 * One reason per test: a fixture week where exactly that cause leaves Tuesday 10:00 short, with
 * the roster given shift by shift (`on`: employee id -> local dates of a 09:00-17:00 shift).
 */
function explain(
  employees: Employee[],
  demandState: string,
  required: number,
  on: Record<string, string[]>,
): { instance: PlanningInstance; short: ShortageExplanation | undefined } {
  const base = fixtureInstance({ employees });
  const instance: PlanningInstance = {
    ...base,
    queues: base.queues.map((queue) => ({ ...queue, states: [...queue.states, 'MA'] })),
    demand: [{ intervalIndex: intervalAt(base), queueId: 'q-erx', state: demandState, required }],
  };
  const model = new SearchModel(instance);
  const weeks: Week[] = employees.map((employee, e) => {
    const week: Week = Array<Candidate | null>(7).fill(null);
    for (const date of on[employee.id] ?? []) {
      const shift = shiftOn(instance, employee.id, date, '09:00', 8);
      const candidate = model.candidates[e].find(
        (c) => c.start === shift.start && c.end === shift.end,
      );
      if (!candidate) throw new Error(`No candidate for ${employee.id} on ${date}`);
      week[candidate.day] = candidate;
    }
    return week;
  });
  const state = new RosterState(model, weeks);
  const explanations = explainShortages(model, state.weeks, state.outcomes);
  return { instance, short: explanations.find((x) => x.intervalIndex === intervalAt(instance)) };
}

const kinds = (short: ShortageExplanation | undefined) => short?.reasons.map((r) => r.kind);
const technician = (id: string, overrides: Partial<Employee> = {}) =>
  fixtureEmployee(id, 'TECHNICIAN', overrides);
const pharmacist = (id: string, overrides: Partial<Employee> = {}) =>
  fixtureEmployee(id, 'PHARMACIST', overrides);
const licensedIn = (role: 'TECHNICIAN' | 'PHARMACIST', ...states: string[]) =>
  states.map((state) => ({
    state,
    kind: role === 'PHARMACIST' ? ('PHARMACIST_LICENCE' as const) : ('TECHNICIAN_LICENCE' as const),
    validFrom: '2020-01-01',
    validUntil: null,
  }));

describe('explainShortages: one reason where exactly that cause binds', () => {
  it('NO_LICENSED_TECHNICIAN: nobody may work the queue for the state', () => {
    const { short } = explain([technician('t1')], 'MA', 1, { t1: [DATE] });
    expect(short?.shortStaff).toBe(1);
    expect(kinds(short)).toEqual(['NO_LICENSED_TECHNICIAN']);
    expect(short?.reasons[0].message).toContain('MA');
  });

  it('AVAILABILITY: the licensed technicians cannot be on a shift then', () => {
    const mondayOnly = [{ dayOfWeek: 1 as const, start: '00:00', end: '24:00' }];
    const { short } = explain([technician('t1', { availability: mondayOnly })], 'OH', 1, {});
    expect(kinds(short)).toEqual(['AVAILABILITY']);
  });

  it('NO_ELIGIBLE_SUPERVISOR: technicians on duty, no pharmacist on duty may supervise the state', () => {
    const employees = [
      technician('t1'),
      pharmacist('p1', { licences: licensedIn('PHARMACIST', 'NC') }),
    ];
    const { short } = explain(employees, 'CA', 1, { t1: [DATE], p1: [DATE] });
    expect(kinds(short)).toEqual(['NO_ELIGIBLE_SUPERVISOR']);
  });

  it('SUPERVISION_RATIO_BINDING: one CA pharmacist supervises one of three technicians on duty', () => {
    const employees = [technician('t1'), technician('t2'), technician('t3'), pharmacist('p1')];
    const all = { t1: [DATE], t2: [DATE], t3: [DATE], p1: [DATE] };
    const { short } = explain(employees, 'CA', 3, all);
    expect(short?.shortStaff).toBe(2);
    expect(kinds(short)).toEqual(['SUPERVISION_RATIO_BINDING']);
  });

  it('HOURS_OR_REST_LIMITS: the technician off duty is at their weekly maximum', () => {
    const contract = { ...technician('x').contract, maxHoursPerWeek: 8 };
    const { short } = explain([technician('t1', { contract })], 'OH', 1, { t1: ['2026-04-13'] });
    expect(kinds(short)).toEqual(['HOURS_OR_REST_LIMITS']);
  });

  it('COST_TRADE_OFF: a technician off duty could have covered it', () => {
    const { short } = explain([technician('t1')], 'OH', 1, {});
    expect(kinds(short)).toEqual(['COST_TRADE_OFF']);
    expect(short?.reasons[0].message).toContain('could cover');
  });

  it('no explanation where the demand is met', () => {
    const { short } = explain([technician('t1')], 'OH', 1, { t1: [DATE] });
    expect(short).toBeUndefined();
  });
});
