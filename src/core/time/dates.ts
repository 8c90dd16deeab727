import type { IsoDayOfWeek, LocalDate, LocalTime } from '../model/common.js';

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings and `HH:mm` wall times. Dates carry no zone, so the
 * arithmetic runs on UTC midnights, where every day has 24 hours.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** UTC midnight of a date, or NaN if the text is not a real calendar date. */
export function dateToUtcMidnight(date: LocalDate): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) return NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  const real =
    back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
  return real ? ms : NaN;
}

export function isValidLocalDate(date: string): boolean {
  return !Number.isNaN(dateToUtcMidnight(date));
}

/** The `YYYY-MM-DD` of a UTC-midnight-based millisecond value (its UTC calendar fields). */
export function utcFieldsToDate(ms: number): LocalDate {
  const d = new Date(ms);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return utcFieldsToDate(dateToUtcMidnight(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((dateToUtcMidnight(to) - dateToUtcMidnight(from)) / DAY_MS);
}

export function isoDayOfWeek(date: LocalDate): IsoDayOfWeek {
  const sundayZero = new Date(dateToUtcMidnight(date)).getUTCDay();
  return (sundayZero === 0 ? 7 : sundayZero) as IsoDayOfWeek;
}

/** Inclusive date range check; `until === null` means open-ended. ISO dates compare as strings. */
export function isDateWithin(date: LocalDate, from: LocalDate, until: LocalDate | null): boolean {
  return from <= date && (until === null || date <= until);
}

/** Minutes since midnight of `HH:mm` (00:00..24:00), or NaN when malformed. */
export function parseLocalTime(time: LocalTime): number {
  const match = TIME_PATTERN.exec(time);
  if (!match) return NaN;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return NaN;
  return hours * 60 + minutes;
}

export function isValidLocalTime(time: string): boolean {
  return !Number.isNaN(parseLocalTime(time));
}

/** `HH:mm` of minutes since midnight (0..1440). */
export function formatLocalTime(minutes: number): LocalTime {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
