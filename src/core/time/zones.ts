import { IANAZone } from 'luxon';
import type { Instant, LocalDate, LocalTime, TimeZoneName } from '../model/common.js';
import { DAY_MS, MINUTE_MS, dateToUtcMidnight, parseLocalTime, utcFieldsToDate } from './dates.js';

/**
 * Time-zone conversions (luxon's IANA zone data). Offsets are cached per zone and 15-minute UTC
 * bucket (real-world offset changes happen on quarter-hour boundaries), and local readings per
 * (zone, date, time): the checker converts thousands of instants and must stay well under a
 * second on a large roster. The caches are bounded and hold only derived, immutable facts.
 */

const zones = new Map<string, IANAZone>();
const offsets = new Map<string, Map<number, number>>();
const BUCKET_MS = 15 * MINUTE_MS;
const MAX_CACHED_BUCKETS_PER_ZONE = 200_000;
const instants = new Map<string, number>();
const MAX_CACHED_INSTANTS = 200_000;

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function zoneFor(name: TimeZoneName): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    if (!IANAZone.isValidZone(name)) throw new RangeError(`Unknown IANA time zone ${name}`);
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

/** UTC offset of `zone` at `instant`, in minutes (e.g. -300 for EST). */
export function offsetMinutes(zone: TimeZoneName, instant: Instant): number {
  let byBucket = offsets.get(zone);
  if (!byBucket) {
    byBucket = new Map();
    offsets.set(zone, byBucket);
  }
  const bucket = Math.floor(instant / BUCKET_MS);
  let offset = byBucket.get(bucket);
  if (offset === undefined) {
    offset = zoneFor(zone).offset(bucket * BUCKET_MS);
    if (byBucket.size >= MAX_CACHED_BUCKETS_PER_ZONE) byBucket.clear();
    byBucket.set(bucket, offset);
  }
  return offset;
}

/** A wall-clock reading: the local date and the minutes since local midnight (0..1439). */
export interface LocalDateTime {
  readonly date: LocalDate;
  readonly minutes: number;
}

/** What a clock in `zone` shows at `instant`. */
export function localDateTimeOf(instant: Instant, zone: TimeZoneName): LocalDateTime {
  const wall = instant + offsetMinutes(zone, instant) * MINUTE_MS;
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  return { date: utcFieldsToDate(midnight), minutes: Math.round((wall - midnight) / MINUTE_MS) };
}

/** The local date in `zone` at `instant`. */
export function localDateOf(instant: Instant, zone: TimeZoneName): LocalDate {
  return localDateTimeOf(instant, zone).date;
}

/**
 * The instant at which a clock in `zone` shows `time` on `date` (`24:00` is the next midnight).
 * Daylight-saving rule, deterministic:
 * - ambiguous time (fall back, e.g. 01:30 on 2026-11-01 in New York): the EARLIER instant, i.e.
 *   the first time the clock shows it (still daylight time);
 * - nonexistent time (spring forward, e.g. 02:30 on 2026-03-08): read with the offset in force
 *   before the gap, which lands after the gap by its length (02:30 becomes 03:30 EDT), the same
 *   instant luxon and java.time pick.
 */
export function localToInstant(date: LocalDate, time: LocalTime, zone: TimeZoneName): Instant {
  const key = `${zone}|${date}|${time}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    instant = resolveLocalTime(date, time, zone);
    if (instants.size >= MAX_CACHED_INSTANTS) instants.clear();
    instants.set(key, instant);
  }
  return instant;
}

function resolveLocalTime(date: LocalDate, time: LocalTime, zone: TimeZoneName): Instant {
  const wall = dateToUtcMidnight(date) + parseLocalTime(time) * MINUTE_MS;
  if (Number.isNaN(wall)) throw new RangeError(`Invalid local date/time ${date} ${time}`);
  const before = offsetMinutes(zone, wall - DAY_MS);
  const after = offsetMinutes(zone, wall + DAY_MS);
  const candidates = [before, after]
    .map((offset) => ({ offset, instant: wall - offset * MINUTE_MS }))
    .filter(({ offset, instant }) => offsetMinutes(zone, instant) === offset)
    .map(({ instant }) => instant);
  if (candidates.length === 0) return wall - before * MINUTE_MS;
  return Math.min(...candidates);
}

/** Local midnight at the start of `date` in `zone` (an instant). */
export function startOfLocalDate(date: LocalDate, zone: TimeZoneName): Instant {
  return localToInstant(date, '00:00', zone);
}
