import { DateTime, FixedOffsetZone } from 'luxon';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function offsetAt(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function observance(zone: string, at: number, fromOffset: number, toOffset: number): string[] {
  const local = DateTime.fromMillis(at, { zone: FixedOffsetZone.instance(fromOffset) });
  const zoned = DateTime.fromMillis(at, { zone }).setLocale('en-US');
  const kind = zoned.isInDST ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${local.toFormat("yyyyLLdd'T'HHmmss")}`,
    `TZOFFSETFROM:${formatOffset(fromOffset)}`,
    `TZOFFSETTO:${formatOffset(toOffset)}`,
    ...(zoned.offsetNameShort ? [`TZNAME:${zoned.offsetNameShort}`] : []),
    `END:${kind}`,
  ];
}

/**
 * An RFC 5545 VTIMEZONE for an IANA zone, built from luxon's (the runtime's) zone data: one
 * observance for the offset in force at `from`, then one per offset change until `to`, each with
 * its exact local start (no recurrence rules, so past and future rule changes are both right).
 */
export function vtimezone(zone: string, from: Date, to: Date): string {
  const start = Math.floor(from.getTime() / MINUTE_MS) * MINUTE_MS;
  const end = to.getTime();
  const initial = offsetAt(zone, start);
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    `X-LIC-LOCATION:${zone}`,
    ...observance(zone, start, initial, initial),
  ];
  let offset = initial;
  for (let day = start; day < end; day += DAY_MS) {
    const next = Math.min(day + DAY_MS, end);
    if (offsetAt(zone, next) === offset) continue;
    // The change lies in (day, next]: find its minute.
    let lo = day;
    let hi = next;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetAt(zone, mid) === offset) lo = mid;
      else hi = mid;
    }
    const changed = offsetAt(zone, hi);
    lines.push(...observance(zone, hi, offset, changed));
    offset = changed;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
