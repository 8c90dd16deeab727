import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  addDays,
  daysBetween,
  formatLocalTime,
  isDateWithin,
  isValidLocalDate,
  isoDayOfWeek,
  parseLocalTime,
} from '../../../../src/core/time/dates.js';

describe('calendar dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-08', -7)).toBe('2026-03-01');
  });

  it('knows ISO days of the week (Monday = 1)', () => {
    expect(isoDayOfWeek('2026-03-02')).toBe(1);
    expect(isoDayOfWeek('2026-03-08')).toBe(7);
    expect(isoDayOfWeek('2026-11-01')).toBe(7);
  });

  it('rejects impossible dates', () => {
    expect(isValidLocalDate('2026-02-29')).toBe(false);
    expect(isValidLocalDate('2026-13-01')).toBe(false);
    expect(isValidLocalDate('2026-1-01')).toBe(false);
    expect(isValidLocalDate('2028-02-29')).toBe(true);
  });

  it('compares date ranges inclusively, null meaning open-ended', () => {
    expect(isDateWithin('2026-03-05', '2026-03-05', '2026-03-05')).toBe(true);
    expect(isDateWithin('2026-03-06', '2026-03-01', '2026-03-05')).toBe(false);
    expect(isDateWithin('2099-01-01', '2026-03-01', null)).toBe(true);
    expect(isDateWithin('2026-02-28', '2026-03-01', null)).toBe(false);
  });

  it('parses HH:mm up to 24:00 and nothing else', () => {
    expect(parseLocalTime('00:00')).toBe(0);
    expect(parseLocalTime('09:30')).toBe(570);
    expect(parseLocalTime('24:00')).toBe(1440);
    expect(parseLocalTime('24:30')).toBeNaN();
    expect(parseLocalTime('9:30')).toBeNaN();
    expect(parseLocalTime('10:60')).toBeNaN();
    expect(formatLocalTime(570)).toBe('09:30');
  });

  it('addDays and daysBetween are inverse (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), (days) => {
        expect(daysBetween('2026-03-02', addDays('2026-03-02', days))).toBe(days);
      }),
    );
  });
});
