import 'reflect-metadata';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { Role, type Principal } from '../../src/auth/role.js';
import { TokenService } from '../../src/auth/token.service.js';
import { configureApp } from '../../src/bootstrap.js';
import { loadAppConfig, type AppConfig } from '../../src/config/app-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; field?: string; [key: string]: unknown };
  }[];
}

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly config: AppConfig;
  readonly database: TestDatabase;
  token(roles: Role | Role[], subject?: string, employeeId?: string): string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): AppConfig {
  return loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  });
}

/** The whole application on its own fresh database, migrated, served in-process for supertest. */
export interface TestAppOptions {
  env?: Record<string, string>;
  /** Replace providers through Nest's DI (jest module mocks do not work in ESM mode). */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, options.env);
  try {
    const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
    const moduleRef = await (options.override?.(builder) ?? builder).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({
      bufferLogs: true,
      bodyParser: false,
    });
    configureApp(app);
    await app.init();
    const tokens = app.get(TokenService);
    return {
      app,
      config,
      database,
      token: (roles, subject = 'test-user', employeeId) => {
        const principal: Principal = {
          subject,
          roles: Array.isArray(roles) ? roles : [roles],
          ...(employeeId && { employeeId }),
        };
        return tokens.issue(principal);
      },
      gql: async (query, variables, token) => {
        const call = request(app.getHttpServer())
          .post('/graphql')
          .set('content-type', 'application/json');
        if (token) call.set('authorization', `Bearer ${token}`);
        const response = await call.send({ query, variables });
        return { status: response.status, ...(response.body as object) };
      },
      close: async () => {
        await app.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

export { Role };
