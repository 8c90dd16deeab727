import { Module } from '@nestjs/common';
import { StaffingResolver } from './staffing.resolver.js';
import { StaffingService } from './staffing.service.js';

/** The staffing engine over GraphQL: the Erlang calculator and weekly requirements from forecasts. */
@Module({ providers: [StaffingService, StaffingResolver], exports: [StaffingService] })
export class StaffingModule {}
