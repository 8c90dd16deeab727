import { describe, expect, it } from '@jest/globals';
import { fixtureEmployee } from '../../../../src/core/generator/fixture.js';
import type { ShiftTemplate } from '../../../../src/core/model/instance.js';
import {
  availabilitySpans,
  isCovered,
  mergeSpans,
  overlapsTimeOff,
} from '../../../../src/core/time/availability.js';
import { availableShifts } from '../../../../src/core/time/candidates.js';
import { buildGrid, intervalsWithin } from '../../../../src/core/time/grid.js';
import {
  isTemplateShift,
  overlaps,
  paidHours,
  templateShifts,
  unpaidBreakMinutes,
} from '../../../../src/core/time/shift-times.js';
import { localToInstant } from '../../../../src/core/time/zones.js';

const HOUR = 3_600_000;
const springWeek = buildGrid({
  weekStart: '2026-03-02',
  timeZone: 'America/New_York',
  intervalMinutes: 30,
});
const fallWeek = buildGrid({
  weekStart: '2026-10-26',
  timeZone: 'America/New_York',
  intervalMinutes: 30,
});
const night: ShiftTemplate = {
  id: 'night',
  name: 'Night',
  startTimes: ['00:00', '01:00', '01:30', '02:00', '02:30', '03:00', '22:00'],
  lengthsHours: [8],
  unpaidBreaks: [{ minShiftHours: 6, unpaidMinutes: 30 }],
};
const iso = (instant: number) => new Date(instant).toISOString();

describe('shift times in the employee local time', () => {
  it('pays elapsed hours minus the largest matching unpaid break', () => {
    expect(unpaidBreakMinutes(night, 4)).toBe(0);
    expect(unpaidBreakMinutes(night, 8)).toBe(30);
    expect(paidHours(night, 0, 8 * HOUR)).toBe(7.5);
  });

  it('drops start times swallowed by the spring-forward gap as duplicates', () => {
    const chicago = fixtureEmployee('t', 'TECHNICIAN', { timeZone: 'America/Chicago' });
    const shifts = templateShifts(chicago, night, '2026-03-08', springWeek);
    const starts = shifts.map((shift) => iso(shift.start));
    expect(starts).toEqual([
      '2026-03-08T06:00:00.000Z', // 00:00 CST
      '2026-03-08T07:00:00.000Z', // 01:00 CST
      '2026-03-08T07:30:00.000Z', // 01:30 CST
      '2026-03-08T08:00:00.000Z', // 02:00 -> 03:00 CDT (= 03:00)
      '2026-03-08T08:30:00.000Z', // 02:30 -> 03:30 CDT
    ]);
    // 22:00 CDT Sunday + 8 h ends after the grid (midnight New York).
    expect(shifts.every((shift) => shift.end - shift.start === 8 * HOUR)).toBe(true);
  });

  it('an 8-hour night shift across fall-back lasts 8 real hours and ends an hour earlier on the clock', () => {
    const denver = fixtureEmployee('t', 'TECHNICIAN', { timeZone: 'America/Denver' });
    const [first] = templateShifts(denver, night, '2026-11-01', fallWeek);
    expect(iso(first.start)).toBe('2026-11-01T06:00:00.000Z'); // 00:00 MDT
    expect(iso(first.end)).toBe('2026-11-01T14:00:00.000Z'); // 07:00 MST
    expect(isTemplateShift(denver, night, first.start, first.end)).toBe(true);
    expect(isTemplateShift(denver, night, first.start, first.end + HOUR)).toBe(false);
  });

  it('ambiguous 01:30 on fall-back day starts at the first 01:30 only', () => {
    const ny = fixtureEmployee('t', 'TECHNICIAN');
    const start = localToInstant('2026-11-01', '01:30', 'America/New_York');
    expect(isTemplateShift(ny, night, start, start + 8 * HOUR)).toBe(true);
    expect(isTemplateShift(ny, night, start + HOUR, start + 9 * HOUR)).toBe(false);
  });

  it('employees sharing a grid and a template each get their own zone and their own shifts', () => {
    const chicago = fixtureEmployee('c1', 'TECHNICIAN', { timeZone: 'America/Chicago' });
    const neighbour = fixtureEmployee('c2', 'TECHNICIAN', { timeZone: 'America/Chicago' });
    const denver = fixtureEmployee('d1', 'TECHNICIAN', { timeZone: 'America/Denver' });
    const first = templateShifts(chicago, night, '2026-03-08', springWeek);
    const second = templateShifts(neighbour, night, '2026-03-08', springWeek);
    const other = templateShifts(denver, night, '2026-03-08', springWeek);
    expect(second.map(({ start, end }) => [start, end])).toEqual(
      first.map(({ start, end }) => [start, end]),
    );
    expect(second.every((shift) => shift.employeeId === 'c2')).toBe(true);
    expect(first.every((shift) => shift.employeeId === 'c1')).toBe(true);
    expect(second[0]).not.toBe(first[0]);
    // 00:00 MST on the day Denver springs forward, an hour after Chicago's midnight.
    expect(iso(other[0].start)).toBe('2026-03-08T07:00:00.000Z');
    expect(other[0].start - first[0].start).toBe(HOUR);
    // The same date and zone on another week's grid is its own question (here: off the grid).
    expect(templateShifts(chicago, night, '2026-03-08', fallWeek)).toEqual([]);
  });

  it('recognises template shifts and rejects other starts', () => {
    const ny = fixtureEmployee('t', 'TECHNICIAN');
    const start = localToInstant('2026-03-09', '22:00', 'America/New_York');
    expect(isTemplateShift(ny, night, start, start + 8 * HOUR)).toBe(true);
    expect(isTemplateShift(ny, night, start + 30 * 60_000, start + 8.5 * HOUR)).toBe(false);
  });

  it('overlap is for half-open intervals', () => {
    expect(overlaps(0, 10, 10, 20)).toBe(false);
    expect(overlaps(0, 11, 10, 20)).toBe(true);
  });

  it('lists the intervals inside a span', () => {
    const start = springWeek.start + 2 * HOUR + 15 * 60_000;
    expect(intervalsWithin(springWeek, start, start + 2 * HOUR)).toEqual({ first: 5, last: 8 });
    expect(intervalsWithin(springWeek, springWeek.start - HOUR, springWeek.start + HOUR)).toEqual({
      first: 0,
      last: 2,
    });
  });
});

describe('availability', () => {
  it('joins windows that touch across midnight', () => {
    const employee = fixtureEmployee('t', 'TECHNICIAN', {
      availability: [
        { dayOfWeek: 1, start: '18:00', end: '24:00' },
        { dayOfWeek: 2, start: '00:00', end: '02:00' },
      ],
    });
    const spans = availabilitySpans(employee, '2026-04-13', '2026-04-14');
    expect(spans).toHaveLength(1);
    const start = localToInstant('2026-04-13', '20:00', 'America/New_York');
    expect(isCovered(spans, start, start + 6 * HOUR)).toBe(true);
    expect(isCovered(spans, start, start + 6.5 * HOUR)).toBe(false);
  });

  it('an all-day window lasts 23 hours on spring-forward day and 25 on fall-back day', () => {
    const la = fixtureEmployee('t', 'TECHNICIAN', {
      timeZone: 'America/Los_Angeles',
      availability: [{ dayOfWeek: 7, start: '00:00', end: '24:00' }],
    });
    const [spring] = availabilitySpans(la, '2026-03-08', '2026-03-08');
    const [fall] = availabilitySpans(la, '2026-11-01', '2026-11-01');
    expect((spring.end - spring.start) / HOUR).toBe(23);
    expect((fall.end - fall.start) / HOUR).toBe(25);
  });

  it('merges overlapping spans', () => {
    expect(
      mergeSpans([
        { start: 5, end: 9 },
        { start: 0, end: 6 },
        { start: 12, end: 13 },
      ]),
    ).toEqual([
      { start: 0, end: 9 },
      { start: 12, end: 13 },
    ]);
  });

  it('detects overlap with approved time off', () => {
    const employee = fixtureEmployee('t', 'TECHNICIAN', { timeOff: [{ start: 100, end: 200 }] });
    expect(overlapsTimeOff(employee, 150, 300)).toBe(true);
    expect(overlapsTimeOff(employee, 200, 300)).toBe(false);
  });

  it('candidate shifts respect windows, time off and employment dates, on the employee calendar', () => {
    const grid = buildGrid({
      weekStart: '2026-04-13',
      timeZone: 'America/New_York',
      intervalMinutes: 30,
    });
    const employee = fixtureEmployee('t', 'TECHNICIAN', {
      timeZone: 'America/Los_Angeles',
      hireDate: '2026-04-14',
      availability: [
        { dayOfWeek: 1, start: '08:00', end: '17:00' },
        { dayOfWeek: 2, start: '08:00', end: '17:00' },
        { dayOfWeek: 3, start: '08:00', end: '17:00' },
      ],
      timeOff: [
        {
          start: localToInstant('2026-04-15', '00:00', 'America/Los_Angeles'),
          end: localToInstant('2026-04-16', '00:00', 'America/Los_Angeles'),
        },
      ],
    });
    const template: ShiftTemplate = {
      id: 'day',
      name: 'Day',
      startTimes: ['08:00', '09:00'],
      lengthsHours: [8],
      unpaidBreaks: [],
    };
    const shifts = availableShifts(employee, [template], grid);
    expect(shifts.map((shift) => [shift.localDate, iso(shift.start)])).toEqual([
      ['2026-04-14', '2026-04-14T15:00:00.000Z'],
      ['2026-04-14', '2026-04-14T16:00:00.000Z'],
    ]);
  });
});
