import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { DomainError, ErrorCode, NotFoundError, ValidationFailedError } from '../../core/errors.js';
import { Role, type Principal } from '../role.js';
import { ApiKeyEntity } from './api-key.entity.js';
import type { ApiKey, CreateApiKeyInput, CreatedApiKey } from './api-key.model.js';

/** Every API key secret starts with this, so the guard tells keys from JWTs at a glance. */
export const API_KEY_PREFIX = 'tpk_';

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

function toApiKey(e: ApiKeyEntity): ApiKey {
  return {
    id: e.id,
    name: e.name,
    prefix: e.prefix,
    scopes: e.scopes,
    createdBy: e.createdBy,
    createdAt: e.createdAt,
    expiresAt: e.expiresAt,
    revokedAt: e.revokedAt,
    lastUsedAt: e.lastUsedAt,
  };
}

@Injectable()
export class ApiKeyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(input: CreateApiKeyInput, createdBy: string): Promise<CreatedApiKey> {
    if (input.expiresAt && input.expiresAt <= new Date())
      throw ValidationFailedError.forField(
        'input.expiresAt',
        input.expiresAt.toISOString(),
        'must be in the future',
      );
    const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const saved = await this.dataSource.getRepository(ApiKeyEntity).save({
      name: input.name,
      prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
      secretHash: hash(secret),
      scopes: [...input.scopes],
      createdBy,
      expiresAt: input.expiresAt ?? null,
    });
    return { apiKey: toApiKey(saved), secret };
  }

  async revoke(id: string): Promise<ApiKey> {
    const repository = this.dataSource.getRepository(ApiKeyEntity);
    await repository.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    const key = await repository.findOneBy({ id });
    if (!key) throw new NotFoundError('ApiKey', id);
    return toApiKey(key);
  }

  async list(): Promise<ApiKey[]> {
    return (
      await this.dataSource.getRepository(ApiKeyEntity).find({ order: { createdAt: 'ASC' } })
    ).map(toApiKey);
  }

  /** The caller an API key stands for; a revoked, expired or unknown key is UNAUTHENTICATED. */
  async authenticate(secret: string): Promise<Principal> {
    const key = await this.dataSource
      .getRepository(ApiKeyEntity)
      .findOneBy({ secretHash: hash(secret) });
    const refuse = (reason: string) =>
      new DomainError(ErrorCode.UNAUTHENTICATED, `Authorization: ${reason}`, {
        field: 'Authorization',
      });
    if (!key) throw refuse('unknown API key');
    if (key.revokedAt) throw refuse('the API key has been revoked');
    if (key.expiresAt && key.expiresAt <= new Date()) throw refuse('the API key has expired');
    await this.dataSource.query(
      `UPDATE api_key SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [key.id],
    );
    return {
      subject: `api-key:${key.name}`,
      roles: [Role.HR_SYSTEM],
      keyId: key.id,
      scopes: key.scopes,
    };
  }
}
