import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Role, type Principal } from '../auth/role.js';
import { checkRoster } from '../core/checker/index.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import type { Roster as CoreRoster } from '../core/model/roster.js';
import { openShifts, type OpenShiftWork } from '../core/trading/index.js';
import { NotificationKind } from '../notifications/notification.entity.js';
import { NotificationService } from '../notifications/notification.service.js';
import { AvailabilityService } from '../workforce/availability.service.js';
import { EmployeeEntity } from '../workforce/entities/employee.entity.js';
import { TimeOffEntity, TimeOffStatus } from '../workforce/entities/time-off.entity.js';
import type { TimeOff } from '../workforce/graphql/availability.model.js';
import type { DecideTimeOffInput } from '../workforce/graphql/availability.input.js';
import { TRADING_CLOCK, type Clock } from './clock.js';
import { OpenShiftEntity, OpenShiftOrigin } from './entities/open-shift.entity.js';
import {
  OPEN_TRADE_STATUSES,
  ShiftTradeEntity,
  TradeStatus,
} from './entities/shift-trade.entity.js';
import { PublishedRosterWriter, RosterChangedMeanwhile } from './published-roster.writer.js';
import { TradeCheckService, type PublishedWeek } from './trade-check.service.js';
import { SYSTEM_ACTOR, TradeLedger } from './trade-ledger.service.js';

const MAX_ATTEMPTS = 3;

/** One published roster losing the shifts an approved time off hits. */
interface Opening {
  readonly week: PublishedWeek;
  readonly after: CoreRoster;
  readonly opened: {
    shift: { id: string; start: number; end: number; templateId: string };
    work: OpenShiftWork[];
  }[];
  /** Hard rules the roster breaks once the shifts are gone (a ratio left short, say), for the manager. */
  readonly newProblems: string[];
}

/**
 * Deciding a time-off request. Approved time off that hits shifts of a published roster (not yet
 * started) takes the employee off them: each becomes an open shift with its work, open trades of
 * those shifts are cancelled, and managers are told what is now uncovered. All in the decision's
 * transaction, guarded by the roster versions that were read.
 */
@Injectable()
export class TimeOffDecisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly availability: AvailabilityService,
    private readonly checks: TradeCheckService,
    private readonly writer: PublishedRosterWriter,
    private readonly ledger: TradeLedger,
    private readonly notifications: NotificationService,
    @Inject(TRADING_CLOCK) private readonly clock: Clock,
  ) {}

  async decide(input: DecideTimeOffInput, principal: Principal): Promise<TimeOff> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const request = await this.dataSource
        .getRepository(TimeOffEntity)
        .findOneBy({ id: input.id });
      if (!request) throw new NotFoundError('TimeOff', input.id, 'input.id');
      const openings = input.approve ? await this.openings(request) : [];
      try {
        return await this.availability.decideTimeOff(input, principal.subject, (manager, decided) =>
          this.consequences(manager, decided, openings, principal),
        );
      } catch (error) {
        if (!(error instanceof RosterChangedMeanwhile)) throw error;
      }
    }
    throw new ConflictError(
      `The roster kept changing while time off ${input.id} was decided; try again`,
      {
        field: 'input.id',
        value: input.id,
      },
    );
  }

  /** The employee's published shifts the time off overlaps and that have not started, per roster. */
  private async openings(request: TimeOffEntity): Promise<Opening[]> {
    const hit = await this.dataSource.query<{ id: string; roster_id: string }[]>(
      `SELECT s.id, s.roster_id FROM roster_shift s JOIN roster r ON r.id = s.roster_id
       WHERE r.status = 'PUBLISHED' AND s.employee_id = $1 AND s.start_at < $3 AND s.end_at > $2 AND s.start_at > $4`,
      [request.employeeId, request.start, request.end, this.clock.now()],
    );
    const byRoster = new Map<string, string[]>();
    for (const row of hit)
      byRoster.set(row.roster_id, [...(byRoster.get(row.roster_id) ?? []), row.id]);
    const result: Opening[] = [];
    for (const [rosterId, shiftIds] of byRoster) {
      const week = await this.checks.publishedWeek(rosterId, 'input.id');
      const { roster: after, opened } = openShifts(week.instance, week.roster, shiftIds);
      const before = new Set(week.check.violations.map((v) => v.message));
      const newProblems = checkRoster(week.instance, after)
        .violations.filter((v) => !before.has(v.message) && v.rule !== 'TIME_OFF')
        .map((v) => v.message);
      result.push({ week, after, opened, newProblems });
    }
    return result;
  }

  private async consequences(
    manager: EntityManager,
    decided: TimeOffEntity,
    openings: Opening[],
    principal: Principal,
  ): Promise<void> {
    const approved = decided.status === TimeOffStatus.APPROVED;
    await this.notifications.notify(manager, [
      {
        employeeId: decided.employeeId,
        kind: NotificationKind.TIME_OFF_DECIDED,
        message: `Your time off was ${approved ? 'approved' : 'rejected'}${decided.decisionComment ? `: ${decided.decisionComment}` : ''}`,
        payload: { timeOffId: decided.id },
      },
    ]);
    if (!approved) return;
    const employee = await manager
      .getRepository(EmployeeEntity)
      .findOneByOrFail({ id: decided.employeeId });
    for (const opening of openings) {
      const shiftIds = opening.opened.map((o) => o.shift.id);
      await this.writer.write(
        manager,
        opening.week.stored,
        opening.after,
        { removedShiftIds: shiftIds },
        {
          kind: 'TIME_OFF',
          detail: { timeOffId: decided.id, shiftIds },
          by: principal.subject,
        },
      );
      const saved = await manager.getRepository(OpenShiftEntity).save(
        opening.opened.map(({ shift, work }) => ({
          rosterId: opening.week.stored.id,
          start: new Date(shift.start),
          end: new Date(shift.end),
          templateId: shift.templateId,
          role: employee.role,
          work: work.map((w): [number, string, string] => [w.intervalIndex, w.queueId, w.state]),
          origin: OpenShiftOrigin.TIME_OFF,
          previousEmployeeId: employee.id,
          timeOffId: decided.id,
          tradeId: null,
          createdBy: principal.subject,
        })),
      );
      await this.cancelTradesOf(manager, shiftIds);
      await this.notifications.notify(manager, [
        ...saved.map((open) => ({
          role: Role.MANAGER,
          kind: NotificationKind.SHIFT_OPENED,
          message: `${employee.name}'s approved time off opened a shift (${open.start.toISOString()} to ${open.end.toISOString()}) for pickup${opening.newProblems.length ? `; until it is filled: ${opening.newProblems.slice(0, 3).join('; ')}` : ''}`,
          payload: { openShiftId: open.id, rosterId: open.rosterId, timeOffId: decided.id },
        })),
        ...saved.map((open) => ({
          employeeId: employee.id,
          kind: NotificationKind.SHIFT_CHANGED,
          message: `Your shift ${open.start.toISOString()} was taken off you for your approved time off`,
          payload: { openShiftId: open.id, rosterId: open.rosterId },
        })),
      ]);
    }
  }

  private async cancelTradesOf(manager: EntityManager, shiftIds: string[]): Promise<void> {
    const trades = await manager.getRepository(ShiftTradeEntity).find({
      where: [
        { shiftId: In(shiftIds), status: In([...OPEN_TRADE_STATUSES]) },
        { counterpartShiftId: In(shiftIds), status: In([...OPEN_TRADE_STATUSES]) },
      ],
    });
    for (const trade of trades) {
      await this.ledger.transition(
        manager,
        trade,
        [trade.status],
        { status: TradeStatus.CANCELLED, awaitingApproval: false },
        [
          {
            status: TradeStatus.CANCELLED,
            actor: SYSTEM_ACTOR,
            comment: 'a shift in it was opened by approved time off',
          },
        ],
      );
      await this.ledger.tell(
        manager,
        trade,
        NotificationKind.TRADE_REJECTED,
        'A shift trade was cancelled: a shift in it was opened by approved time off',
      );
    }
  }
}
