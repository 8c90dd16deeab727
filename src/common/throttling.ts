import { createHash } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError, ErrorCode } from '../core/errors.js';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 100_000;

interface Window {
  startedAt: number;
  count: number;
}

/**
 * Rate limiting per bearer token (hashed) and, for anonymous calls, per client address: at most
 * RATE_LIMIT_PER_MINUTE operations in each fixed one-minute window, per service instance. Health
 * probes are not limited. (@nestjs/throttler is CommonJS and cannot load the ESM-only NestJS 12
 * under jest; this guard does the same job in a few lines.)
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, Window>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = requestOf(context);
    if (!req || (context.getType<GqlContextType>() !== 'graphql' && req.url?.startsWith('/health')))
      return true;
    const now = Date.now();
    const key = trackerOf(req);
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      if (this.windows.size >= MAX_TRACKED) this.evictExpired(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    if (window.count > this.config.rateLimit.perMinute) {
      const retryAfter = Math.ceil((window.startedAt + WINDOW_MS - now) / 1000);
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        `Too many requests: at most ${this.config.rateLimit.perMinute} a minute; retry in ${retryAfter} s`,
        { retryAfterSeconds: retryAfter },
      );
    }
    return true;
  }

  private evictExpired(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.startedAt >= WINDOW_MS) this.windows.delete(key);
  }
}

interface TrackedRequest {
  url?: string;
  ip?: string;
  headers?: Record<string, string | string[] | undefined>;
}

function requestOf(context: ExecutionContext): TrackedRequest | undefined {
  if (context.getType<GqlContextType>() === 'graphql')
    return GqlExecutionContext.create(context).getContext<{ req?: TrackedRequest }>().req;
  return context.switchToHttp().getRequest<TrackedRequest>();
}

function trackerOf(req: TrackedRequest): string {
  const authorization = req.headers?.authorization;
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  return header
    ? `token:${createHash('sha256').update(header).digest('base64url')}`
    : `ip:${req.ip ?? 'unknown'}`;
}
