import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { RateLimitGuard } from './common/throttling.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { DomainExceptionFilter } from './common/errors/graphql-exception.filter.js';
import { ApiGraphQLModule } from './common/graphql/graphql.module.js';
import { ApiValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { SystemModule } from './system/system.module.js';
import { RegulationModule } from './regulation/regulation.module.js';
import { DemandModule } from './demand/demand.module.js';
import { NodeModule } from './node/node.module.js';
import { StaffingModule } from './staffing/staffing.module.js';
import { PlanningModule } from './planning/planning.module.js';
import { RosteringModule } from './rostering/rostering.module.js';
import { WorkforceModule } from './workforce/workforce.module.js';
import { SelfServiceModule } from './self-service/self-service.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ShiftTradingModule } from './shift-trading/shift-trading.module.js';

/** Feature modules, one folder each. The schema printer discovers resolvers through this list. */
export const FEATURE_MODULES = [
  AuditModule,
  AuthModule,
  HealthModule,
  SystemModule,
  WorkforceModule,
  RegulationModule,
  DemandModule,
  NodeModule,
  StaffingModule,
  PlanningModule,
  RosteringModule,
  SelfServiceModule,
  NotificationsModule,
  ShiftTradingModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        ApiGraphQLModule,
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
        { provide: APP_PIPE, useClass: ApiValidationPipe },
      ],
    };
  }
}
