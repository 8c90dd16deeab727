import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import helmet from 'helmet';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';

/** Request bodies above this are refused before parsing (bulk imports are chunked by clients). */
export const MAX_BODY_BYTES = '16mb';

/** Applies the HTTP-level settings every instance needs, in the service and in e2e tests alike. */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  // Apollo's development landing page loads its UI from a CDN, which a strict CSP would block.
  app.use(
    helmet({
      contentSecurityPolicy: config.isProduction ? undefined : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.useBodyParser('json', { limit: MAX_BODY_BYTES });
  app.disable('x-powered-by');
}

export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app);
  return app;
}

export interface RunningService {
  readonly app: NestExpressApplication;
  readonly url: string;
  readonly databaseUrl: string;
  readonly embedded: boolean;
  stop(): Promise<void>;
}

export interface ProvidedDatabase {
  /** The configuration with database.url filled in. */
  readonly config: AppConfig;
  /** Set when the embedded PostgreSQL was started for this process; stop it last. */
  readonly embedded: EmbeddedDatabase | undefined;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in its persistent folder. */
export async function provideDatabase(
  config: AppConfig,
  log: (message: string) => void = () => undefined,
): Promise<ProvidedDatabase> {
  if (config.database.url) return { config, embedded: undefined };
  log(
    `DATABASE_URL is not set: starting the embedded PostgreSQL in ${config.database.embeddedDataDir}`,
  );
  const embedded = await startEmbeddedPostgres({
    dataDir: config.database.embeddedDataDir,
    persistent: true,
  });
  return { config: { ...config, database: { ...config.database, url: embedded.url } }, embedded };
}

/**
 * Starts the whole service: the database (embedded when DATABASE_URL is unset), migrations, HTTP.
 * stop() shuts down in order: stop accepting requests and finish in-flight ones, close the pool,
 * then stop the embedded database.
 */
export async function startService(
  config: AppConfig,
  log: (message: string) => void = () => undefined,
): Promise<RunningService> {
  const provided = await provideDatabase(config, log);
  const { embedded } = provided;
  const databaseUrl = provided.config.database.url!;
  try {
    const app = await createApp(provided.config);
    await app.listen(config.http.port, config.http.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.http.port;
    return {
      app,
      url: `http://${config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host}:${port}`,
      databaseUrl,
      embedded: embedded !== undefined,
      stop: async () => {
        try {
          await app.close();
        } finally {
          await embedded?.stop();
        }
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
