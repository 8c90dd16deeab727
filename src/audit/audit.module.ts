import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditChanges } from './audit-changes.js';
import { AuditInterceptor } from './audit.interceptor.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/**
 * The append-only audit trail: every mutation (with the personnel records it changed), every read
 * of personnel data, every call the access guard refused.
 */
@Global()
@Module({
  providers: [
    AuditService,
    AuditChanges,
    AuditResolver,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AuditService, AuditChanges],
})
export class AuditModule {}
