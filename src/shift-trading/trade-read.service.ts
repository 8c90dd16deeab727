import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In } from 'typeorm';
import { actsForAnyEmployee } from '../auth/ownership.js';
import { Role, type Principal } from '../auth/role.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError, ErrorCode, NotFoundError } from '../core/errors.js';
import { QueueEntity } from '../demand/entities/queue.entity.js';
import { ShiftTemplateEntity } from '../demand/entities/shift-template.entity.js';
import { RosterShiftEntity } from '../rostering/entities/roster-shift.entity.js';
import { RosterEntity } from '../rostering/entities/roster.entity.js';
import { paidHours } from '../rostering/roster.service.js';
import { EmployeeEntity } from '../workforce/entities/employee.entity.js';
import { TRADING_CLOCK, type Clock } from './clock.js';
import { OpenShiftEntity } from './entities/open-shift.entity.js';
import { ShiftTradeEventEntity } from './entities/shift-trade-event.entity.js';
import {
  OPEN_TRADE_STATUSES,
  ShiftTradeEntity,
  TradeStatus,
} from './entities/shift-trade.entity.js';
import type { OpenShift, ShiftTrade } from './graphql/trade.model.js';
import { TradeLedger } from './trade-ledger.service.js';
import { summariseOpenShiftWork, zonedShift } from './trade.mapping.js';

const MANAGERS: readonly Role[] = [Role.MANAGER, Role.ADMIN];
const PAGE = 200;

/** Trades and open shifts as their viewers see them: names only, times in the viewer's zone. */
@Injectable()
export class TradeReadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: TradeLedger,
    @Inject(TRADING_CLOCK) private readonly clock: Clock,
  ) {}

  /** The trade as stored, after lapsing what is due (once per operation: its entry point). */
  async current(id: string, field = 'id'): Promise<ShiftTradeEntity> {
    await this.ledger.expireDue(this.clock.now());
    return this.trade(id, field);
  }

  async trade(id: string, field = 'id'): Promise<ShiftTradeEntity> {
    const trade = await this.dataSource.getRepository(ShiftTradeEntity).findOneBy({ id });
    if (!trade) throw new NotFoundError('ShiftTrade', id, field);
    return trade;
  }

  /** Participants and managers see a trade; anyone else gets FORBIDDEN. */
  assertCanSee(trade: ShiftTradeEntity, principal: Principal): void {
    if (actsForAnyEmployee(principal, MANAGERS)) return;
    const me = principal.employeeId;
    if (me && (trade.requesterId === me || trade.counterpartId === me)) return;
    throw new DomainError(ErrorCode.FORBIDDEN, `Trade ${trade.id} is not one of yours`, {
      field: 'tradeId',
      value: trade.id,
    });
  }

  async view(id: string, viewer: Principal): Promise<ShiftTrade> {
    return (await this.views([await this.trade(id)], viewer))[0];
  }

  /** The caller's trades, as requester or colleague, newest first. */
  async mine(principal: Principal, employeeId: string, includeClosed: boolean) {
    await this.ledger.expireDue(this.clock.now());
    const query = this.dataSource
      .getRepository(ShiftTradeEntity)
      .createQueryBuilder('t')
      .where(
        new Brackets((q) =>
          q.where('t.requester_id = :me', { me: employeeId }).orWhere('t.counterpart_id = :me'),
        ),
      )
      .orderBy('t.created_at', 'DESC')
      .take(PAGE);
    if (!includeClosed) query.andWhere('t.status IN (:...open)', { open: OPEN_TRADE_STATUSES });
    return this.views(await query.getMany(), principal);
  }

  /** For managers: trades by status (default: those waiting for a manager), newest first. */
  async list(principal: Principal, status: TradeStatus | null, awaitingApproval: boolean | null) {
    await this.ledger.expireDue(this.clock.now());
    const rows = await this.dataSource.getRepository(ShiftTradeEntity).find({
      where: {
        ...(status ? { status } : {}),
        ...(awaitingApproval !== null ? { awaitingApproval } : {}),
      },
      order: { createdAt: 'DESC' },
      take: PAGE,
    });
    return this.views(rows, principal);
  }

  async viewerZone(principal: Principal): Promise<string> {
    if (!principal.employeeId) return this.config.planning.timeZone;
    const me = await this.dataSource
      .getRepository(EmployeeEntity)
      .findOne({ select: { id: true, timeZone: true }, where: { id: principal.employeeId } });
    return me?.timeZone ?? this.config.planning.timeZone;
  }

  async views(trades: ShiftTradeEntity[], viewer: Principal): Promise<ShiftTrade[]> {
    if (trades.length === 0) return [];
    const zone = await this.viewerZone(viewer);
    const ids = trades.map((t) => t.id);
    const shiftIds = trades.flatMap((t) => [t.shiftId, t.counterpartShiftId]).filter(isSet);
    const openIds = trades.map((t) => t.openShiftId).filter(isSet);
    const peopleIds = trades.flatMap((t) => [t.requesterId, t.counterpartId]).filter(isSet);
    const [events, shifts, opens, people, templates] = await Promise.all([
      this.dataSource
        .getRepository(ShiftTradeEventEntity)
        .find({ where: { tradeId: In(ids) }, order: { at: 'ASC' } }),
      this.dataSource.getRepository(RosterShiftEntity).findBy({ id: In(shiftIds) }),
      this.dataSource.getRepository(OpenShiftEntity).findBy({ id: In(openIds) }),
      this.dataSource.getRepository(EmployeeEntity).find({
        select: { id: true, name: true },
        where: { id: In(peopleIds) },
      }),
      this.templates(),
    ]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const shown = (row: { id: string; start: Date; end: Date; templateId: string } | undefined) =>
      row ? zonedShift(row, zone, paidHours(row, templates.get(row.templateId))) : null;
    const shiftById = new Map(shifts.map((s) => [s.id, s]));
    const openById = new Map(opens.map((o) => [o.id, o]));
    return trades.map((t) => ({
      id: t.id,
      kind: t.kind,
      status: t.status,
      awaitingApproval: t.awaitingApproval,
      reasons: t.reasons.map((r) => ({ rule: r.rule, message: r.message })),
      requester: { employeeId: t.requesterId, name: names.get(t.requesterId) ?? '' },
      counterpart: t.counterpartId
        ? { employeeId: t.counterpartId, name: names.get(t.counterpartId) ?? '' }
        : null,
      shift: shown(t.shiftId ? shiftById.get(t.shiftId) : undefined),
      counterpartShift: shown(
        t.counterpartShiftId ? shiftById.get(t.counterpartShiftId) : undefined,
      ),
      openShift: shown(t.openShiftId ? openById.get(t.openShiftId) : undefined),
      note: t.note,
      expiresAt: t.expiresAt,
      createdAt: t.createdAt,
      history: events
        .filter((e) => e.tradeId === t.id)
        .map((e) => ({
          status: e.status,
          actor: e.actor,
          actorRole: e.actorRole,
          comment: e.comment,
          at: e.at,
        })),
    }));
  }

  async openShiftViews(rows: OpenShiftEntity[], viewer: Principal): Promise<OpenShift[]> {
    if (rows.length === 0) return [];
    const zone = await this.viewerZone(viewer);
    const [templates, queues, rosters] = await Promise.all([
      this.templates(),
      this.dataSource
        .getRepository(QueueEntity)
        .find()
        .then((qs) => new Map(qs.map((q) => [q.id, q]))),
      this.dataSource.getRepository(RosterEntity).find({
        select: { id: true, intervalMinutes: true },
        where: { id: In([...new Set(rows.map((r) => r.rosterId))]) },
      }),
    ]);
    const intervalMinutes = new Map(rosters.map((r) => [r.id, r.intervalMinutes]));
    return rows.map((row) => ({
      ...zonedShift(row, zone, paidHours(row, templates.get(row.templateId))),
      rosterId: row.rosterId,
      role: row.role,
      status: row.status,
      origin: row.origin,
      work: summariseOpenShiftWork(row.work, intervalMinutes.get(row.rosterId) ?? 30, queues),
    }));
  }

  async templates(): Promise<Map<string, ShiftTemplateEntity>> {
    const rows = await this.dataSource.getRepository(ShiftTemplateEntity).find();
    return new Map(rows.map((t) => [t.id, t]));
  }
}

function isSet<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
