import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/access.decorators.js';
import { ALL_ROLES, Role } from '../auth/role.js';
import { InstantScalar } from '../common/graphql/scalars.js';
import { parseUsState } from '../common/validators.js';
import { ForecastService } from './forecast.service.js';
import {
  ForecastImportResult,
  ForecastPoint,
  ImportForecastCsvInput,
  ImportForecastInput,
} from './graphql/forecast.model.js';
import { Queue, UpsertQueueInput } from './graphql/queue.model.js';
import { ShiftTemplate, UpsertShiftTemplateInput } from './graphql/shift-template.model.js';
import { QueueService } from './queue.service.js';

@Resolver()
export class DemandResolver {
  constructor(
    private readonly queueService: QueueService,
    private readonly forecastService: ForecastService,
  ) {}

  @Query(() => [Queue])
  @Allow(...(ALL_ROLES as [Role, ...Role[]]))
  queues(): Promise<Queue[]> {
    return this.queueService.queues();
  }

  @Mutation(() => Queue, {
    description: 'Creates the queue with this key, or replaces its settings.',
  })
  @Allow(Role.ADMIN, Role.MANAGER)
  upsertQueue(@Args('input') input: UpsertQueueInput): Promise<Queue> {
    return this.queueService.upsertQueue(input);
  }

  @Query(() => [ShiftTemplate])
  @Allow(...(ALL_ROLES as [Role, ...Role[]]))
  shiftTemplates(): Promise<ShiftTemplate[]> {
    return this.queueService.shiftTemplates();
  }

  @Mutation(() => ShiftTemplate, {
    description: 'Creates the shift template with this key, or replaces it.',
  })
  @Allow(Role.ADMIN, Role.MANAGER)
  upsertShiftTemplate(@Args('input') input: UpsertShiftTemplateInput): Promise<ShiftTemplate> {
    return this.queueService.upsertShiftTemplate(input);
  }

  @Mutation(() => ForecastImportResult, {
    description: 'Upserts forecast volumes by (queue, state, interval); all rows or none.',
  })
  @Allow(Role.ADMIN, Role.MANAGER)
  importForecast(@Args('input') input: ImportForecastInput): Promise<ForecastImportResult> {
    return this.forecastService.importRows(input);
  }

  @Mutation(() => ForecastImportResult, {
    description: 'importForecast from CSV: header queue,state,interval_start,volume.',
  })
  @Allow(Role.ADMIN, Role.MANAGER)
  importForecastCsv(@Args('input') input: ImportForecastCsvInput): Promise<ForecastImportResult> {
    return this.forecastService.importCsv(input.csv, input.intervalMinutes);
  }

  @Query(() => [ForecastPoint], {
    description: 'Stored forecast of one queue and state between two instants (at most 31 days).',
  })
  @Allow(Role.ADMIN, Role.MANAGER)
  forecast(
    @Args('queueKey') queueKey: string,
    @Args('state') state: string,
    @Args('from', { type: () => InstantScalar }) from: Date,
    @Args('to', { type: () => InstantScalar }) to: Date,
  ): Promise<ForecastPoint[]> {
    return this.forecastService.points(queueKey, parseUsState(state, 'state'), from, to);
  }
}
