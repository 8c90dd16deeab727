import { describe, expect, it } from '@jest/globals';
import { diffRecord, toAuditValue } from '../../../src/audit/entity-changes.js';

const FIELDS = ['name', 'hourlyRate', 'email', 'skills', 'hireDate'] as const;
const employee = {
  name: 'Ada',
  hourlyRate: 30,
  email: null,
  skills: ['rx-entry', 'verify'],
  hireDate: '2024-01-01',
};

describe('diffRecord', () => {
  it('lists only the fields that differ, each with its old and new value', () => {
    expect(
      diffRecord(
        'Employee',
        'e1',
        employee,
        { ...employee, hourlyRate: 32.5, email: 'a@x.org' },
        FIELDS,
      ),
    ).toEqual({
      entityType: 'Employee',
      entityId: 'e1',
      action: 'UPDATED',
      fields: [
        { field: 'hourlyRate', old: 30, new: 32.5 },
        { field: 'email', old: null, new: 'a@x.org' },
      ],
    });
  });

  it('returns nothing for a no-op: equal values, equal arrays, null and undefined alike', () => {
    const same = { ...employee, skills: [...employee.skills], email: undefined };
    expect(diffRecord('Employee', 'e1', employee, same, FIELDS)).toBeUndefined();
  });

  it('sees an array that changed in order or length, and fields outside the list not at all', () => {
    const reordered = { ...employee, skills: ['verify', 'rx-entry'], unlisted: 'x' };
    expect(diffRecord('Employee', 'e1', employee, reordered, FIELDS)?.fields).toEqual([
      { field: 'skills', old: ['rx-entry', 'verify'], new: ['verify', 'rx-entry'] },
    ]);
    expect(
      diffRecord('Employee', 'e1', employee, { ...employee, skills: ['rx-entry'] }, FIELDS)?.fields,
    ).toHaveLength(1);
  });

  it('records a created record with its non-null values and no old values', () => {
    expect(diffRecord('Employee', 'e2', undefined, employee, FIELDS)).toEqual({
      entityType: 'Employee',
      entityId: 'e2',
      action: 'CREATED',
      fields: [
        { field: 'name', new: 'Ada' },
        { field: 'hourlyRate', new: 30 },
        { field: 'skills', new: ['rx-entry', 'verify'] },
        { field: 'hireDate', new: '2024-01-01' },
      ],
    });
  });

  it('records a deleted record with its old values', () => {
    const change = diffRecord('Employee', 'e3', employee, undefined, FIELDS);
    expect(change?.action).toBe('DELETED');
    expect(change?.fields[0]).toEqual({ field: 'name', old: 'Ada' });
    expect(change?.fields.every((f) => !('new' in f))).toBe(true);
    expect(diffRecord('Employee', 'e3', undefined, undefined, FIELDS)).toBeUndefined();
  });

  it('compares dates by instant and nested objects by value, in any key order', () => {
    const at = (iso: string) => ({ decidedAt: new Date(iso) });
    expect(
      diffRecord('TimeOff', 't', at('2025-01-01T00:00:00Z'), at('2025-01-01T00:00:00.000Z'), [
        'decidedAt',
      ]),
    ).toBeUndefined();
    expect(
      diffRecord('TimeOff', 't', at('2025-01-01T00:00:00Z'), at('2025-01-02T00:00:00Z'), [
        'decidedAt',
      ])?.fields,
    ).toEqual([
      { field: 'decidedAt', old: '2025-01-01T00:00:00.000Z', new: '2025-01-02T00:00:00.000Z' },
    ]);
    const windows = (end: string | null) => ({
      availability: [{ dayOfWeek: 1, start: '09:00', end }],
    });
    expect(
      diffRecord(
        'Employee',
        'e',
        windows('17:00'),
        { availability: [{ end: '17:00', start: '09:00', dayOfWeek: 1 }] },
        ['availability'],
      ),
    ).toBeUndefined();
    expect(
      diffRecord('Employee', 'e', windows('17:00'), windows(null), ['availability'])?.fields,
    ).toEqual([
      {
        field: 'availability',
        old: [{ dayOfWeek: 1, start: '09:00', end: '17:00' }],
        new: [{ dayOfWeek: 1, start: '09:00', end: null }],
      },
    ]);
  });
});

describe('toAuditValue', () => {
  it('turns values into JSON: dates to ISO strings, undefined to null', () => {
    expect(toAuditValue(new Date('2025-03-04T05:06:07Z'))).toBe('2025-03-04T05:06:07.000Z');
    expect(toAuditValue(undefined)).toBeNull();
    expect(toAuditValue({ a: [1, undefined, 'x'] })).toEqual({ a: [1, null, 'x'] });
  });
});
