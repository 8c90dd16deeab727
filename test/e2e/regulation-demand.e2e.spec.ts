import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';
import { databaseFingerprint } from '../support/db-snapshot.js';

let t: TestApp;
let admin: string;
let manager: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = t.token(Role.ADMIN, 'admin');
  manager = t.token(Role.MANAGER, 'manager');
});
afterAll(async () => {
  await t.close();
});

const PUBLISH = `mutation($input: PublishRuleSetInput!) { publishRuleSet(input: $input) { id state effectiveFrom supervision ratioTiers { minCertifiedTechnicians firstPharmacist eachAdditionalPharmacist } isSample createdBy } }`;
const MA_2025 = {
  state: 'MA',
  effectiveFrom: '2025-01-01',
  supervision: 'RATIO',
  ratioTiers: [
    { minCertifiedTechnicians: 0, firstPharmacist: 3, eachAdditionalPharmacist: 3 },
    { minCertifiedTechnicians: 2, firstPharmacist: 4, eachAdditionalPharmacist: 4 },
  ],
  citation: '247 CMR 8.06(3)(a)',
  isSample: true,
};

async function expectNothingWritten(
  run: () => Promise<{ errors?: { extensions?: { code?: string; field?: string } }[] }>,
  code: string,
  field?: string,
) {
  const before = await databaseFingerprint(t.database.url);
  const res = await run();
  expect(res.errors?.[0]?.extensions?.code).toBe(code);
  if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
  expect(await databaseFingerprint(t.database.url)).toEqual(before);
}

describe('jurisdiction rule sets', () => {
  it('publishes versions and answers which one is in force on a date', async () => {
    const first = await t.gql(PUBLISH, { input: MA_2025 }, admin);
    expect(first.errors).toBeUndefined();
    await t.gql(
      PUBLISH,
      {
        input: {
          ...MA_2025,
          effectiveFrom: '2026-07-01',
          ratioTiers: [
            { minCertifiedTechnicians: 0, firstPharmacist: 4, eachAdditionalPharmacist: 4 },
          ],
        },
      },
      admin,
    );
    const inForce = `query($on: LocalDate!) { ruleSetInForce(state: "MA", on: $on) { effectiveFrom ratioTiers { firstPharmacist } } }`;
    const june = await t.gql<{ ruleSetInForce: { effectiveFrom: string } }>(
      inForce,
      { on: '2026-06-30' },
      manager,
    );
    const july = await t.gql<{ ruleSetInForce: { effectiveFrom: string } }>(
      inForce,
      { on: '2026-07-01' },
      manager,
    );
    const before = await t.gql<{ ruleSetInForce: null }>(inForce, { on: '2024-12-31' }, manager);
    expect(june.data?.ruleSetInForce.effectiveFrom).toBe('2025-01-01');
    expect(july.data?.ruleSetInForce.effectiveFrom).toBe('2026-07-01');
    expect(before.data?.ruleSetInForce).toBeNull();
  });

  it('never edits a version: publishing the same state and date again is a CONFLICT', async () => {
    await expectNothingWritten(
      () => t.gql(PUBLISH, { input: MA_2025 }, admin),
      'CONFLICT',
      'input.effectiveFrom',
    );
  });

  it.each([
    ['an unknown state', { ...MA_2025, state: 'XX' }, 'input.state'],
    [
      'a ratio without a base tier',
      {
        ...MA_2025,
        effectiveFrom: '2027-01-01',
        ratioTiers: [
          { minCertifiedTechnicians: 2, firstPharmacist: 4, eachAdditionalPharmacist: 4 },
        ],
      },
      'input.ratioTiers',
    ],
    [
      'tiers on a NONE rule',
      { ...MA_2025, effectiveFrom: '2027-01-01', supervision: 'NONE' },
      'input.ratioTiers',
    ],
    [
      'a negative ratio',
      {
        ...MA_2025,
        effectiveFrom: '2027-01-01',
        ratioTiers: [
          { minCertifiedTechnicians: 0, firstPharmacist: -1, eachAdditionalPharmacist: 3 },
        ],
      },
      'input.ratioTiers[0].firstPharmacist',
    ],
  ])('rejects %s', async (_label, input, field) => {
    await expectNothingWritten(() => t.gql(PUBLISH, { input }, admin), 'VALIDATION_FAILED', field);
  });

  it('lets only administrators publish', async () => {
    await expectNothingWritten(
      () => t.gql(PUBLISH, { input: { ...MA_2025, effectiveFrom: '2028-01-01' } }, manager),
      'FORBIDDEN',
    );
  });
});

const UPSERT_QUEUE = `mutation($input: UpsertQueueInput!) { upsertQueue(input: $input) { id key channel states } }`;
const CLAIMS = {
  key: 'claims',
  name: 'Insurance claims',
  taskType: 'INSURANCE_CLAIMS',
  channel: 'DEFERRED',
  ahtSeconds: 600,
  deadlineMinutes: 1440,
  states: ['NC', 'MA'],
};
const CALLS = {
  key: 'calls',
  name: 'Patient calls',
  taskType: 'CUSTOMER_CALLS',
  channel: 'VOICE',
  ahtSeconds: 240,
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
  maxOccupancy: 0.85,
  shrinkage: 0.3,
  states: ['NC', 'MA'],
};
const IMPORT = `mutation($input: ImportForecastInput!) { importForecast(input: $input) { rows created updated unchanged } }`;

describe('queues, shift templates and forecasts', () => {
  beforeAll(async () => {
    await t.gql(UPSERT_QUEUE, { input: CLAIMS }, manager);
    await t.gql(UPSERT_QUEUE, { input: CALLS }, manager);
  });

  it('validates queue parameters per channel', async () => {
    await expectNothingWritten(
      () =>
        t.gql(
          UPSERT_QUEUE,
          { input: { ...CALLS, key: 'calls-2', targetServiceLevel: null } },
          manager,
        ),
      'VALIDATION_FAILED',
      'input.targetServiceLevel',
    );
    await expectNothingWritten(
      () =>
        t.gql(
          UPSERT_QUEUE,
          { input: { ...CALLS, key: 'calls-3', targetServiceLevel: 1.5 } },
          manager,
        ),
      'VALIDATION_FAILED',
      'input.targetServiceLevel',
    );
    await expectNothingWritten(
      () =>
        t.gql(
          UPSERT_QUEUE,
          { input: { ...CLAIMS, key: 'claims-2', deadlineMinutes: null } },
          manager,
        ),
      'VALIDATION_FAILED',
      'input.deadlineMinutes',
    );
  });

  it('stores shift templates in local time', async () => {
    const res = await t.gql<{
      upsertShiftTemplate: { startTimes: string[]; lengthMinutes: number[] };
    }>(
      `mutation($input: UpsertShiftTemplateInput!) { upsertShiftTemplate(input: $input) { startTimes lengthMinutes } }`,
      {
        input: {
          key: 'day',
          name: 'Day shifts',
          startTimes: ['09:00', '07:00', '07:30'],
          lengthMinutes: [480, 240],
          unpaidBreaks: [{ minShiftMinutes: 360, unpaidMinutes: 30 }],
        },
      },
      manager,
    );
    expect(res.data?.upsertShiftTemplate).toEqual({
      startTimes: ['07:00', '07:30', '09:00'],
      lengthMinutes: [240, 480],
    });
  });

  it('imports a forecast idempotently by (queue, state, interval)', async () => {
    const rows = Array.from({ length: 96 }, (_, i) => ({
      queueKey: 'calls',
      state: 'NC',
      intervalStart: new Date(Date.UTC(2026, 11, 7) + i * 1_800_000).toISOString(),
      volume: 10 + (i % 7),
    }));
    const first = await t.gql<{ importForecast: object }>(
      IMPORT,
      { input: { intervalMinutes: 30, rows } },
      manager,
    );
    expect(first.data?.importForecast).toEqual({ rows: 96, created: 96, updated: 0, unchanged: 0 });
    const again = await t.gql<{ importForecast: object }>(
      IMPORT,
      { input: { intervalMinutes: 30, rows } },
      manager,
    );
    expect(again.data?.importForecast).toEqual({ rows: 96, created: 0, updated: 0, unchanged: 96 });
    const changed = await t.gql<{ importForecast: object }>(
      IMPORT,
      { input: { intervalMinutes: 30, rows: [{ ...rows[0], volume: 99 }] } },
      manager,
    );
    expect(changed.data?.importForecast).toEqual({ rows: 1, created: 0, updated: 1, unchanged: 0 });
    const points = await t.gql<{ forecast: { volume: number }[] }>(
      `{ forecast(queueKey: "calls", state: "NC", from: "2026-12-07T00:00:00Z", to: "2026-12-07T01:00:00Z") { volume intervalStart } }`,
      undefined,
      manager,
    );
    expect(points.data?.forecast.map((p) => p.volume)).toEqual([99, 11]);
  });

  const good = {
    queueKey: 'claims',
    state: 'NC',
    intervalStart: '2026-12-08T10:00:00Z',
    volume: 5,
  };
  it.each([
    ['a negative volume', { ...good, volume: -1 }, 'input.rows[1].volume'],
    [
      'an interval off the grid',
      { ...good, intervalStart: '2026-12-08T10:10:00Z' },
      'input.rows[1].intervalStart',
    ],
    ['an unknown queue', { ...good, queueKey: 'nope' }, 'input.rows[1].queueKey'],
    ['a state the queue does not serve', { ...good, state: 'GA' }, 'input.rows[1].state'],
    ['an unknown state code', { ...good, state: 'QQ' }, 'input.rows[1].state'],
  ])('rejects a forecast with %s, writing nothing', async (_label, bad, field) => {
    await expectNothingWritten(
      () => t.gql(IMPORT, { input: { intervalMinutes: 30, rows: [good, bad] } }, manager),
      'VALIDATION_FAILED',
      field,
    );
  });

  it('rejects a non-numeric volume as VALIDATION_FAILED', async () => {
    await expectNothingWritten(
      () =>
        t.gql(
          IMPORT,
          { input: { intervalMinutes: 30, rows: [{ ...good, volume: 'many' }] } },
          manager,
        ),
      'VALIDATION_FAILED',
    );
  });

  it('imports CSV through the same path, naming the line of a bad value', async () => {
    const csv =
      'queue,state,interval_start,volume\nclaims,MA,2026-12-09T10:00:00Z,4\nclaims,MA,2026-12-09T10:30:00Z,6.5\n';
    const ok = await t.gql<{ importForecastCsv: object }>(
      `mutation($input: ImportForecastCsvInput!) { importForecastCsv(input: $input) { rows created } }`,
      { input: { intervalMinutes: 30, csv } },
      manager,
    );
    expect(ok.data?.importForecastCsv).toEqual({ rows: 2, created: 2 });
    await expectNothingWritten(
      () =>
        t.gql(
          `mutation($input: ImportForecastCsvInput!) { importForecastCsv(input: $input) { rows } }`,
          { input: { intervalMinutes: 30, csv: csv + 'claims,MA,2026-12-09T11:00:00Z,lots\n' } },
          manager,
        ),
      'VALIDATION_FAILED',
      'csv line 4.volume',
    );
  });

  it('refuses a 15-minute forecast over a stored 30-minute one', async () => {
    const row = {
      queueKey: 'calls',
      state: 'NC',
      intervalStart: '2026-12-07T00:15:00Z',
      volume: 3,
    };
    await expectNothingWritten(
      () => t.gql(IMPORT, { input: { intervalMinutes: 15, rows: [row] } }, manager),
      'VALIDATION_FAILED',
      'input.intervalMinutes',
    );
  });
});
