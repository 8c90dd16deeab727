import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { checkRoster, type CheckResult } from '../core/checker/index.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import type { PlanningInstance } from '../core/model/instance.js';
import type { Roster as CoreRoster } from '../core/model/roster.js';
import {
  judgeTrade,
  rosterAfterTrade,
  TradeNotApplicable,
  type TradeChange,
  type TradeVerdict,
} from '../core/trading/index.js';
import { RosterEntity, RosterStatus } from '../rostering/entities/roster.entity.js';
import { RosterAnalysisService } from '../rostering/roster-analysis.service.js';

/** A published roster version as read, with the week's data and the checker's verdict on it. */
export interface PublishedWeek {
  readonly stored: RosterEntity;
  readonly instance: PlanningInstance;
  readonly roster: CoreRoster;
  readonly check: CheckResult;
}

export interface TradeCheck {
  readonly week: PublishedWeek;
  readonly after: CoreRoster;
  readonly verdict: TradeVerdict;
}

/**
 * Decides a trade with the independent checker on the roster as it would be after it, against
 * the published version read now. Holds no transaction: writers guard on the version read.
 */
@Injectable()
export class TradeCheckService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analysis: RosterAnalysisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async publishedWeek(rosterId: string, field: string): Promise<PublishedWeek> {
    const stored = await this.dataSource.getRepository(RosterEntity).findOneBy({ id: rosterId });
    if (!stored) throw new NotFoundError('Roster', rosterId, field);
    if (stored.status !== RosterStatus.PUBLISHED)
      throw new ConflictError(
        `Roster ${rosterId} is ${stored.status.toLowerCase()}: shifts are traded only in the published roster`,
        { field, value: rosterId },
      );
    return this.weekOf(stored);
  }

  /**
   * The roster's week while that roster is the published one; null when it was replaced (or
   * removed). Database errors still propagate: only "no longer published" is an answer.
   */
  async currentWeek(rosterId: string): Promise<PublishedWeek | null> {
    const stored = await this.dataSource.getRepository(RosterEntity).findOneBy({ id: rosterId });
    return stored?.status === RosterStatus.PUBLISHED ? this.weekOf(stored) : null;
  }

  private async weekOf(stored: RosterEntity): Promise<PublishedWeek> {
    const { instance, roster } = await this.analysis.load(stored);
    return { stored, instance, roster, check: checkRoster(instance, roster) };
  }

  judge(week: PublishedWeek, change: TradeChange): TradeCheck {
    let after: CoreRoster;
    try {
      after = rosterAfterTrade(week.instance, week.roster, change);
    } catch (error) {
      if (error instanceof TradeNotApplicable)
        throw new ConflictError(`The roster changed: ${error.message}`, {
          field: 'rosterId',
          value: week.stored.id,
        });
      throw error;
    }
    const verdict = judgeTrade(
      week.check,
      checkRoster(week.instance, after),
      this.config.trades.autoApproval,
    );
    return { week, after, verdict };
  }
}
