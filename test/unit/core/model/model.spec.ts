import { describe, expect, it } from '@jest/globals';
import { ValidationFailedError } from '../../../../src/core/errors.js';
import { fixtureEmployee, fixtureInstance } from '../../../../src/core/generator/fixture.js';
import { alwaysAvailable } from '../../../../src/core/model/employee.js';
import type { PlanningInstance } from '../../../../src/core/model/instance.js';
import { TASK_TYPES } from '../../../../src/core/model/jurisdiction.js';
import { emptyRoster } from '../../../../src/core/model/roster.js';
import {
  SAMPLE_RULE_STATES,
  sampleRuleSet,
  sampleRuleSets,
} from '../../../../src/core/model/sample-rules.js';
import {
  assertValidInstance,
  instanceProblems,
} from '../../../../src/core/model/validate-instance.js';

const fields = (instance: PlanningInstance) =>
  instanceProblems(instance).map((problem) => problem.field);

describe('sample rule sets', () => {
  it('cover the nine states of the domain notes, marked as samples with citations', () => {
    expect(SAMPLE_RULE_STATES).toEqual(['NC', 'MA', 'GA', 'CA', 'OH', 'IA', 'NM', 'IL', 'AZ']);
    for (const rules of sampleRuleSets()) {
      expect(rules.confidenceNote).toMatch(/^SAMPLE: verify with the state board/);
      expect(rules.citation.length).toBeGreaterThan(5);
      expect(Object.keys(rules.tasks).sort()).toEqual([...TASK_TYPES].sort());
    }
  });

  it('NC, MA, GA and CA have ratios; OH, IA, NM, IL and AZ do not', () => {
    const kinds = Object.fromEntries(
      sampleRuleSets().map((rules) => [rules.state, rules.supervision.kind]),
    );
    expect(kinds).toEqual({
      NC: 'RATIO',
      MA: 'RATIO',
      GA: 'RATIO',
      CA: 'RATIO',
      OH: 'NONE',
      IA: 'NONE',
      NM: 'NONE',
      IL: 'NONE',
      AZ: 'NONE',
    });
    expect(sampleRuleSet('MA').internsCount).toBe(true);
  });

  it('hands out copies, so callers cannot change the samples', () => {
    const copy = sampleRuleSet('NC') as { citation: string };
    copy.citation = 'changed';
    expect(sampleRuleSet('NC').citation).toBe('21 NCAC 46.3301(e)');
  });
});

describe('instance validation', () => {
  it('accepts the fixture', () => {
    expect(instanceProblems(fixtureInstance())).toEqual([]);
    expect(() => assertValidInstance(fixtureInstance())).not.toThrow();
  });

  it('names each problem by its input path', () => {
    const base = fixtureInstance();
    const broken: PlanningInstance = {
      ...base,
      week: { ...base.week, weekStart: '2026-04-14' },
      employees: [
        fixtureEmployee('a', 'TECHNICIAN', { timeZone: 'Mars/Olympus', skills: ['q-none'] }),
        fixtureEmployee('a', 'PHARMACIST', {
          availability: [{ dayOfWeek: 1, start: '22:00', end: '02:00' }],
        }),
      ],
      demand: [{ intervalIndex: 400, queueId: 'q-erx', state: 'TX', required: -1 }],
      ruleSets: [...base.ruleSets, { ...sampleRuleSet('NC'), id: 'again' }],
    };
    expect(fields(broken)).toEqual([
      'week.weekStart',
      'employees[1].id',
      'employees[0].timeZone',
      'employees[0].skills[0]',
      'employees[1].availability[0]',
      'ruleSets[9]',
      'demand[0].intervalIndex',
      'demand[0]',
      'demand[0].required',
    ]);
  });

  it('throws VALIDATION_FAILED naming the first problem', () => {
    const instance = fixtureInstance({
      week: { weekStart: '2026-04-13', timeZone: 'Nowhere/City', intervalMinutes: 30 },
    });
    expect(() => assertValidInstance(instance)).toThrow(ValidationFailedError);
    expect(() => assertValidInstance(instance)).toThrow(/week.timeZone: must be an IANA time zone/);
  });
});

describe('model values', () => {
  it('are plain data: instances and rosters survive structured cloning', () => {
    const instance = fixtureInstance();
    expect(structuredClone(instance)).toEqual(instance);
    expect(structuredClone(emptyRoster())).toEqual({
      shifts: [],
      allocations: [],
      supervision: [],
    });
  });

  it('alwaysAvailable gives seven all-day windows', () => {
    expect(alwaysAvailable()).toHaveLength(7);
    expect(alwaysAvailable()[6]).toEqual({ dayOfWeek: 7, start: '00:00', end: '24:00' });
  });
});
