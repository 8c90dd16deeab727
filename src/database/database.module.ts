import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { buildDataSourceOptions } from './data-source-options.js';

/** Connects to PostgreSQL and applies pending migrations before the service accepts requests. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.database.url)
          throw new Error(
            'database.url must be resolved (embedded or DATABASE_URL) before the app starts',
          );
        return {
          ...buildDataSourceOptions(config.database.url, config.database.poolSize),
          migrationsRun: true,
          retryAttempts: 2,
          retryDelay: 1000,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
