import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/access.decorators.js';
import { Role } from '../auth/role.js';
import type { Connection } from '../common/graphql/connection.js';
import { AuditEvent, AuditEventConnection, AuditEventsArgs } from './audit.model.js';
import { AuditService } from './audit.service.js';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, {
    description:
      'The audit trail, oldest first, by actor, entity and time range. Administrators only.',
  })
  @Allow(Role.ADMIN)
  auditEvents(@Args() { first, after, filter }: AuditEventsArgs): Promise<Connection<AuditEvent>> {
    return this.audit.list(filter ?? {}, first, after);
  }
}
