import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { SupervisionRule } from '../../../../src/core/model/jurisdiction.js';
import { sampleRuleSet } from '../../../../src/core/model/sample-rules.js';
import {
  allowedTechnicians,
  isSupervisionSufficient,
  requiredPharmacistEquivalents,
  tierCapacity,
} from '../../../../src/core/rules/supervision.js';

const rule = (state: string): SupervisionRule => sampleRuleSet(state).supervision;
const ok = (state: string, pharmacists: number, technicians: number, certified: number) =>
  isSupervisionSufficient(rule(state), pharmacists, { technicians, certified });

describe('supervision ratios of the sample states', () => {
  it('NC: 2 per pharmacist, more only if the extra technicians are certified', () => {
    expect(ok('NC', 1, 2, 0)).toBe(true);
    expect(ok('NC', 1, 3, 0)).toBe(false);
    expect(ok('NC', 1, 3, 1)).toBe(true);
    expect(ok('NC', 1, 4, 2)).toBe(true);
    expect(ok('NC', 1, 5, 5)).toBe(false); // the assumed total of 4
    expect(ok('NC', 2, 4, 0)).toBe(true);
    expect(ok('NC', 2, 5, 0)).toBe(false);
    expect(ok('NC', 2, 8, 4)).toBe(true);
  });

  it('MA: 1:4 with at least 2 certified, 1:3 otherwise', () => {
    expect(ok('MA', 1, 3, 0)).toBe(true);
    expect(ok('MA', 1, 4, 1)).toBe(false);
    expect(ok('MA', 1, 4, 2)).toBe(true);
    expect(ok('MA', 1, 5, 5)).toBe(false);
    expect(ok('MA', 2, 8, 4)).toBe(true);
    // Two certified cannot lift two pharmacists to 1:4 each.
    expect(ok('MA', 2, 8, 2)).toBe(false);
    expect(ok('MA', 2, 6, 0)).toBe(true);
  });

  it('GA: 1:2 with no certified (assumption), 1:3 with >= 1, 1:4 with >= 2', () => {
    expect(ok('GA', 1, 2, 0)).toBe(true);
    expect(ok('GA', 1, 3, 0)).toBe(false);
    expect(ok('GA', 1, 3, 1)).toBe(true);
    expect(ok('GA', 1, 4, 1)).toBe(false);
    expect(ok('GA', 1, 4, 2)).toBe(true);
    expect(ok('GA', 2, 6, 2)).toBe(true);
    expect(ok('GA', 2, 8, 3)).toBe(false);
  });

  it('CA: 1 technician for the first pharmacist, 2 for each additional', () => {
    expect(ok('CA', 1, 1, 0)).toBe(true);
    expect(ok('CA', 1, 2, 2)).toBe(false);
    expect(ok('CA', 2, 3, 0)).toBe(true);
    expect(ok('CA', 2, 4, 0)).toBe(false);
    expect(ok('CA', 3, 5, 0)).toBe(true);
    expect(requiredPharmacistEquivalents(rule('CA'), { technicians: 3, certified: 0 })).toBe(2);
  });

  it('no ratio (OH, IA, NM, IL, AZ): nothing is required', () => {
    for (const state of ['OH', 'IA', 'NM', 'IL', 'AZ']) {
      expect(requiredPharmacistEquivalents(rule(state), { technicians: 50, certified: 0 })).toBe(0);
      expect(allowedTechnicians(rule(state), 0, 0)).toBe(Infinity);
    }
  });

  it('fractional shares: half a pharmacist supervises half as many', () => {
    expect(ok('GA', 0.5, 1, 0)).toBe(true);
    expect(ok('GA', 0.5, 2, 2)).toBe(true);
    expect(ok('GA', 0.49, 2, 2)).toBe(false);
    expect(ok('CA', 0.5, 1, 0)).toBe(false);
    expect(ok('CA', 1.5, 2, 0)).toBe(true);
    expect(
      tierCapacity(
        { minCertifiedTechnicians: 0, firstPharmacist: 1, eachAdditionalPharmacist: 2 },
        1.5,
      ),
    ).toBe(2);
  });

  it('no supervision, no technicians, no requirement; no pharmacist, no technician', () => {
    expect(requiredPharmacistEquivalents(rule('MA'), { technicians: 0, certified: 0 })).toBe(0);
    expect(ok('MA', 0, 1, 1)).toBe(false);
  });

  it('extra supervision never hurts, and allowedTechnicians is the exact frontier (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('NC', 'MA', 'GA', 'CA'),
        fc.integer({ min: 0, max: 12 }).map((quarters) => quarters / 4),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (state, pharmacists, uncertified, certified) => {
          const technicians = uncertified + certified;
          const sufficient = ok(state, pharmacists, technicians, certified);
          if (sufficient) expect(ok(state, pharmacists + 0.25, technicians, certified)).toBe(true);
          const allowed = allowedTechnicians(rule(state), pharmacists, certified);
          if (technicians >= certified && allowed >= certified) {
            expect(sufficient).toBe(technicians <= allowed);
          }
        },
      ),
    );
  });
});
