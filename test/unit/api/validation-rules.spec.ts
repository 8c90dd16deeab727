import { describe, expect, it } from '@jest/globals';
import { ValidationFailedError } from '../../../src/core/errors.js';
import { forecastRowProblems, parseForecastCsv } from '../../../src/demand/forecast.service.js';
import type { QueueEntity } from '../../../src/demand/entities/queue.entity.js';
import { assertCoherentRuleSet } from '../../../src/regulation/rule-set.service.js';
import { SupervisionKind } from '../../../src/regulation/jurisdiction-rule-set.entity.js';
import type { PublishRuleSetInput } from '../../../src/regulation/graphql/rule-set.model.js';
import { toWindowMinutes } from '../../../src/workforce/availability.service.js';
import { assertUniqueKeys } from '../../../src/workforce/employee-import.service.js';

const field = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.details.field;
    throw error;
  }
  return undefined;
};

describe('rule-set versions', () => {
  const base = {
    state: 'MA',
    effectiveFrom: '2027-01-01',
    supervision: SupervisionKind.RATIO,
    ratioTiers: [{ minCertifiedTechnicians: 0, firstPharmacist: 3, eachAdditionalPharmacist: 3 }],
    taskRules: [],
    citation: 'x',
  } as unknown as PublishRuleSetInput;

  it('accepts a base tier and distinct thresholds', () => {
    expect(
      field(() =>
        assertCoherentRuleSet({
          ...base,
          ratioTiers: [
            ...base.ratioTiers,
            { minCertifiedTechnicians: 2, firstPharmacist: 4, eachAdditionalPharmacist: 4 },
          ],
        }),
      ),
    ).toBeUndefined();
  });

  it.each([
    [
      'no base tier',
      {
        ratioTiers: [
          { minCertifiedTechnicians: 1, firstPharmacist: 3, eachAdditionalPharmacist: 3 },
        ],
      },
      'input.ratioTiers',
    ],
    [
      'a repeated threshold',
      { ratioTiers: [base.ratioTiers[0], base.ratioTiers[0]] },
      'input.ratioTiers[1].minCertifiedTechnicians',
    ],
    ['tiers on a NONE rule', { supervision: SupervisionKind.NONE }, 'input.ratioTiers'],
    [
      'a task type twice',
      { taskRules: [{ taskType: 'QA_REVIEW' }, { taskType: 'QA_REVIEW' }] },
      'input.taskRules[1].taskType',
    ],
  ])('refuses %s', (_label, change, expected) => {
    expect(field(() => assertCoherentRuleSet({ ...base, ...change } as PublishRuleSetInput))).toBe(
      expected,
    );
  });
});

describe('availability windows', () => {
  it('converts local times to minutes, with a window to midnight', () => {
    expect(
      toWindowMinutes([
        { dayOfWeek: 1, start: '08:30', end: '12:00' },
        { dayOfWeek: 1, start: '13:00', end: null },
      ]),
    ).toEqual([
      { dayOfWeek: 1, startMinute: 510, endMinute: 720 },
      { dayOfWeek: 1, startMinute: 780, endMinute: 1440 },
    ]);
  });

  it('refuses an end before its start and overlapping windows of one day, but not of two days', () => {
    expect(field(() => toWindowMinutes([{ dayOfWeek: 2, start: '10:00', end: '09:00' }]))).toBe(
      'input.windows[0].end',
    );
    expect(
      field(() =>
        toWindowMinutes([
          { dayOfWeek: 2, start: '10:00', end: '12:00' },
          { dayOfWeek: 2, start: '09:00', end: '10:30' },
        ]),
      ),
    ).toBe('input.windows[0]');
    expect(
      field(() =>
        toWindowMinutes([
          { dayOfWeek: 2, start: '10:00', end: '12:00' },
          { dayOfWeek: 3, start: '09:00', end: '10:30' },
        ]),
      ),
    ).toBeUndefined();
  });
});

describe('bulk keys', () => {
  it('names the second occurrence of a duplicated key', () => {
    expect(field(() => assertUniqueKeys(['a', 'b', 'a'], 'externalId'))).toBe(
      'input.rows[2].externalId',
    );
    expect(field(() => assertUniqueKeys(['a', 'b'], 'externalId'))).toBeUndefined();
  });
});

describe('forecast rows', () => {
  const queue = { key: 'calls', states: ['NC'] } as QueueEntity;
  const queues = new Map([['calls', queue]]);
  const row = {
    queueKey: 'calls',
    state: 'NC',
    intervalStart: new Date('2026-12-07T10:30:00Z'),
    volume: 4,
  };
  const label = (i: number) => `input.rows[${i}]`;

  it('accepts rows on the grid and reports every problem with its row', () => {
    expect(forecastRowProblems([row], 30, queues, label)).toEqual([]);
    const problems = forecastRowProblems(
      [
        { ...row, volume: -1 },
        { ...row, intervalStart: new Date('2026-12-07T10:15:00Z') },
        { ...row, state: 'GA' },
        { ...row, queueKey: 'nope' },
        { ...row, volume: Number.NaN },
        row,
        row,
      ],
      30,
      queues,
      label,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'input.rows[0].volume',
      'input.rows[1].intervalStart',
      'input.rows[2].state',
      'input.rows[3].queueKey',
      'input.rows[4].volume',
      'input.rows[4].intervalStart', // the same queue, state and interval as rows[0]
      'input.rows[5].intervalStart',
      'input.rows[6].intervalStart',
    ]);
  });

  it('accepts a 15-minute grid only for quarter hours', () => {
    expect(
      forecastRowProblems(
        [{ ...row, intervalStart: new Date('2026-12-07T10:15:00Z') }],
        15,
        queues,
        label,
      ),
    ).toEqual([]);
  });

  it('parses CSV strictly, naming the line', () => {
    expect(
      parseForecastCsv('queue,state,interval_start,volume\ncalls,NC,2026-12-07T10:30:00Z,4.5\n'),
    ).toEqual([{ ...row, volume: 4.5 }]);
    expect(
      field(() =>
        parseForecastCsv('queue,state,interval_start,volume\ncalls,NC,2026-12-07T10:30:00Z,four\n'),
      ),
    ).toBe('csv line 2.volume');
    expect(
      field(() => parseForecastCsv('queue,state,interval_start,volume\ncalls,NC,yesterday,4\n')),
    ).toBe('csv line 2.interval_start');
    expect(field(() => parseForecastCsv('q,s,t,v\n'))).toBe('input.csv');
    expect(field(() => parseForecastCsv('queue,state,interval_start,volume\n'))).toBe('input.csv');
  });
});
