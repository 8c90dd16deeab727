import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { NotFoundError, ValidationFailedError } from '../core/errors.js';
import type { RosterEntity, StoredAllocation } from '../rostering/entities/roster.entity.js';
import { localShiftTimes } from '../rostering/roster.mapping.js';
import { paidHours } from '../rostering/roster.service.js';
import { EmployeeEntity } from '../workforce/entities/employee.entity.js';
import type { MyShift, ShiftAllocationSummary } from './graphql/my-shift.model.js';
import { summariseWork } from './work-summary.js';

/** The longest range myShifts answers in one call. */
export const MAX_RANGE_DAYS = 62;
const DAY_MS = 86_400_000;

/**
 * Published roster versions kept (a calendar feed spans about 18 weeks). One holds the week's
 * shifts, its allocations by employee and the answers given so far: about 0.5 MB for the medium
 * sample organisation, 5 MB for the large one.
 */
const CACHED_ROSTERS = 24;

/**
 * The published rosters of the weeks from $2 to $3, whether employee $1 exists, and a stamp of
 * the other rows the answers show: employees (names, zones, roles), queues (names) and shift
 * templates (unpaid breaks). The stamp uses `xmin`, the id of the transaction that wrote a row
 * version, which changes on every insert or update whoever the writer (unlike updated_at, which a
 * long transaction can set to an instant earlier than a change already seen); counts catch
 * deletions. One row with a null id when no week is published.
 */
const CURRENT_WEEKS_SQL = `
  SELECT stamp.known, stamp.others, r.id, r.row_version, r.week::text AS week, r.version,
         r.time_zone, r.interval_minutes
  FROM (SELECT EXISTS (SELECT 1 FROM employee e WHERE e.id = $1) AS known,
               concat_ws('/',
                 (SELECT count(*) || ':' || coalesce(sum(e.xmin::text::bigint), 0) FROM employee e),
                 (SELECT count(*) || ':' || coalesce(sum(q.xmin::text::bigint), 0) FROM queue q),
                 (SELECT count(*) || ':' || coalesce(sum(t.xmin::text::bigint), 0)
                  FROM shift_template t)) AS others) stamp
  LEFT JOIN roster r ON r.status = 'PUBLISHED' AND r.week BETWEEN $2 AND $3
  ORDER BY r.week`;

interface CurrentWeekRow {
  known: boolean;
  others: string;
  id: string | null;
  row_version: number;
  week: string;
  version: number;
  time_zone: string;
  interval_minutes: number;
}

/** A published roster of a week in the asked range, as the per-request check reads it. */
interface PublishedWeek {
  id: string;
  rowVersion: number;
  week: string;
  version: number;
  timeZone: string;
  intervalMinutes: number;
}

/** A shift of the roster with what the answers show of its employee and template. */
interface ShiftRow {
  id: string;
  employee_id: string;
  start_at: Date;
  end_at: Date;
  name: string;
  role: string;
  time_zone: string;
  unpaid_breaks: { minShiftMinutes: number; unpaidMinutes: number }[] | null;
}

/**
 * What myShifts shows of one published roster version, read once for all its employees; each
 * employee's answer is then computed on their first request and kept.
 */
interface RosterView {
  readonly roster: PublishedWeek;
  /** gridStart of the roster: interval i starts at origin + i × intervalMinutes. */
  readonly origin: number;
  readonly shifts: ReadonlyMap<string, readonly ShiftRow[]>;
  readonly pharmacists: readonly ShiftRow[];
  readonly allocations: ReadonlyMap<string, Map<number, [string, string][]>>;
  readonly queues: ReadonlyMap<string, { key: string; name: string }>;
  readonly answers: Map<string, readonly MyShift[]>;
}

/**
 * An employee's published shifts, with what they work and who supervises: their own view only.
 *
 * A published roster changes only through a write that bumps its rowVersion (publishing, trades),
 * so what a roster version shows is read once and each employee's answer computed once, and kept,
 * keyed by roster id, rowVersion and a stamp of the other rows the answers show. Every request
 * still reads the current published rosters and that stamp in one query, so a change is visible
 * on the next request, on every instance of the service.
 */
@Injectable()
export class MyShiftsService {
  private readonly views = new Map<string, Promise<RosterView>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
   * start. Drafts and superseded versions are never shown. The shifts are shared with the cache
   * (and frozen): callers must not change them.
   */
  async publishedShifts(employeeId: string, from: Date, to: Date): Promise<MyShift[]> {
    const { weeks, stamp } = await this.currentWeeks(employeeId, from, to);
    const result: MyShift[] = [];
    for (const roster of weeks) {
      for (const shift of answer(await this.view(roster, stamp), employeeId))
        if (shift.start.getTime() < to.getTime() && shift.end.getTime() > from.getTime())
          result.push(shift);
    }
    return result.sort((x, y) => x.start.getTime() - y.start.getTime());
  }

  /**
   * One query (CURRENT_WEEKS_SQL): the published rosters of the weeks that can hold shifts
   * overlapping [from, to), and the stamp of everything else the answers depend on.
   */
  private async currentWeeks(
    employeeId: string,
    from: Date,
    to: Date,
  ): Promise<{ weeks: PublishedWeek[]; stamp: string }> {
    // A named statement: parsed and planned once per connection rather than on every request
    // (planning took about three times as long as running it). TypeORM cannot name statements, so
    // this goes to its pool directly.
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const { rows } = await pool.query<CurrentWeekRow>({
      name: 'my-shifts-current-weeks',
      text: CURRENT_WEEKS_SQL,
      // A week's shifts lie within its Monday-to-Monday in the planning zone (give or take a day).
      values: [employeeId, isoDate(from.getTime() - 8 * DAY_MS), isoDate(to.getTime() + DAY_MS)],
    });
    const [first] = rows;
    if (!first?.known) throw new NotFoundError('Employee', employeeId, 'employeeId');
    return {
      stamp: first.others,
      weeks: rows
        .filter((r): r is typeof r & { id: string } => r.id !== null)
        .map((r) => ({
          id: r.id,
          rowVersion: r.row_version,
          week: r.week,
          version: r.version,
          timeZone: r.time_zone,
          intervalMinutes: r.interval_minutes,
        })),
    };
  }

  /**
   * What one published roster version shows, from the cache when it holds it (least recently used
   * dropped first). Concurrent requests share one read; a failed one is not kept.
   */
  private view(roster: PublishedWeek, stamp: string): Promise<RosterView> {
    const key = `${roster.id}:${roster.rowVersion}:${stamp}`;
    const cached = this.views.get(key);
    if (cached) {
      this.views.delete(key);
      this.views.set(key, cached);
      return cached;
    }
    const computed = this.computeView(roster);
    this.views.set(key, computed);
    if (this.views.size > CACHED_ROSTERS) this.views.delete(this.views.keys().next().value!);
    computed.catch(() => {
      if (this.views.get(key) === computed) this.views.delete(key);
    });
    return computed;
  }

  /**
   * What every answer for one roster version shares: its shifts with their employees' names and
   * zones and their templates' breaks, its allocations by employee and queue names. Raw rows: with
   * entity hydration and every shift's local times up front this took 30-80 ms of CPU at the
   * medium organisation, stalling every other request at each roster change. Read after the
   * check, so never older than the version it is cached under (at worst newer, when a change
   * commits in between; that entry is then never asked for again).
   */
  private async computeView(roster: PublishedWeek): Promise<RosterView> {
    const rows = await this.dataSource.query<ShiftRow[]>(
      `SELECT s.id, s.employee_id, s.start_at, s.end_at, e.name, e.role, e.time_zone, t.unpaid_breaks
       FROM roster_shift s JOIN employee e ON e.id = s.employee_id
       LEFT JOIN shift_template t ON t.id = s.template_id
       WHERE s.roster_id = $1 ORDER BY s.start_at, s.employee_id`,
      [roster.id],
    );
    const shifts = new Map<string, ShiftRow[]>();
    for (const row of rows) {
      const mine = shifts.get(row.employee_id);
      if (mine) mine.push(row);
      else shifts.set(row.employee_id, [row]);
    }
    const queues = await this.dataSource.query<{ id: string; key: string; name: string }[]>(
      `SELECT id, key, name FROM queue`,
    );
    return {
      roster,
      origin: gridStart(roster),
      shifts,
      pharmacists: rows.filter((row) => row.role === 'PHARMACIST'),
      allocations: await this.allocationsByEmployee(roster.id),
      queues: new Map(queues.map((q) => [q.id, q])),
      answers: new Map(),
    };
  }

  /** Each technician's (queueId, state) pairs per interval index of the roster's week grid. */
  private async allocationsByEmployee(
    rosterId: string,
  ): Promise<Map<string, Map<number, [string, string][]>>> {
    const [row] = await this.dataSource.query<{ allocations: StoredAllocation[] }[]>(
      `SELECT allocations FROM roster WHERE id = $1`,
      [rosterId],
    );
    const byEmployee = new Map<string, Map<number, [string, string][]>>();
    for (const [employeeId, interval, queueId, state] of row?.allocations ?? []) {
      let byInterval = byEmployee.get(employeeId);
      if (!byInterval)
        byEmployee.set(employeeId, (byInterval = new Map<number, [string, string][]>()));
      const pairs = byInterval.get(interval);
      if (pairs) pairs.push([queueId, state]);
      else byInterval.set(interval, [[queueId, state]]);
    }
    return byEmployee;
  }
}

/** The employee's shifts in the view's roster, computed on their first request and kept (frozen). */
function answer(view: RosterView, employeeId: string): readonly MyShift[] {
  let mine = view.answers.get(employeeId);
  if (!mine) {
    const { roster, origin, allocations, pharmacists, queues } = view;
    mine = Object.freeze(
      (view.shifts.get(employeeId) ?? []).map((row) => {
        return Object.freeze({
          id: row.id,
          start: row.start_at,
          end: row.end_at,
          ...localShiftTimes(row.start_at, row.end_at, row.time_zone),
          paidHours: paidHours(
            { start: row.start_at, end: row.end_at },
            row.unpaid_breaks ? { unpaidBreaks: row.unpaid_breaks } : undefined,
          ),
          rosterId: roster.id,
          rosterVersion: roster.version,
          allocations: Object.freeze(
            summarise(roster, origin, row, allocations.get(employeeId), queues),
          ),
          supervisingPharmacists: Object.freeze(
            [
              ...new Set(
                pharmacists
                  .filter(
                    (p) =>
                      p.employee_id !== employeeId &&
                      p.start_at < row.end_at &&
                      p.end_at > row.start_at,
                  )
                  .map((p) => p.name),
              ),
            ].sort((x, y) => x.localeCompare(y)),
          ),
        }) as MyShift;
      }),
    );
    view.answers.set(employeeId, mine);
  }
  return mine;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Interval i starts at Monday 00:00 of the roster's week in its zone, plus i × intervalMinutes. */
export function gridStart(roster: Pick<RosterEntity, 'week' | 'timeZone'>): number {
  return DateTime.fromISO(roster.week, { zone: roster.timeZone }).startOf('day').toMillis();
}

/** The queues and states of a shift's intervals; `origin` is the roster's gridStart. */
function summarise(
  roster: Pick<RosterEntity, 'intervalMinutes'>,
  origin: number,
  shift: Pick<ShiftRow, 'start_at' | 'end_at'>,
  byInterval: Map<number, [string, string][]> | undefined,
  queues: ReadonlyMap<string, { key: string; name: string }>,
): ShiftAllocationSummary[] {
  const step = roster.intervalMinutes * 60_000;
  const first = Math.ceil((shift.start_at.getTime() - origin) / step);
  const last = Math.ceil((shift.end_at.getTime() - origin) / step);
  const pairs: (readonly [string, string])[] = [];
  for (let i = first; i < last; i++) pairs.push(...(byInterval?.get(i) ?? []));
  return summariseWork(pairs, roster.intervalMinutes, queues);
}
