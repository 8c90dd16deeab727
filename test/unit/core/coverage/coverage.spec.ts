import { describe, expect, it } from '@jest/globals';
import { rosterCoverage } from '../../../../src/core/coverage/coverage.js';
import {
  allocationsFor,
  fixtureEmployee,
  fixtureInstance,
  shiftOn,
  supervisionFor,
} from '../../../../src/core/generator/index.js';

describe('rosterCoverage', () => {
  const base = fixtureInstance({
    employees: [
      fixtureEmployee('tech-1', 'TECHNICIAN'),
      fixtureEmployee('tech-2', 'TECHNICIAN', { certifications: [] }),
      fixtureEmployee('pharm-1', 'PHARMACIST'),
    ],
  });
  const t1 = shiftOn(base, 'tech-1', '2026-04-14', '09:00', 4);
  const t2 = shiftOn(base, 'tech-2', '2026-04-14', '09:00', 4);
  const p1 = shiftOn(base, 'pharm-1', '2026-04-14', '09:00', 4);
  const allocations = [
    ...allocationsFor(base, t1, 'q-erx', 'NC'),
    ...allocationsFor(base, t2, 'q-erx', 'NC'),
  ];
  const interval = allocations[0].intervalIndex;
  const instance = {
    ...base,
    demand: [{ intervalIndex: interval, queueId: 'q-erx', state: 'NC', required: 3 }],
  };
  const coverage = rosterCoverage(instance, {
    shifts: [t1, t2, p1],
    allocations,
    supervision: supervisionFor(base, p1, 'NC'),
  });

  it('counts scheduled against required staff per interval, queue and state', () => {
    expect(coverage.cells.find((c) => c.intervalIndex === interval)).toEqual({
      intervalIndex: interval,
      queueId: 'q-erx',
      state: 'NC',
      required: 3,
      scheduled: 2,
    });
    expect(coverage.cells.filter((c) => c.required === 0).every((c) => c.scheduled === 2)).toBe(
      true,
    );
  });

  it('reports supervision headroom from the ratio rules (NC: 4 per pharmacist, at most 2 uncertified; 1 certified => 3)', () => {
    const cell = coverage.supervision.find(
      (c) => c.intervalIndex === interval && c.state === 'NC',
    )!;
    expect(cell.used).toBe(2);
    expect(cell.allowed).toBe(3);
    expect(cell.headroom).toBe(1);
  });
});
