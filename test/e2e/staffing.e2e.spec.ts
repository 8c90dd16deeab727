import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';

let t: TestApp;
let manager: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = t.token(Role.MANAGER, 'manager');
});
afterAll(async () => {
  await t.close();
});

const CALCULATE = `query($input: QueueStaffingInput!) {
  queueStaffing(input: $input) { requiredAgents scheduledStaff agents offeredLoad serviceLevel averageSpeedOfAnswer occupancy waitProbability abandonmentProbability }
}`;
const EXAMPLE = {
  arrivals: 360,
  intervalSeconds: 1800,
  ahtSeconds: 240,
  targetAnswerSeconds: 15,
  targetServiceLevel: 0.8,
};

interface Staffing {
  requiredAgents: number;
  scheduledStaff: number;
  serviceLevel: number;
  averageSpeedOfAnswer: number;
  occupancy: number;
  waitProbability: number;
  abandonmentProbability: number | null;
}

describe('queueStaffing calculator', () => {
  it('evaluates the worked example: 360 calls in 30 min, AHT 240 s, 55 agents, 15 s target', async () => {
    const res = await t.gql<{ queueStaffing: Staffing }>(
      CALCULATE,
      { input: { ...EXAMPLE, agents: 55 } },
      manager,
    );
    expect(res.errors).toBeUndefined();
    const s = res.data!.queueStaffing;
    expect(s.waitProbability).toBeCloseTo(0.2387, 3);
    expect(s.serviceLevel).toBeCloseTo(0.8459, 3);
    expect(s.averageSpeedOfAnswer).toBeCloseTo(8.18, 1);
    expect(s.occupancy).toBeCloseTo(0.873, 3);
    expect(s.abandonmentProbability).toBeNull();
  });

  it('sizes 80 % in 20 s at 54 agents, and schedules more after shrinkage', async () => {
    const res = await t.gql<{ queueStaffing: Staffing }>(
      CALCULATE,
      { input: { ...EXAMPLE, targetAnswerSeconds: 20, shrinkage: 0.3 } },
      manager,
    );
    expect(res.data?.queueStaffing).toMatchObject({ requiredAgents: 54, scheduledStaff: 78 });
  });

  it('reports abandonment with a patience (Erlang A)', async () => {
    const res = await t.gql<{ queueStaffing: Staffing }>(
      CALCULATE,
      { input: { ...EXAMPLE, agents: 45, patienceSeconds: 120 } },
      manager,
    );
    expect(res.data?.queueStaffing.abandonmentProbability).toBeGreaterThan(0);
    expect(res.data?.queueStaffing.serviceLevel).toBeGreaterThan(0);
  });

  it.each([
    ['ahtSeconds', 0],
    ['ahtSeconds', -5],
    ['targetServiceLevel', 1.2],
    ['targetServiceLevel', 0],
    ['maxOccupancy', 0],
    ['maxOccupancy', 1.5],
    ['intervalSeconds', 0],
    ['shrinkage', 1],
    ['arrivals', -1],
  ])('rejects %s = %p as VALIDATION_FAILED naming the field', async (field, value) => {
    const res = await t.gql(CALCULATE, { input: { ...EXAMPLE, [field]: value } }, manager);
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0]?.extensions?.field).toBe(`input.${field}`);
    expect(res.errors?.[0]?.message).toContain(field);
  });

  it('rejects NaN (a non-numeric Float) as VALIDATION_FAILED', async () => {
    const res = await t.gql(CALCULATE, { input: { ...EXAMPLE, ahtSeconds: 'NaN' } }, manager);
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toContain('ahtSeconds');
  });
});

describe('staffingRequirements from stored forecasts', () => {
  beforeAll(async () => {
    await t.gql(
      `mutation { upsertQueue(input: { key: "calls", name: "Calls", taskType: CUSTOMER_CALLS, channel: VOICE, ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20, shrinkage: 0.3, states: ["OH"] }) { id } }
      `,
      undefined,
      manager,
    );
    await t.gql(
      `mutation { upsertQueue(input: { key: "claims", name: "Claims", taskType: INSURANCE_CLAIMS, channel: DEFERRED, ahtSeconds: 600, deadlineMinutes: 1440, states: ["OH"] }) { id } }`,
      undefined,
      manager,
    );
    // The week of Monday 2026-10-26 in New York ends on Monday 2026-11-02 00:00 EST: 169 hours.
    const start = Date.parse('2026-10-26T04:00:00Z');
    const rows = Array.from({ length: 338 }, (_, i) => ({
      queueKey: 'calls',
      state: 'OH',
      intervalStart: new Date(start + i * 1_800_000).toISOString(),
      volume: i === 20 ? 360 : 0,
    }));
    const claims = Array.from({ length: 338 }, (_, i) => ({
      queueKey: 'claims',
      state: 'OH',
      intervalStart: new Date(start + i * 1_800_000).toISOString(),
      volume: i % 48 === 18 ? 90 : 0,
    }));
    const imported = await t.gql(
      `mutation($input: ImportForecastInput!) { importForecast(input: $input) { rows } }`,
      { input: { intervalMinutes: 30, rows: [...rows, ...claims] } },
      manager,
    );
    expect(imported.errors).toBeUndefined();
  });

  const REQUIREMENTS = `query($week: LocalDate!, $queue: String!) {
    staffingRequirements(week: $week, queueKey: $queue, state: "OH") {
      channel intervalMinutes totalVolume requiredAgentHours minimumLevelStaff intervals { intervalStart volume requiredAgents scheduledStaff serviceLevel }
    }
  }`;
  interface Requirements {
    staffingRequirements: {
      intervals: {
        intervalStart: string;
        volume: number;
        requiredAgents: number;
        scheduledStaff: number;
        serviceLevel: number | null;
      }[];
      totalVolume: number;
      requiredAgentHours: number;
      minimumLevelStaff: number | null;
    };
  }

  it('covers the 169 hours of the week in which daylight saving ends, sized per interval', async () => {
    const res = await t.gql<Requirements>(
      REQUIREMENTS,
      { week: '2026-10-26', queue: 'calls' },
      manager,
    );
    expect(res.errors).toBeUndefined();
    const { intervals, totalVolume } = res.data!.staffingRequirements;
    expect(intervals).toHaveLength(338);
    expect(intervals[0].intervalStart).toBe('2026-10-26T04:00:00.000Z');
    expect(intervals.at(-1)!.intervalStart).toBe('2026-11-02T04:30:00.000Z');
    expect(totalVolume).toBe(360);
    expect(intervals[20]).toMatchObject({ volume: 360, requiredAgents: 54, scheduledStaff: 78 });
    expect(intervals[20].serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(intervals[21]).toMatchObject({ volume: 0, requiredAgents: 0 });
  });

  it('levels deferred work within its deadline', async () => {
    const res = await t.gql<Requirements>(
      REQUIREMENTS,
      { week: '2026-10-26', queue: 'claims' },
      manager,
    );
    const { intervals, minimumLevelStaff } = res.data!.staffingRequirements;
    expect(intervals[18]).toMatchObject({ volume: 90, requiredAgents: 30 });
    expect(minimumLevelStaff).toBeGreaterThanOrEqual(1);
    expect(minimumLevelStaff).toBeLessThan(30);
  });

  it.each([
    [{ week: '2026-10-27', queue: 'calls' }, 'VALIDATION_FAILED', 'week'],
    [{ week: '2026-10-26', queue: 'nope' }, 'NOT_FOUND', 'queueKey'],
  ])('rejects %j', async (variables, code, field) => {
    const res = await t.gql(REQUIREMENTS, variables, manager);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, field });
  });
});
