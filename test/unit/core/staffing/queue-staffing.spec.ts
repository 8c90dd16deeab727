import { describe, expect, it } from '@jest/globals';
import { ValidationFailedError } from '../../../../src/core/errors.js';
import {
  computeQueueStaffing,
  type QueueStaffingInput,
  scheduledStaffFor,
} from '../../../../src/core/staffing/index.js';

const example: QueueStaffingInput = {
  arrivals: 360,
  intervalSeconds: 1800,
  ahtSeconds: 240,
  targetAnswerSeconds: 20,
  targetServiceLevel: 0.8,
};

/** The error `run` throws (fails the test if it does not throw). */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a ValidationFailedError, nothing was thrown');
}

describe('computeQueueStaffing', () => {
  it('sizes the worked example: 54 agents, metrics at 54', () => {
    const result = computeQueueStaffing(example);
    expect(result.requiredAgents).toBe(54);
    expect(result.agents).toBe(54);
    expect(result.scheduledStaff).toBe(54);
    expect(result.offeredLoad).toBe(48);
    expect(result.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(result.abandonmentProbability).toBeNull();
  });

  it('evaluates a given staffing and still reports the requirement', () => {
    const result = computeQueueStaffing({ ...example, targetAnswerSeconds: 15, agents: 55 });
    expect(result.requiredAgents).toBeGreaterThan(48);
    expect(result.agents).toBe(55);
    expect(result.waitProbability).toBeCloseTo(0.2387, 4);
    expect(result.serviceLevel).toBeCloseTo(0.8459, 4);
    expect(result.averageSpeedOfAnswer).toBeCloseTo(8.18, 2);
    expect(result.occupancy).toBeCloseTo(0.873, 3);
  });

  it('reports an unstable staffing finitely (SL 0, ASA null)', () => {
    const result = computeQueueStaffing({ ...example, agents: 40 });
    expect(result).toMatchObject({
      serviceLevel: 0,
      waitProbability: 1,
      averageSpeedOfAnswer: null,
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('sizes for P(wait) <= 10 % with a zero-second target (6 agents)', () => {
    const result = computeQueueStaffing({
      arrivals: 30,
      intervalSeconds: 3600,
      ahtSeconds: 300,
      targetAnswerSeconds: 0,
      targetServiceLevel: 0.9,
    });
    expect(result.requiredAgents).toBe(6);
    expect(result.waitProbability).toBeLessThanOrEqual(0.1);
  });

  it('applies shrinkage and the occupancy cap', () => {
    const result = computeQueueStaffing({ ...example, shrinkage: 0.3, maxOccupancy: 0.85 });
    expect(result.requiredAgents).toBe(57);
    expect(result.scheduledStaff).toBe(Math.ceil(57 / 0.7));
    expect(scheduledStaffFor(7, 0.3)).toBe(10); // 7 / 0.7 is 10.000000000000002 in floating point
    expect(scheduledStaffFor(0, 0.5)).toBe(0);
  });

  it('uses Erlang A when a patience is given', () => {
    const result = computeQueueStaffing({ ...example, patienceSeconds: 120 });
    expect(result.requiredAgents).toBeLessThan(54);
    expect(result.abandonmentProbability).toBeGreaterThan(0);
    expect(result.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const overloaded = computeQueueStaffing({ ...example, patienceSeconds: 120, agents: 30 });
    expect(overloaded.abandonmentProbability).toBeGreaterThan(0.3);
    expect(overloaded.averageSpeedOfAnswer).not.toBeNull();
  });

  it('needs nobody for no calls', () => {
    const result = computeQueueStaffing({ ...example, arrivals: 0 });
    expect(result).toMatchObject({ requiredAgents: 0, scheduledStaff: 0, serviceLevel: 1 });
  });

  it('accepts null for the optional inputs, as GraphQL sends them', () => {
    const result = computeQueueStaffing({
      ...example,
      maxOccupancy: null,
      shrinkage: null,
      patienceSeconds: null,
      agents: null,
    });
    expect(result.requiredAgents).toBe(54);
  });
});

describe('computeQueueStaffing input validation', () => {
  it.each<[string, unknown]>([
    ['arrivals', -1],
    ['arrivals', Number.NaN],
    ['arrivals', Infinity],
    ['intervalSeconds', 0],
    ['intervalSeconds', -1800],
    ['ahtSeconds', 0],
    ['ahtSeconds', -240],
    ['ahtSeconds', Number.NaN],
    ['ahtSeconds', Infinity],
    ['targetAnswerSeconds', -1],
    ['targetAnswerSeconds', Infinity],
    ['targetServiceLevel', 0],
    ['targetServiceLevel', 1],
    ['targetServiceLevel', 1.5],
    ['targetServiceLevel', Number.NaN],
    ['maxOccupancy', 0],
    ['maxOccupancy', 1.01],
    ['shrinkage', -0.1],
    ['shrinkage', 1],
    ['patienceSeconds', 0],
    ['patienceSeconds', -30],
    ['patienceSeconds', Infinity],
    ['agents', -1],
    ['agents', 2.5],
    ['agents', Number.NaN],
    ['agents', '5'],
  ])('names %s when it is %p', (field, value) => {
    const error = thrownBy(() => computeQueueStaffing({ ...example, [field]: value }));
    expect(error).toBeInstanceOf(ValidationFailedError);
    const failure = error as ValidationFailedError;
    expect(failure.code).toBe('VALIDATION_FAILED');
    expect(failure.details.field).toBe(field);
    expect(failure.message).toMatch(new RegExp(`^${field}: `));
  });

  it('refuses an absurd offered load instead of searching forever', () => {
    const error = thrownBy(() => computeQueueStaffing({ ...example, arrivals: 1e12 }));
    expect((error as ValidationFailedError).details.field).toBe('arrivals');
  });
});
