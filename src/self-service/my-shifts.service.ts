import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Between, DataSource } from 'typeorm';
import { NotFoundError, ValidationFailedError } from '../core/errors.js';
import { QueueEntity } from '../demand/entities/queue.entity.js';
import { RosterEntity, RosterStatus } from '../rostering/entities/roster.entity.js';
import type { RosterShift } from '../rostering/graphql/roster.model.js';
import { RosterService } from '../rostering/roster.service.js';
import { EmployeeEntity } from '../workforce/entities/employee.entity.js';
import type { MyShift, ShiftAllocationSummary } from './graphql/my-shift.model.js';

/** The longest range myShifts answers in one call. */
export const MAX_RANGE_DAYS = 62;
const DAY_MS = 86_400_000;

/** An employee's published shifts, with what they work and who supervises: their own view only. */
@Injectable()
export class MyShiftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rosters: RosterService,
  ) {}

  /** myShifts: checks the range (to after from, at most 62 days), then the shifts overlapping it. */
  async myShifts(employeeId: string, from: Date, to: Date): Promise<MyShift[]> {
    if (to.getTime() <= from.getTime())
      throw ValidationFailedError.forField(
        'to',
        to.toISOString(),
        'expected an instant after from',
      );
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
      throw ValidationFailedError.forField(
        'to',
        to.toISOString(),
        `expected at most ${MAX_RANGE_DAYS} days after from`,
      );
    return this.publishedShifts(employeeId, from, to);
  }

  async employee(employeeId: string): Promise<EmployeeEntity> {
    const employee = await this.dataSource
      .getRepository(EmployeeEntity)
      .findOneBy({ id: employeeId });
    if (!employee) throw new NotFoundError('Employee', employeeId, 'employeeId');
    return employee;
  }

  /**
   * The employee's shifts overlapping [from, to) in the published roster of each week, ordered by
   * start. Drafts and superseded versions are never shown.
   */
  async publishedShifts(employeeId: string, from: Date, to: Date): Promise<MyShift[]> {
    await this.employee(employeeId);
    const rosters = await this.dataSource.getRepository(RosterEntity).find({
      // Only what the view needs: a roster's allocations are read for this employee alone, below.
      select: { id: true, week: true, version: true, timeZone: true, intervalMinutes: true },
      where: {
        status: RosterStatus.PUBLISHED,
        // A week's shifts lie within its Monday-to-Monday in the planning zone (give or take a day).
        week: Between(isoDate(from.getTime() - 8 * DAY_MS), isoDate(to.getTime() + DAY_MS)),
      },
      order: { week: 'ASC' },
    });
    if (rosters.length === 0) return [];
    const queues = new Map(
      (await this.dataSource.getRepository(QueueEntity).find()).map((q) => [q.id, q]),
    );
    const result: MyShift[] = [];
    for (const roster of rosters) {
      const mine = (await this.rosters.shifts(roster.id, employeeId)).filter(
        (s) => s.start.getTime() < to.getTime() && s.end.getTime() > from.getTime(),
      );
      if (mine.length === 0) continue;
      const pharmacists = await this.pharmacistsOnDuty(roster.id, employeeId, mine);
      const allocations = await this.allocationsByInterval(roster.id, employeeId);
      for (const shift of mine)
        result.push({
          id: shift.id,
          start: shift.start,
          end: shift.end,
          timeZone: shift.timeZone,
          localDate: shift.localDate,
          localStart: shift.localStart,
          localEnd: shift.localEnd,
          paidHours: shift.paidHours,
          rosterId: roster.id,
          rosterVersion: roster.version,
          allocations: summarise(roster, shift, allocations, queues),
          supervisingPharmacists: [
            ...new Set(
              pharmacists
                .filter((p) => p.start < shift.end && p.end > shift.start)
                .map((p) => p.name),
            ),
          ].sort((x, y) => x.localeCompare(y)),
        });
    }
    return result.sort((x, y) => x.start.getTime() - y.start.getTime());
  }

  /** Pharmacists' shifts in the roster overlapping the employee's shifts (one query). */
  private async pharmacistsOnDuty(
    rosterId: string,
    employeeId: string,
    shifts: RosterShift[],
  ): Promise<{ name: string; start: Date; end: Date }[]> {
    const earliest = new Date(Math.min(...shifts.map((s) => s.start.getTime())));
    const latest = new Date(Math.max(...shifts.map((s) => s.end.getTime())));
    const rows = await this.dataSource.query<{ name: string; start_at: Date; end_at: Date }[]>(
      `SELECT e.name, s.start_at, s.end_at FROM roster_shift s JOIN employee e ON e.id = s.employee_id
       WHERE s.roster_id = $1 AND e.role = 'PHARMACIST' AND s.employee_id <> $2 AND s.start_at < $4 AND s.end_at > $3`,
      [rosterId, employeeId, earliest, latest],
    );
    return rows.map((r) => ({ name: r.name, start: r.start_at, end: r.end_at }));
  }

  /** The employee's (queueId, state) pairs per interval index of the roster's week grid, filtered in SQL. */
  private async allocationsByInterval(
    rosterId: string,
    employeeId: string,
  ): Promise<Map<number, [string, string][]>> {
    const rows = await this.dataSource.query<
      { interval: number; queue_id: string; state: string }[]
    >(
      `SELECT (a->>1)::int AS interval, a->>2 AS queue_id, a->>3 AS state
       FROM roster r, jsonb_array_elements(r.allocations) a WHERE r.id = $1 AND a->>0 = $2`,
      [rosterId, employeeId],
    );
    const byInterval = new Map<number, [string, string][]>();
    for (const row of rows)
      byInterval.set(row.interval, [
        ...(byInterval.get(row.interval) ?? []),
        [row.queue_id, row.state],
      ]);
    return byInterval;
  }
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Interval i starts at Monday 00:00 of the roster's week in its zone, plus i × intervalMinutes. */
export function gridStart(roster: Pick<RosterEntity, 'week' | 'timeZone'>): number {
  return DateTime.fromISO(roster.week, { zone: roster.timeZone }).startOf('day').toMillis();
}

function summarise(
  roster: Pick<RosterEntity, 'week' | 'timeZone' | 'intervalMinutes'>,
  shift: RosterShift,
  byInterval: Map<number, [string, string][]>,
  queues: Map<string, QueueEntity>,
): ShiftAllocationSummary[] {
  const origin = gridStart(roster);
  const step = roster.intervalMinutes * 60_000;
  const first = Math.ceil((shift.start.getTime() - origin) / step);
  const last = Math.ceil((shift.end.getTime() - origin) / step);
  const counts = new Map<string, { queueId: string; state: string; intervals: number }>();
  for (let i = first; i < last; i++)
    for (const [queueId, state] of byInterval.get(i) ?? []) {
      const key = `${queueId}|${state}`;
      const entry = counts.get(key) ?? { queueId, state, intervals: 0 };
      entry.intervals++;
      counts.set(key, entry);
    }
  return [...counts.values()]
    .map(({ queueId, state, intervals }) => ({
      queueKey: queues.get(queueId)?.key ?? queueId,
      queueName: queues.get(queueId)?.name ?? queueId,
      state,
      intervals,
      hours: (intervals * roster.intervalMinutes) / 60,
    }))
    .sort(
      (a, b) =>
        b.intervals - a.intervals ||
        a.queueKey.localeCompare(b.queueKey) ||
        a.state.localeCompare(b.state),
    );
}
