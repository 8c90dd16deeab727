import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type FindOptionsSelect, In } from 'typeorm';
import type { Principal } from '../auth/role.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { ShiftTemplateEntity } from '../demand/entities/shift-template.entity.js';
import { EmployeeEntity } from '../workforce/entities/employee.entity.js';
import { RosterShiftEntity } from './entities/roster-shift.entity.js';
import { RosterEntity, RosterStatus } from './entities/roster.entity.js';
import type {
  Roster,
  RosterComparison,
  RosterShift,
  ShiftChange,
  ShortageExplanationModel,
} from './graphql/roster.model.js';
import { localShiftTimes } from './roster.mapping.js';
import { NotificationService } from '../notifications/notification.service.js';
import { RosterAnalysisService } from './roster-analysis.service.js';

/** The per-interval JSON of a version: large, and read only where it is needed. */
const ROSTER_DETAIL_COLUMNS: ReadonlySet<string> = new Set([
  'allocations',
  'supervision',
  'explanations',
]);

export function toRoster(e: RosterEntity): Roster {
  return {
    id: e.id,
    week: e.week,
    version: e.version,
    status: e.status,
    source: e.source,
    basedOnId: e.basedOnId,
    runId: e.runId,
    timeZone: e.timeZone,
    intervalMinutes: e.intervalMinutes,
    lowerBound: e.lowerBound,
    gap: e.gap,
    solveMethod: e.solveMethod,
    createdBy: e.createdBy,
    createdAt: e.createdAt,
    publishedBy: e.publishedBy,
    publishedAt: e.publishedAt,
  };
}

/** Paid hours of a shift: its length less the template's unpaid break. */
export function paidHours(
  shift: { start: Date; end: Date },
  template: Pick<ShiftTemplateEntity, 'unpaidBreaks'> | undefined,
): number {
  const minutes = (shift.end.getTime() - shift.start.getTime()) / 60_000;
  const unpaid = Math.max(
    0,
    ...(template?.unpaidBreaks ?? [])
      .filter((rule) => minutes >= rule.minShiftMinutes)
      .map((rule) => rule.unpaidMinutes),
  );
  return (minutes - unpaid) / 60;
}

@Injectable()
export class RosterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analysis: RosterAnalysisService,
    private readonly notifications: NotificationService,
  ) {}

  private summary: FindOptionsSelect<RosterEntity> | undefined;

  /** Every column of the roster table but the per-interval JSON: what a `Roster` shows. */
  private get summaryColumns(): FindOptionsSelect<RosterEntity> {
    this.summary ??= Object.fromEntries(
      this.dataSource
        .getMetadata(RosterEntity)
        .columns.filter((column) => !ROSTER_DETAIL_COLUMNS.has(column.propertyName))
        .map((column) => [column.propertyName, true]),
    );
    return this.summary;
  }

  async byId(id: string): Promise<Roster> {
    const row = await this.dataSource
      .getRepository(RosterEntity)
      .findOne({ select: this.summaryColumns, where: { id } });
    if (!row) throw new NotFoundError('Roster', id);
    return toRoster(row);
  }

  async versions(week: string): Promise<Roster[]> {
    return (
      await this.dataSource.getRepository(RosterEntity).find({
        select: this.summaryColumns,
        where: { week },
        order: { version: 'ASC' },
      })
    ).map(toRoster);
  }

  async published(week: string): Promise<Roster | null> {
    const row = await this.dataSource.getRepository(RosterEntity).findOne({
      select: this.summaryColumns,
      where: { week, status: RosterStatus.PUBLISHED },
    });
    return row ? toRoster(row) : null;
  }

  /** Why service is short where it is, as the solve explained it (read only when asked for). */
  async explanations(rosterId: string): Promise<ShortageExplanationModel[]> {
    const row = await this.dataSource
      .getRepository(RosterEntity)
      .findOne({ select: { id: true, explanations: true }, where: { id: rosterId } });
    if (!row) throw new NotFoundError('Roster', rosterId);
    return (
      row.explanations as {
        intervalIndex: number;
        state: string;
        queueId: string;
        shortStaff: number;
        reasons: { message: string }[];
      }[]
    ).map((x) => ({
      intervalIndex: x.intervalIndex,
      state: x.state,
      queueId: x.queueId,
      shortStaff: x.shortStaff,
      reasons: x.reasons.map((r) => r.message),
    }));
  }

  /** Shifts with each employee's local times, ordered by start, optionally for one employee. */
  async shifts(rosterId: string, employeeId?: string | null): Promise<RosterShift[]> {
    const shifts = await this.dataSource.getRepository(RosterShiftEntity).find({
      where: { rosterId, ...(employeeId ? { employeeId } : {}) },
      order: { start: 'ASC', employeeId: 'ASC' },
    });
    const employees = new Map(
      (
        await this.dataSource
          .getRepository(EmployeeEntity)
          .findBy({ id: In([...new Set(shifts.map((s) => s.employeeId))]) })
      ).map((e) => [e.id, e]),
    );
    const templates = new Map(
      (await this.dataSource.getRepository(ShiftTemplateEntity).find()).map((t) => [t.id, t]),
    );
    return shifts.map((s) => {
      const employee = employees.get(s.employeeId)!;
      return {
        id: s.id,
        employeeId: s.employeeId,
        employeeName: employee.name,
        role: employee.role,
        start: s.start,
        end: s.end,
        ...localShiftTimes(s.start, s.end, employee.timeZone),
        paidHours: paidHours(s, templates.get(s.templateId)),
        pinned: s.pinned,
      };
    });
  }

  /**
   * Publishes a draft: the week's previously published version becomes SUPERSEDED. Serialised per
   * week, and a partial unique index keeps one published roster per week even against races.
   */
  async publish(id: string, principal: Principal): Promise<Roster> {
    const roster = await this.entity(id);
    const analysis = await this.analysis.analyse(id);
    if (analysis.check.violations.length > 0) {
      throw new ConflictError(
        `Roster ${id} breaks ${analysis.check.violations.length} hard rule(s) and cannot be published; first: ${analysis.check.violations[0].message}`,
        { field: 'id', value: id },
      );
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('roster-week:' || $1, 0))`,
        [roster.week],
      );
      const current = await manager.getRepository(RosterEntity).findOneByOrFail({ id });
      if (current.status !== RosterStatus.DRAFT)
        throw new ConflictError(`Roster ${id} is ${current.status.toLowerCase()}, not a draft`, {
          field: 'id',
          value: id,
        });
      const replaced = await manager.getRepository(RosterEntity).findOne({
        select: { id: true },
        where: { week: roster.week, status: RosterStatus.PUBLISHED },
      });
      if (replaced)
        await manager
          .getRepository(RosterEntity)
          .update({ id: replaced.id }, { status: RosterStatus.SUPERSEDED });
      await manager.getRepository(RosterEntity).update(
        { id },
        {
          status: RosterStatus.PUBLISHED,
          publishedBy: principal.subject,
          publishedAt: new Date(),
        },
      );
      await this.notifications.rosterPublished(manager, id, roster.week, replaced?.id ?? null);
    });
    return this.byId(id);
  }

  /** Shifts added, removed and moved (same employee and local day, other times), and the change in totals. */
  async compare(fromId: string, toId: string): Promise<RosterComparison> {
    await this.entity(fromId);
    await this.entity(toId);
    const [from, to] = await Promise.all([this.shifts(fromId), this.shifts(toId)]);
    const [before, after] = await Promise.all([
      this.analysis.analyse(fromId),
      this.analysis.analyse(toId),
    ]);
    return {
      fromRosterId: fromId,
      toRosterId: toId,
      changes: shiftChanges(from, to),
      costDelta: after.check.soft.cost - before.check.soft.cost,
      shortageHoursDelta: after.check.soft.shortage - before.check.soft.shortage,
      weeklyServiceLevelDelta:
        before.weeklyServiceLevel !== null && after.weeklyServiceLevel !== null
          ? after.weeklyServiceLevel - before.weeklyServiceLevel
          : null,
    };
  }

  async entity(id: string): Promise<RosterEntity> {
    const roster = await this.dataSource.getRepository(RosterEntity).findOneBy({ id });
    if (!roster) throw new NotFoundError('Roster', id);
    return roster;
  }
}

export function shiftChanges(from: RosterShift[], to: RosterShift[]): ShiftChange[] {
  const key = (s: RosterShift) => `${s.employeeId}|${s.start.getTime()}|${s.end.getTime()}`;
  const day = (s: RosterShift) => `${s.employeeId}|${s.localDate}`;
  const toKeys = new Set(to.map(key));
  const fromKeys = new Set(from.map(key));
  const removed = from.filter((s) => !toKeys.has(key(s)));
  const added = to.filter((s) => !fromKeys.has(key(s)));
  const addedByDay = new Map(added.map((s) => [day(s), s]));
  const changes: ShiftChange[] = [];
  for (const old of removed) {
    const moved = addedByDay.get(day(old));
    if (moved) addedByDay.delete(day(old));
    changes.push({
      employeeId: old.employeeId,
      employeeName: old.employeeName,
      change: moved ? 'MOVED' : 'REMOVED',
      fromStart: old.start,
      fromEnd: old.end,
      toStart: moved?.start ?? null,
      toEnd: moved?.end ?? null,
    });
  }
  for (const s of addedByDay.values())
    changes.push({
      employeeId: s.employeeId,
      employeeName: s.employeeName,
      change: 'ADDED',
      fromStart: null,
      fromEnd: null,
      toStart: s.start,
      toEnd: s.end,
    });
  return changes.sort(
    (a, b) =>
      (a.fromStart ?? a.toStart)!.getTime() - (b.fromStart ?? b.toStart)!.getTime() ||
      a.employeeId.localeCompare(b.employeeId),
  );
}
