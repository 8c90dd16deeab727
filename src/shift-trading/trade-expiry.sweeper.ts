import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { TRADING_CLOCK, type Clock } from './clock.js';
import { TradeLedger } from './trade-ledger.service.js';

const SWEEP_EVERY_MS = 60_000;

/**
 * Expires open trades whose shift has started, once a minute, so that both sides are told even
 * when nobody touches the trade (every trade operation also expires what is due first).
 */
@Injectable()
export class TradeExpirySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TradeExpirySweeper.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ledger: TradeLedger,
    @Inject(TRADING_CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.ledger
        .expireDue(this.clock.now())
        .catch((error: unknown) => this.logger.error({ err: error }, 'trade expiry sweep failed'));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
