import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import { DataSource, IsNull } from 'typeorm';
import { assertOwnRecordOrRole } from '../auth/ownership.js';
import { Role, type Principal } from '../auth/role.js';
import { NotFoundError, ValidationFailedError } from '../core/errors.js';
import { CalendarFeedEntity } from './calendar-feed.entity.js';
import { SELF_SERVICE_CLOCK, type Clock } from './clock.js';
import type { CalendarFeed, CreatedCalendarFeed } from './graphql/calendar-feed.model.js';
import type { MyShift } from './graphql/my-shift.model.js';
import { MyShiftsService } from './my-shifts.service.js';
import { vtimezone } from './vtimezone.js';

/** The feed covers published shifts from this many days ago … */
export const FEED_PAST_DAYS = 30;
/** … to this many days ahead. */
export const FEED_FUTURE_DAYS = 90;
const DAY_MS = 86_400_000;
/** Who may revoke anyone's feed; everyone else only their own. */
const FEED_ADMINISTRATORS: readonly Role[] = [Role.ADMIN, Role.MANAGER];
/** 32 bytes in base64url, unpadded. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function toCalendarFeed(e: CalendarFeedEntity): CalendarFeed {
  return {
    id: e.id,
    employeeId: e.employeeId,
    createdAt: e.createdAt,
    revokedAt: e.revokedAt,
  };
}

function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

/** "Shift (4 h): E-prescription entry NC": the length, and the queue and state worked most. */
export function eventSummary(shift: MyShift): string {
  const hours = (shift.end.getTime() - shift.start.getTime()) / 3_600_000;
  const main = shift.allocations[0];
  const more = shift.allocations.length > 1 ? ` (+${shift.allocations.length - 1} more)` : '';
  return `Shift (${formatHours(hours)} h)${main ? `: ${main.queueName} ${main.state}${more}` : ''}`;
}

function eventDescription(shift: MyShift): string {
  const lines = [
    `Paid hours: ${formatHours(shift.paidHours)}`,
    ...shift.allocations.map(
      (a) => `${a.queueName} (${a.queueKey}) ${a.state}: ${formatHours(a.hours)} h`,
    ),
  ];
  if (shift.supervisingPharmacists.length > 0)
    lines.push(`Pharmacists on duty: ${shift.supervisingPharmacists.join(', ')}`);
  lines.push(`Roster version ${shift.rosterVersion}`);
  return lines.join('\n');
}

/** Secret, revocable iCalendar feeds of an employee's published shifts. */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly shifts: MyShiftsService,
    @Inject(SELF_SERVICE_CLOCK) private readonly clock: Clock,
  ) {}

  /** A new feed with a random token; only the token's hash is stored. */
  async create(employeeId: string, baseUrl: string): Promise<CreatedCalendarFeed> {
    await this.shifts.employee(employeeId);
    const token = randomBytes(32).toString('base64url');
    const feed = await this.dataSource
      .getRepository(CalendarFeedEntity)
      .save({ employeeId, tokenHash: hashFeedToken(token), revokedAt: null });
    return {
      id: feed.id,
      token,
      url: `${baseUrl.replace(/\/+$/, '')}/calendar/${token}.ics`,
      createdAt: feed.createdAt,
    };
  }

  /** Revokes a feed: the owner, or a manager or admin. Revoking again changes nothing. */
  async revoke(id: string, principal: Principal): Promise<CalendarFeed> {
    if (!isUUID(id)) throw ValidationFailedError.forField('id', id, 'expected a UUID');
    const repository = this.dataSource.getRepository(CalendarFeedEntity);
    const feed = await repository.findOneBy({ id });
    if (!feed) throw new NotFoundError('CalendarFeed', id);
    assertOwnRecordOrRole(principal, feed.employeeId, FEED_ADMINISTRATORS);
    if (feed.revokedAt === null) {
      await repository.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
      return toCalendarFeed(await repository.findOneByOrFail({ id }));
    }
    return toCalendarFeed(feed);
  }

  /** The .ics text of a live feed, generated now from the published rosters; null if unknown or revoked. */
  async render(token: string): Promise<string | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const feed = await this.dataSource
      .getRepository(CalendarFeedEntity)
      .findOneBy({ tokenHash: hashFeedToken(token), revokedAt: IsNull() });
    if (!feed) return null;
    const employee = await this.shifts.employee(feed.employeeId);
    const now = this.clock.now();
    const from = new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS);
    const to = new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS);
    const shifts = await this.shifts.publishedShifts(employee.id, from, to);
    const zone = employee.timeZone;
    const calendar = ical({
      name: `Shifts: ${employee.name}`,
      prodId: { company: 'telepharmacy-scheduler', product: 'shifts', language: 'EN' },
      method: ICalCalendarMethod.PUBLISH,
      ttl: 3600,
      timezone: {
        // No calendar-wide zone (DTSTAMP stays UTC); each event names the employee's zone, and
        // the generator adds its VTIMEZONE.
        name: null,
        // Spans every event, with a year's margin either side.
        generator: (tz) =>
          vtimezone(
            tz,
            new Date(from.getTime() - 366 * DAY_MS),
            new Date(to.getTime() + 366 * DAY_MS),
          ),
      },
    });
    for (const shift of shifts)
      calendar.createEvent({
        id: `${shift.id}@telepharmacy-scheduler`,
        // Luxon times in the employee's zone: written as local times with TZID=<zone>.
        start: DateTime.fromJSDate(shift.start, { zone }),
        end: DateTime.fromJSDate(shift.end, { zone }),
        timezone: zone,
        stamp: now,
        summary: eventSummary(shift),
        description: eventDescription(shift),
      });
    return calendar.toString();
  }
}
