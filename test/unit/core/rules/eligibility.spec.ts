import { describe, expect, it } from '@jest/globals';
import { fixtureEmployee, fixtureInstance } from '../../../../src/core/generator/fixture.js';
import type { Employee } from '../../../../src/core/model/employee.js';
import type { Queue } from '../../../../src/core/model/instance.js';
import { sampleRuleSet, sampleRuleSets } from '../../../../src/core/model/sample-rules.js';
import { isCertified, meetsStateCredential } from '../../../../src/core/rules/credentials.js';
import {
  remoteTaskShortfalls,
  supervisionRefusal,
  technicianRefusals,
} from '../../../../src/core/rules/eligibility.js';
import { ruleSetInForce } from '../../../../src/core/rules/rule-sets.js';

const DATE = '2026-04-15';
const registered = (state: string, extra: Partial<Employee> = {}) =>
  fixtureEmployee('t', 'TECHNICIAN', {
    licences: [
      { state, kind: 'TECHNICIAN_REGISTRATION', validFrom: '2020-01-01', validUntil: null },
    ],
    ...extra,
  });
const uncertified = { certifications: [] };
const reasons = (
  employee: Employee,
  state: string,
  task: 'EPRESCRIPTION_ENTRY' | 'CUSTOMER_CALLS' | 'QA_REVIEW',
) => remoteTaskShortfalls(employee, sampleRuleSet(state).tasks[task], state, DATE);

describe('remote-task rules of the sample states', () => {
  it('OH and IL: a registered technician may enter prescriptions remotely', () => {
    expect(reasons(registered('OH', uncertified), 'OH', 'EPRESCRIPTION_ENTRY')).toEqual([]);
    expect(reasons(registered('IL', uncertified), 'IL', 'EPRESCRIPTION_ENTRY')).toEqual([]);
    expect(
      reasons(fixtureEmployee('t', 'TECHNICIAN', { licences: [] }), 'OH', 'EPRESCRIPTION_ENTRY'),
    ).toHaveLength(1);
  });

  it('IL keeps QA review on site', () => {
    expect(reasons(registered('IL'), 'IL', 'QA_REVIEW')[0]).toMatch(
      /does not allow this task remotely/,
    );
  });

  it('IA: remote data entry only for certified technicians', () => {
    expect(reasons(registered('IA'), 'IA', 'EPRESCRIPTION_ENTRY')).toEqual([]);
    expect(reasons(registered('IA', uncertified), 'IA', 'EPRESCRIPTION_ENTRY')[0]).toMatch(
      /CPhT\/ExCPT/,
    );
    expect(reasons(registered('IA', uncertified), 'IA', 'CUSTOMER_CALLS')).toEqual([]);
  });

  it('NM: certified with at least 2,000 hours of data-entry experience', () => {
    expect(
      reasons(registered('NM', { experienceHours: 2000 }), 'NM', 'EPRESCRIPTION_ENTRY'),
    ).toEqual([]);
    expect(
      reasons(registered('NM', { experienceHours: 1999 }), 'NM', 'EPRESCRIPTION_ENTRY')[0],
    ).toMatch(/2000 h/);
  });

  it('AZ: licence, national certification and 1,000 hours', () => {
    const licensed = fixtureEmployee('t', 'TECHNICIAN', {
      licences: [
        { state: 'AZ', kind: 'TECHNICIAN_LICENCE', validFrom: '2020-01-01', validUntil: null },
      ],
      experienceHours: 1000,
    });
    expect(reasons(licensed, 'AZ', 'EPRESCRIPTION_ENTRY')).toEqual([]);
    expect(
      reasons({ ...licensed, experienceHours: 999 }, 'AZ', 'EPRESCRIPTION_ENTRY'),
    ).toHaveLength(1);
    expect(reasons(registered('AZ'), 'AZ', 'EPRESCRIPTION_ENTRY')[0]).toMatch(/licence/);
  });

  it('CA: remote processing needs a California technician licence', () => {
    expect(reasons(registered('CA'), 'CA', 'EPRESCRIPTION_ENTRY')).toHaveLength(1);
    expect(reasons(fixtureEmployee('t', 'TECHNICIAN'), 'CA', 'EPRESCRIPTION_ENTRY')).toEqual([]);
  });
});

describe('credentials are judged on the date', () => {
  it('a licence is valid through its last day and not after', () => {
    const employee = registered('NC', {
      licences: [
        {
          state: 'NC',
          kind: 'TECHNICIAN_REGISTRATION',
          validFrom: '2026-04-14',
          validUntil: '2026-04-16',
        },
      ],
    });
    expect(meetsStateCredential(employee, 'NC', 'REGISTRATION', '2026-04-13')).toBe(false);
    expect(meetsStateCredential(employee, 'NC', 'REGISTRATION', '2026-04-16')).toBe(true);
    expect(meetsStateCredential(employee, 'NC', 'REGISTRATION', '2026-04-17')).toBe(false);
    expect(meetsStateCredential(employee, 'NC', 'LICENCE', '2026-04-15')).toBe(false);
    expect(meetsStateCredential(employee, 'GA', 'NONE', '2026-04-15')).toBe(true);
  });

  it('only CPhT and ExCPT count, while valid', () => {
    const cert = (kind: 'CPHT' | 'EXCPT' | 'OTHER', expires: string | null) =>
      fixtureEmployee('t', 'TECHNICIAN', {
        certifications: [{ kind, obtained: '2024-01-01', expires }],
      });
    expect(isCertified(cert('EXCPT', null), DATE)).toBe(true);
    expect(isCertified(cert('OTHER', null), DATE)).toBe(false);
    expect(isCertified(cert('CPHT', '2026-04-15'), DATE)).toBe(true);
    expect(isCertified(cert('CPHT', '2026-04-14'), DATE)).toBe(false);
  });
});

describe('who may work and supervise', () => {
  const instance = fixtureInstance();
  const erx = instance.queues.find((queue) => queue.id === 'q-erx')!;
  const rules = (state: string) => ruleSetInForce(instance.ruleSets, state, DATE);

  it('a supervisor must hold the state licence where the rule says so', () => {
    const pharmacist = fixtureEmployee('p', 'PHARMACIST', {
      licences: [
        { state: 'NC', kind: 'PHARMACIST_LICENCE', validFrom: '2020-01-01', validUntil: null },
      ],
    });
    expect(supervisionRefusal(pharmacist, 'NC', DATE, rules('NC'))).toBeNull();
    expect(supervisionRefusal(pharmacist, 'GA', DATE, rules('GA'))).toMatch(
      /no pharmacist licence in GA/,
    );
    const relaxed = { ...rules('GA')!, supervisorMustHoldStateLicence: false };
    expect(supervisionRefusal(pharmacist, 'GA', DATE, relaxed)).toBeNull();
    expect(supervisionRefusal(fixtureEmployee('t', 'TECHNICIAN'), 'NC', DATE, rules('NC'))).toBe(
      'not a pharmacist',
    );
  });

  it('lists every refusal by rule name', () => {
    const queue: Queue = { ...erx, states: ['NC'] };
    const stranger = fixtureEmployee('t', 'TECHNICIAN', {
      skills: [],
      licences: [],
      certifications: [],
    });
    const names = technicianRefusals(stranger, queue, 'GA', DATE, rules('GA')).map(
      (refusal) => refusal.rule,
    );
    expect(names).toEqual(['SKILL', 'QUEUE_STATE', 'LICENCE', 'REMOTE_TASK']);
    expect(
      technicianRefusals(fixtureEmployee('t', 'TECHNICIAN'), erx, 'GA', DATE, rules('GA')),
    ).toEqual([]);
    expect(
      technicianRefusals(fixtureEmployee('t', 'TECHNICIAN'), erx, 'GA', DATE, null)[0].rule,
    ).toBe('NO_RULE_SET');
  });

  it('remote rules do not apply to on-site technicians', () => {
    const onSite = fixtureEmployee('t', 'TECHNICIAN', { remote: false, certifications: [] });
    expect(
      technicianRefusals(onSite, erx, 'GA', DATE, {
        ...rules('GA')!,
        tasks: sampleRuleSet('IL').tasks,
      }),
    ).toEqual([]);
  });
});

describe('rule-set versions', () => {
  it('picks the latest version effective on or before the date', () => {
    const base = sampleRuleSet('MA');
    const later = { ...base, id: 'ma-2026', effectiveFrom: '2026-04-16' };
    const sets = [...sampleRuleSets(), later];
    expect(ruleSetInForce(sets, 'MA', '2026-04-15')!.id).toBe(base.id);
    expect(ruleSetInForce(sets, 'MA', '2026-04-16')!.id).toBe('ma-2026');
    expect(ruleSetInForce(sets, 'MA', '2019-12-31')).toBeNull();
    expect(ruleSetInForce(sets, 'TX', '2026-04-16')).toBeNull();
  });
});
