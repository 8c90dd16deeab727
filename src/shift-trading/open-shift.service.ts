import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan, MoreThan } from 'typeorm';
import type { Principal } from '../auth/role.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../core/errors.js';
import { QueueEntity } from '../demand/entities/queue.entity.js';
import { ShiftTemplateEntity } from '../demand/entities/shift-template.entity.js';
import { RosterShiftEntity } from '../rostering/entities/roster-shift.entity.js';
import { buildGrid, type TimeGrid } from '../core/time/index.js';
import { EmployeeEntity, EmployeeRole } from '../workforce/entities/employee.entity.js';
import { TRADING_CLOCK, type Clock } from './clock.js';
import {
  OpenShiftEntity,
  OpenShiftOrigin,
  OpenShiftStatus,
  type StoredOpenShiftWork,
} from './entities/open-shift.entity.js';
import { ShiftTradeEntity, TradeKind, TradeStatus } from './entities/shift-trade.entity.js';
import type { PostOpenShiftInput } from './graphql/trade.input.js';
import type { TradeVerdict } from '../core/trading/index.js';
import {
  OpportunityKind,
  type OpenShift,
  type ShiftOpportunity,
  type ShiftTrade,
} from './graphql/trade.model.js';
import { TradeCheckService, type PublishedWeek } from './trade-check.service.js';
import { filling } from './trade-planner.js';
import { TradeLedger } from './trade-ledger.service.js';
import { TradeReadService } from './trade-read.service.js';
import { reasonsOf } from './trade-result.js';

/** How many opportunities one call checks: each is a full run of the checker. */
const MAX_OPPORTUNITIES = 50;
const MAX_RANGE_MS = 62 * 86_400_000;

/** An open shift or a colleague's offer (exactly one of the two). */
type OpportunityCandidate =
  { open: OpenShiftEntity; offer: null } | { open: null; offer: ShiftTradeEntity };

type Takeable = OpportunityCandidate & { verdict: TradeVerdict };

/** Open shifts (posted by managers, or opened by time off) and what employees may pick up. */
@Injectable()
export class OpenShiftService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: TradeCheckService,
    private readonly ledger: TradeLedger,
    private readonly reads: TradeReadService,
    @Inject(TRADING_CLOCK) private readonly clock: Clock,
  ) {}

  async post(input: PostOpenShiftInput, principal: Principal): Promise<OpenShift> {
    if (input.end <= input.start)
      throw ValidationFailedError.forField(
        'input.end',
        input.end.toISOString(),
        `must be after start (${input.start.toISOString()})`,
      );
    if (input.start.getTime() <= this.clock.now().getTime())
      throw ValidationFailedError.forField(
        'input.start',
        input.start.toISOString(),
        'must be in the future',
      );
    const week = await this.checks.publishedWeek(input.rosterId, 'input.rosterId');
    const template = await this.dataSource
      .getRepository(ShiftTemplateEntity)
      .findOneBy({ id: input.templateId });
    if (!template) throw new NotFoundError('ShiftTemplate', input.templateId, 'input.templateId');
    const grid = buildGrid(week.instance.week);
    if (input.start.getTime() < grid.start || input.start.getTime() >= grid.end)
      throw ValidationFailedError.forField(
        'input.start',
        input.start.toISOString(),
        `must lie in the roster’s week of ${week.stored.week}`,
      );
    const work = await this.workOf(input, grid);
    const saved = await this.dataSource.getRepository(OpenShiftEntity).save({
      rosterId: input.rosterId,
      start: input.start,
      end: input.end,
      templateId: input.templateId,
      role: input.role,
      work,
      origin: OpenShiftOrigin.MANAGER,
      previousEmployeeId: null,
      timeOffId: null,
      tradeId: null,
      createdBy: principal.subject,
    });
    return (await this.reads.openShiftViews([saved], principal))[0];
  }

  async cancel(id: string, principal: Principal): Promise<OpenShift> {
    const updated = await this.dataSource
      .getRepository(OpenShiftEntity)
      .update({ id, status: OpenShiftStatus.OPEN }, { status: OpenShiftStatus.CANCELLED });
    const row = await this.dataSource.getRepository(OpenShiftEntity).findOneBy({ id });
    if (!row) throw new NotFoundError('OpenShift', id, 'id');
    if (!updated.affected)
      throw new ConflictError(`Open shift ${id} is ${row.status.toLowerCase()}, not open`, {
        field: 'id',
        value: id,
      });
    return (await this.reads.openShiftViews([row], principal))[0];
  }

  /** For managers: a roster's open shifts, all statuses, by start. */
  async ofRoster(rosterId: string, principal: Principal): Promise<OpenShift[]> {
    const rows = await this.dataSource
      .getRepository(OpenShiftEntity)
      .find({ where: { rosterId }, order: { start: 'ASC' } });
    return this.reads.openShiftViews(rows, principal);
  }

  /**
   * Open shifts and colleagues' offers in [from, to) that the caller could take: same role, not
   * started, and no hard rule broken on the roster as it would be after taking it.
   */
  async opportunities(
    employeeId: string,
    from: Date,
    to: Date,
    principal: Principal,
  ): Promise<ShiftOpportunity[]> {
    if (to <= from || to.getTime() - from.getTime() > MAX_RANGE_MS)
      throw ValidationFailedError.forField(
        'to',
        to.toISOString(),
        'expected after from, at most 62 days later',
      );
    const me = await this.dataSource.getRepository(EmployeeEntity).findOneBy({ id: employeeId });
    if (!me) throw new NotFoundError('Employee', employeeId, 'employeeId');
    const now = this.clock.now();
    await this.ledger.expireDue(now);
    const after = new Date(Math.max(from.getTime(), now.getTime()));
    const opens = await this.dataSource.getRepository(OpenShiftEntity).find({
      where: {
        status: OpenShiftStatus.OPEN,
        role: me.role,
        start: MoreThan(after),
        end: MoreThan(from),
      },
      order: { start: 'ASC' },
      take: MAX_OPPORTUNITIES,
    });
    const offers = await this.openOffers(me, after, to);
    const candidates: OpportunityCandidate[] = [
      ...opens.filter((o) => o.start < to).map((open) => ({ open, offer: null })),
      ...offers.map((offer) => ({ open: null, offer })),
    ].slice(0, MAX_OPPORTUNITIES);
    const takeable = await this.takeable(me, candidates);
    return this.opportunityViews(takeable, principal);
  }

  /** The candidates the employee could take: the checker's verdict on each is not REFUSE. */
  private async takeable(
    me: EmployeeEntity,
    candidates: OpportunityCandidate[],
  ): Promise<Takeable[]> {
    const weeks = new Map<string, Promise<PublishedWeek | null>>();
    const takeable: Takeable[] = [];
    for (const candidate of candidates) {
      const { open, offer } = candidate;
      const rosterId = (open ?? offer).rosterId;
      if (!weeks.has(rosterId)) weeks.set(rosterId, this.checks.currentWeek(rosterId));
      const week = await weeks.get(rosterId)!;
      if (!week) continue;
      const { verdict } = this.checks.judge(
        week,
        open
          ? filling(open, me.id, open.id)
          : { kind: 'HAND_OVER', handOvers: [{ shiftId: offer.shiftId!, toEmployeeId: me.id }] },
      );
      if (verdict.decision !== 'REFUSE') takeable.push({ ...candidate, verdict });
    }
    return takeable;
  }

  /** The takeable shifts as the caller may see them, with the verdict's approval and reasons. */
  private async opportunityViews(
    takeable: Takeable[],
    principal: Principal,
  ): Promise<ShiftOpportunity[]> {
    const [openViews, offerViews] = await Promise.all([
      this.reads.openShiftViews(
        takeable.flatMap((t) => (t.open ? [t.open] : [])),
        principal,
      ),
      this.reads.views(
        takeable.flatMap((t) => (t.offer ? [t.offer] : [])),
        principal,
      ),
    ]);
    const shown = new Map<string, OpenShift | ShiftTrade>(
      [...openViews, ...offerViews].map((v) => [v.id, v]),
    );
    return takeable.map(({ open, offer, verdict }) => ({
      kind: open ? OpportunityKind.OPEN_SHIFT : OpportunityKind.OFFER,
      openShift: open ? (shown.get(open.id) as OpenShift) : null,
      offer: offer ? (shown.get(offer.id) as ShiftTrade) : null,
      needsApproval: verdict.decision === 'NEEDS_APPROVAL',
      reasons: reasonsOf(verdict),
    }));
  }

  /** Colleagues' open offers (same role) whose shift starts in [after, to). */
  private async openOffers(me: EmployeeEntity, after: Date, to: Date): Promise<ShiftTradeEntity[]> {
    const offers = await this.dataSource.getRepository(ShiftTradeEntity).find({
      where: { kind: TradeKind.OFFER, status: TradeStatus.REQUESTED },
      order: { expiresAt: 'ASC' },
    });
    const others = offers.filter(
      (o) => o.requesterId !== me.id && o.expiresAt > after && o.expiresAt < to,
    );
    if (others.length === 0) return [];
    const sameRole = new Set(
      (
        await this.dataSource.getRepository(EmployeeEntity).find({
          select: { id: true },
          where: { id: In(others.map((o) => o.requesterId)), role: me.role },
        })
      ).map((e) => e.id),
    );
    const shifts = new Set(
      (
        await this.dataSource.getRepository(RosterShiftEntity).find({
          select: { id: true },
          where: { id: In(others.map((o) => o.shiftId!)), start: LessThan(to) },
        })
      ).map((s) => s.id),
    );
    return others.filter((o) => sameRole.has(o.requesterId) && shifts.has(o.shiftId!));
  }

  /** A posted technician shift works one queue for one state throughout; a pharmacist's carries no work. */
  private async workOf(input: PostOpenShiftInput, grid: TimeGrid): Promise<StoredOpenShiftWork[]> {
    if ((input.queueKey == null) !== (input.state == null))
      throw ValidationFailedError.forField(
        'input.state',
        input.state ?? null,
        'give both queueKey and state, or neither',
      );
    if (!input.queueKey || !input.state) return [];
    if (input.role !== EmployeeRole.TECHNICIAN)
      throw ValidationFailedError.forField(
        'input.queueKey',
        input.queueKey,
        'only a technician’s shift carries queue work',
      );
    const queue = await this.dataSource
      .getRepository(QueueEntity)
      .findOneBy({ key: input.queueKey });
    if (!queue) throw new NotFoundError('Queue', input.queueKey, 'input.queueKey');
    const first = Math.ceil((input.start.getTime() - grid.start) / grid.intervalMs);
    const last = Math.min(
      grid.count,
      Math.ceil((input.end.getTime() - grid.start) / grid.intervalMs),
    );
    return Array.from({ length: last - first }, (_, i): StoredOpenShiftWork => [
      first + i,
      queue.id,
      input.state!,
    ]);
  }
}
