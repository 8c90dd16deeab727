import { Module } from '@nestjs/common';
import { DemandResolver } from './demand.resolver.js';
import { ForecastService } from './forecast.service.js';
import { QueueService } from './queue.service.js';

/** Queues, shift templates and forecast volumes. */
@Module({
  providers: [QueueService, ForecastService, DemandResolver],
  exports: [QueueService, ForecastService],
})
export class DemandModule {}
