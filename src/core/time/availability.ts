import type { Instant, LocalDate } from '../model/common.js';
import type { Employee } from '../model/employee.js';
import { addDays, daysBetween, isoDayOfWeek } from './dates.js';
import { localToInstant } from './zones.js';

/** A half-open UTC interval `[start, end)`. */
export interface Span {
  readonly start: Instant;
  readonly end: Instant;
}

/**
 * The employee's recurring availability windows laid out on local dates `from` … `to` (inclusive)
 * as UTC spans, sorted and merged (touching windows join, so 18:00-24:00 Monday plus 00:00-02:00
 * Tuesday covers an overnight shift). A window on a daylight-saving date lasts what the clock
 * says: 00:00-24:00 is 23 real hours on spring-forward day and 25 on fall-back day.
 */
export function availabilitySpans(employee: Employee, from: LocalDate, to: LocalDate): Span[] {
  const spans: Span[] = [];
  const days = daysBetween(from, to);
  for (let offset = 0; offset <= days; offset += 1) {
    const date = addDays(from, offset);
    const dayOfWeek = isoDayOfWeek(date);
    for (const window of employee.availability) {
      if (window.dayOfWeek !== dayOfWeek) continue;
      const start = localToInstant(date, window.start, employee.timeZone);
      const end = localToInstant(date, window.end, employee.timeZone);
      if (end > start) spans.push({ start, end });
    }
  }
  return mergeSpans(spans);
}

/** Sorts spans and joins those that overlap or touch. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

/** Whether one span of the merged, sorted `spans` contains all of `[start, end)`. */
export function isCovered(spans: readonly Span[], start: Instant, end: Instant): boolean {
  return spans.some((span) => span.start <= start && end <= span.end);
}

/** Whether `[start, end)` overlaps any approved time off of the employee. */
export function overlapsTimeOff(employee: Employee, start: Instant, end: Instant): boolean {
  return employee.timeOff.some((off) => off.start < end && start < off.end);
}
