import { Args, Query, Resolver } from '@nestjs/graphql';
import { DateTime } from 'luxon';
import { Allow, Public } from '../auth/access.decorators.js';
import { ALL_ROLES, type Role } from '../auth/role.js';
import { InstantScalar, TimeZoneScalar } from '../common/graphql/scalars.js';
import { ServiceInfo } from './service-info.model.js';
import { SystemService } from './system.service.js';
import { ZonedTime } from './zoned-time.model.js';

@Resolver()
export class SystemResolver {
  constructor(private readonly system: SystemService) {}

  @Query(() => ServiceInfo, {
    description: 'Service name, version and database time. Needs no token.',
  })
  @Public()
  serviceInfo(): Promise<ServiceInfo> {
    return this.system.serviceInfo();
  }

  @Query(() => ZonedTime, {
    description: 'Shows an instant in a time zone, as an employee in that zone would read it.',
  })
  @Allow(...(ALL_ROLES as [Role, ...Role[]]))
  zonedTime(
    @Args('instant', { type: () => InstantScalar }) instant: Date,
    @Args('timeZone', { type: () => TimeZoneScalar }) timeZone: string,
  ): ZonedTime {
    const local = DateTime.fromJSDate(instant, { zone: timeZone });
    return {
      instant,
      timeZone,
      localDate: local.toISODate()!,
      localTime: local.toFormat('HH:mm'),
      utcOffsetMinutes: local.offset,
      abbreviation: local.offsetNameShort ?? local.toFormat('ZZ'),
    };
  }
}
