import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { ViewerResolver } from './viewer.resolver.js';
import { TokenService } from './token.service.js';
import { ApiKeyResolver } from './api-keys/api-key.resolver.js';
import { ApiKeyService } from './api-keys/api-key.service.js';

@Global()
@Module({
  providers: [
    TokenService,
    ApiKeyService,
    ApiKeyResolver,
    ViewerResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [TokenService, ApiKeyService],
})
export class AuthModule {}
