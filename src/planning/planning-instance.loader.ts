import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThan, MoreThan, type DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { groupBy } from '../core/checker/context.js';
import { ValidationFailedError } from '../core/errors.js';
import {
  DEFAULT_UNPOPULAR_SHIFT,
  DEFAULT_WEIGHTS,
  TASK_TYPES,
  type DemandEntry,
  type Employee,
  type JurisdictionRuleSet,
  type PlanningInstance,
  type Queue,
  type RemoteTaskRule,
  type Roster,
  type Shift,
  type ShiftTemplate,
  type SoftWeights,
  type TaskType,
} from '../core/model/index.js';
import { buildGrid, formatLocalTime } from '../core/time/index.js';
import { QueueChannel, QueueEntity } from '../demand/entities/queue.entity.js';
import { ShiftTemplateEntity } from '../demand/entities/shift-template.entity.js';
import {
  JurisdictionRuleSetEntity,
  SupervisionKind,
} from '../regulation/jurisdiction-rule-set.entity.js';
import {
  deferredRequirements,
  planningWeek,
  voiceRequirements,
} from '../staffing/staffing.service.js';
import { AvailabilityWindowEntity } from '../workforce/entities/availability-window.entity.js';
import { CertificationEntity } from '../workforce/entities/certification.entity.js';
import { EmployeeEntity } from '../workforce/entities/employee.entity.js';
import { LicenceEntity } from '../workforce/entities/licence.entity.js';
import { TimeOffEntity, TimeOffStatus } from '../workforce/entities/time-off.entity.js';

export interface PlanningOptions {
  readonly pinnedShifts?: readonly Shift[];
  readonly previousRoster?: Roster | null;
  readonly weights?: Partial<SoftWeights>;
  readonly seed?: number;
  readonly timeZone?: string;
}

/** A remote task a state's rules do not mention may not be done remotely for that state. */
const NOT_LISTED: RemoteTaskRule = {
  remoteAllowed: false,
  minStateCredential: 'NONE',
  requiresCertification: false,
  minExperienceHours: 0,
};

/**
 * Reads one planning week from the database into the core's PlanningInstance: active employees
 * with their credentials, availability and approved time off; every rule-set version; queues;
 * shift templates; and the demand the staffing engine derives from the stored forecasts.
 * Reads only: the optimizer then runs without any transaction held open.
 */
@Injectable()
export class PlanningInstanceLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async load(weekStart: string, options: PlanningOptions = {}): Promise<PlanningInstance> {
    const timeZone = options.timeZone ?? this.config.planning.timeZone;
    const window = planningWeek(weekStart, timeZone);
    const queueEntities = await this.dataSource
      .getRepository(QueueEntity)
      .find({ order: { key: 'ASC' } });
    const intervalMinutes = await this.intervalMinutes(
      window.start.toJSDate(),
      window.end.toJSDate(),
    );
    const week = { weekStart, timeZone, intervalMinutes } as const;
    const [employees, ruleSets, templates, demand] = await Promise.all([
      this.employees(queueEntities, window.start.toJSDate(), window.end.toJSDate()),
      this.ruleSets(),
      this.templates(),
      this.demand(week, queueEntities),
    ]);
    return {
      id: `week-${weekStart}`,
      week,
      employees,
      ruleSets,
      queues: queueEntities.map(toCoreQueue),
      demand,
      templates,
      pinnedShifts: options.pinnedShifts ?? [],
      previousRoster: options.previousRoster ?? null,
      weights: { ...DEFAULT_WEIGHTS, ...options.weights },
      unpopularShift: DEFAULT_UNPOPULAR_SHIFT,
      seed: options.seed ?? 1,
    };
  }

  /** The grid of the week's stored forecasts (all must agree), 30 minutes when none is stored. */
  private async intervalMinutes(from: Date, to: Date): Promise<15 | 30> {
    const rows = await this.dataSource.query<{ interval_minutes: number }[]>(
      'SELECT DISTINCT interval_minutes FROM forecast WHERE interval_start >= $1 AND interval_start < $2',
      [from, to],
    );
    if (rows.length > 1)
      throw ValidationFailedError.forField(
        'week',
        from.toISOString(),
        'the stored forecasts of this week mix 15- and 30-minute grids',
      );
    return rows[0]?.interval_minutes === 15 ? 15 : 30;
  }

  private async employees(queues: QueueEntity[], from: Date, to: Date): Promise<Employee[]> {
    const queueIdByKey = new Map(queues.map((q) => [q.key, q.id]));
    const people = await this.dataSource
      .getRepository(EmployeeEntity)
      .find({ where: { active: true }, order: { seq: 'ASC' } });
    const [licences, certifications, windows, timeOff] = await Promise.all([
      this.dataSource.getRepository(LicenceEntity).find().then(byEmployee),
      this.dataSource.getRepository(CertificationEntity).find().then(byEmployee),
      this.dataSource
        .getRepository(AvailabilityWindowEntity)
        .find({ order: { dayOfWeek: 'ASC', startMinute: 'ASC' } })
        .then(byEmployee),
      this.dataSource
        .getRepository(TimeOffEntity)
        .find({
          where: { status: TimeOffStatus.APPROVED, start: LessThan(to), end: MoreThan(from) },
        })
        .then(byEmployee),
    ]);
    return people.map((person) =>
      toCoreEmployee(person, queueIdByKey, {
        licences: licences.get(person.id) ?? [],
        certifications: certifications.get(person.id) ?? [],
        windows: windows.get(person.id) ?? [],
        timeOff: timeOff.get(person.id) ?? [],
      }),
    );
  }

  private async ruleSets(): Promise<JurisdictionRuleSet[]> {
    const rows = await this.dataSource
      .getRepository(JurisdictionRuleSetEntity)
      .find({ order: { state: 'ASC', effectiveFrom: 'ASC' } });
    return rows.map(toCoreRuleSet);
  }

  private async templates(): Promise<ShiftTemplate[]> {
    const rows = await this.dataSource
      .getRepository(ShiftTemplateEntity)
      .find({ order: { key: 'ASC' } });
    return rows.map((t) => ({
      id: t.id,
      name: t.name,
      startTimes: t.startMinutes.map(formatLocalTime),
      lengthsHours: t.lengthMinutes.map((minutes) => minutes / 60),
      unpaidBreaks: t.unpaidBreaks.map((rule) => ({
        minShiftHours: rule.minShiftMinutes / 60,
        unpaidMinutes: rule.unpaidMinutes,
      })),
    }));
  }

  /** Staff wanted per (interval, queue, state): the heads to schedule, from the staffing engine. */
  private async demand(
    week: { weekStart: string; timeZone: string; intervalMinutes: 15 | 30 },
    queues: QueueEntity[],
  ): Promise<DemandEntry[]> {
    const grid = buildGrid(week);
    const rows = await this.dataSource.query<
      { queue_id: string; state: string; interval_start: Date; volume: string }[]
    >(
      'SELECT queue_id, state, interval_start, volume FROM forecast WHERE interval_start >= $1 AND interval_start < $2',
      [new Date(grid.start), new Date(grid.end)],
    );
    const groups = new Map<string, number[]>();
    for (const row of rows) {
      const key = `${row.queue_id}|${row.state}`;
      const volumes = groups.get(key) ?? new Array<number>(grid.count).fill(0);
      volumes[Math.round((row.interval_start.getTime() - grid.start) / grid.intervalMs)] = Number(
        row.volume,
      );
      groups.set(key, volumes);
    }
    const queueById = new Map(queues.map((q) => [q.id, q]));
    const demand: DemandEntry[] = [];
    for (const [key, volumes] of groups) {
      const [queueId, state] = key.split('|') as [string, string];
      const queue = queueById.get(queueId)!;
      const sized =
        queue.channel === QueueChannel.VOICE
          ? voiceRequirements(queue, volumes, week.intervalMinutes)
          : deferredRequirements(queue, volumes, week.intervalMinutes);
      sized.forEach((cell, intervalIndex) => {
        if (cell.scheduledStaff > 0)
          demand.push({ intervalIndex, queueId, state, required: cell.scheduledStaff });
      });
    }
    return demand.sort(
      (a, b) =>
        a.intervalIndex - b.intervalIndex ||
        a.queueId.localeCompare(b.queueId) ||
        a.state.localeCompare(b.state),
    );
  }
}

export function toCoreQueue(q: QueueEntity): Queue {
  return {
    id: q.id,
    name: q.name,
    taskType: q.taskType,
    channel: q.channel,
    states: [...q.states],
    requiresStateLicence: q.requiresStateLicence,
  };
}

export function toCoreRuleSet(r: JurisdictionRuleSetEntity): JurisdictionRuleSet {
  const listed = new Map(r.taskRules.map((rule) => [rule.taskType as string, rule]));
  const tasks = Object.fromEntries(
    TASK_TYPES.map((taskType): [TaskType, RemoteTaskRule] => {
      const rule = listed.get(taskType);
      return [
        taskType,
        rule
          ? {
              remoteAllowed: rule.remoteAllowed,
              minStateCredential: rule.minStateCredential,
              requiresCertification: rule.requiresCertification,
              minExperienceHours: rule.minExperienceHours,
            }
          : NOT_LISTED,
      ];
    }),
  ) as Record<TaskType, RemoteTaskRule>;
  return {
    id: r.id,
    state: r.state,
    effectiveFrom: r.effectiveFrom,
    supervision:
      r.supervisionKind === SupervisionKind.RATIO
        ? {
            kind: 'RATIO',
            tiers: r.ratioTiers,
            maxUncertifiedPerPharmacist: r.maxUncertifiedPerPharmacist,
          }
        : { kind: 'NONE' },
    remoteTechniciansCount: r.remoteTechniciansCount,
    supervisorMustHoldStateLicence: r.supervisorMustHoldStateLicence,
    internsCount: r.internsCount,
    tasks,
    citation: r.citation,
    confidenceNote: r.confidenceNote ?? '',
  };
}

function byEmployee<T extends { employeeId: string }>(rows: T[]): Map<string, T[]> {
  return groupBy(rows, (row) => row.employeeId);
}

/** An employee row and its related rows as the core's `Employee` (skills by queue id). */
function toCoreEmployee(
  p: EmployeeEntity,
  queueIdByKey: ReadonlyMap<string, string>,
  related: {
    licences: LicenceEntity[];
    certifications: CertificationEntity[];
    windows: AvailabilityWindowEntity[];
    timeOff: TimeOffEntity[];
  },
): Employee {
  return {
    id: p.id,
    role: p.role,
    timeZone: p.timeZone,
    hireDate: p.hireDate,
    leaveDate: null,
    contract: {
      minHoursPerWeek: p.minHoursPerWeek,
      maxHoursPerWeek: p.maxHoursPerWeek,
      maxHoursPerDay: p.maxHoursPerDay,
      minRestHours: p.minRestHours,
      maxConsecutiveDays: p.maxConsecutiveDays,
      overtimeThresholdHours: p.overtimeThresholdHours,
      overtimeMultiplier: p.overtimeMultiplier,
      hourlyRate: p.hourlyRate,
    },
    skills: p.skills
      .map((key) => queueIdByKey.get(key))
      .filter((id): id is string => id !== undefined),
    remote: p.remote,
    licences: related.licences.map((l) => ({
      state: l.state,
      kind: l.kind,
      validFrom: l.validFrom,
      validUntil: l.validUntil,
    })),
    certifications: related.certifications.map((c) => ({
      kind: c.kind,
      obtained: c.obtained,
      expires: c.expires,
    })),
    experienceHours: p.remoteExperienceHours,
    availability: related.windows.map((w) => ({
      dayOfWeek: w.dayOfWeek as 1 | 2 | 3 | 4 | 5 | 6 | 7,
      start: formatLocalTime(w.startMinute),
      end: formatLocalTime(w.endMinute),
    })),
    timeOff: related.timeOff.map((t) => ({ start: t.start.getTime(), end: t.end.getTime() })),
    // Not stored by the service yet (docs/architecture.md, "An optimization run"): the
    // optimizer's preference and cross-week fairness terms see none.
    preferences: null,
    history: null,
  };
}
