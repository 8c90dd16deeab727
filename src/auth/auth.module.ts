import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { ViewerResolver } from './viewer.resolver.js';
import { TokenService } from './token.service.js';

@Global()
@Module({
  providers: [TokenService, ViewerResolver, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [TokenService],
})
export class AuthModule {}
