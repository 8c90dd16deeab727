import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, formatLocalTime } from '../../../../src/core/time/dates.js';
import { buildGrid } from '../../../../src/core/time/grid.js';
import {
  localDateOf,
  localDateTimeOf,
  localToInstant,
  offsetMinutes,
} from '../../../../src/core/time/zones.js';

const US_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
] as const;
const iso = (instant: number) => new Date(instant).toISOString();

describe('daylight-saving weeks in US zones (2026)', () => {
  it.each([
    ['America/New_York', 334, 338],
    ['America/Chicago', 334, 338],
    ['America/Denver', 334, 338],
    ['America/Phoenix', 336, 336],
    ['America/Los_Angeles', 334, 338],
  ])('%s: spring week has %i half-hours, fall week %i', (timeZone, spring, fall) => {
    expect(buildGrid({ weekStart: '2026-03-02', timeZone, intervalMinutes: 30 }).count).toBe(
      spring,
    );
    expect(buildGrid({ weekStart: '2026-10-26', timeZone, intervalMinutes: 30 }).count).toBe(fall);
    expect(buildGrid({ weekStart: '2026-04-13', timeZone, intervalMinutes: 30 }).count).toBe(336);
    expect(buildGrid({ weekStart: '2026-03-02', timeZone, intervalMinutes: 15 }).count).toBe(
      spring * 2,
    );
  });

  it('09:00 local is a different UTC instant before and after the change', () => {
    expect(iso(localToInstant('2026-03-07', '09:00', 'America/New_York'))).toBe(
      '2026-03-07T14:00:00.000Z',
    );
    expect(iso(localToInstant('2026-03-09', '09:00', 'America/New_York'))).toBe(
      '2026-03-09T13:00:00.000Z',
    );
    expect(iso(localToInstant('2026-10-31', '09:00', 'America/Chicago'))).toBe(
      '2026-10-31T14:00:00.000Z',
    );
    expect(iso(localToInstant('2026-11-02', '09:00', 'America/Chicago'))).toBe(
      '2026-11-02T15:00:00.000Z',
    );
    expect(iso(localToInstant('2026-03-07', '09:00', 'America/Phoenix'))).toBe(
      '2026-03-07T16:00:00.000Z',
    );
    expect(iso(localToInstant('2026-03-09', '09:00', 'America/Phoenix'))).toBe(
      '2026-03-09T16:00:00.000Z',
    );
  });

  it.each([
    ['America/New_York', '2026-03-08T07:30:00.000Z'],
    ['America/Chicago', '2026-03-08T08:30:00.000Z'],
    ['America/Denver', '2026-03-08T09:30:00.000Z'],
    ['America/Los_Angeles', '2026-03-08T10:30:00.000Z'],
  ])('%s: nonexistent 02:30 on spring-forward day moves forward to 03:30', (zone, expected) => {
    const instant = localToInstant('2026-03-08', '02:30', zone);
    expect(iso(instant)).toBe(expected);
    expect(localDateTimeOf(instant, zone)).toEqual({ date: '2026-03-08', minutes: 210 });
    expect(localToInstant('2026-03-08', '02:00', zone)).toBe(
      localToInstant('2026-03-08', '03:00', zone),
    );
  });

  it.each([
    ['America/New_York', '2026-11-01T05:30:00.000Z'],
    ['America/Chicago', '2026-11-01T06:30:00.000Z'],
    ['America/Denver', '2026-11-01T07:30:00.000Z'],
    ['America/Los_Angeles', '2026-11-01T08:30:00.000Z'],
  ])('%s: ambiguous 01:30 on fall-back day is the earlier (daylight) instant', (zone, expected) => {
    const instant = localToInstant('2026-11-01', '01:30', zone);
    expect(iso(instant)).toBe(expected);
    const secondOccurrence = instant + 3_600_000;
    expect(localDateTimeOf(secondOccurrence, zone)).toEqual({ date: '2026-11-01', minutes: 90 });
  });

  it('Phoenix has neither gap nor overlap', () => {
    expect(iso(localToInstant('2026-03-08', '02:30', 'America/Phoenix'))).toBe(
      '2026-03-08T09:30:00.000Z',
    );
    expect(iso(localToInstant('2026-11-01', '01:30', 'America/Phoenix'))).toBe(
      '2026-11-01T08:30:00.000Z',
    );
  });

  it('local days last 23 and 25 hours on the change days', () => {
    const length = (date: string, zone: string) =>
      (localToInstant(addDays(date, 1), '00:00', zone) - localToInstant(date, '00:00', zone)) /
      3_600_000;
    for (const zone of US_ZONES.filter((z) => z !== 'America/Phoenix')) {
      expect(length('2026-03-08', zone)).toBe(23);
      expect(length('2026-11-01', zone)).toBe(25);
      expect(length('2026-11-02', zone)).toBe(24);
    }
  });

  it('the grid dates follow the reference zone through the change', () => {
    const grid = buildGrid({
      weekStart: '2026-03-02',
      timeZone: 'America/New_York',
      intervalMinutes: 30,
    });
    const sunday = grid.intervalDates.filter((date) => date === '2026-03-08').length;
    expect(sunday).toBe(46);
    expect(grid.intervalDates[0]).toBe('2026-03-02');
    expect(grid.intervalDates[grid.count - 1]).toBe('2026-03-08');
    expect(localDateOf(grid.end, 'America/New_York')).toBe('2026-03-09');
  });

  it('agrees with luxon on every time that exists exactly once (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...US_ZONES),
        fc.integer({ min: 0, max: 365 }),
        fc.integer({ min: 0, max: 47 }),
        (zone, day, halfHour) => {
          const date = addDays('2026-01-01', day);
          const time = formatLocalTime(halfHour * 30);
          const instant = localToInstant(date, time, zone);
          const seen = localDateTimeOf(instant, zone);
          const unique =
            seen.date === date &&
            seen.minutes === halfHour * 30 &&
            offsetMinutes(zone, instant - 3_600_000) === offsetMinutes(zone, instant + 3_600_000);
          if (!unique) return;
          const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
          const expected = DateTime.fromObject(
            {
              year,
              month,
              day: dayOfMonth,
              hour: Math.floor(halfHour / 2),
              minute: (halfHour % 2) * 30,
            },
            { zone },
          ).toMillis();
          expect(instant).toBe(expected);
        },
      ),
    );
  });

  it('reading an instant and converting back is the identity except in the repeated hour (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...US_ZONES),
        fc.integer({ min: Date.UTC(2026, 0, 1) / 900_000, max: Date.UTC(2027, 0, 1) / 900_000 }),
        (zone, quarter) => {
          const instant = quarter * 900_000;
          const { date, minutes } = localDateTimeOf(instant, zone);
          const back = localToInstant(date, formatLocalTime(minutes), zone);
          const repeated = back === instant - 3_600_000;
          expect(back === instant || repeated).toBe(true);
        },
      ),
    );
  });
});
