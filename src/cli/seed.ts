import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { provideDatabase } from '../bootstrap.js';
import { loadAppConfig, type AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { INSTANCE_SIZES, type InstanceSize } from '../core/generator/index.js';
import { buildDataSourceOptions } from '../database/data-source-options.js';
import { PlanningModule } from '../planning/planning.module.js';
import { SampleOrganisationSeeder } from '../planning/sample-organisation.seeder.js';

const USAGE = `usage: npm run seed -- --rules
       npm run seed -- --organisation <${INSTANCE_SIZES.join('|')}> [--week YYYY-MM-DD (a Monday)] [--seed N]

--rules         publishes the sample rule sets of the domain notes (marked isSample; verify them with the state boards)
--organisation  loads a generated organisation (employees, licences, certifications, availability, time off,
                rule sets, queues, shift templates, one week of forecasts) through the API's services.
Works on DATABASE_URL, or on the embedded database when it is unset (stop npm start first).`;

function seedModule(config: AppConfig) {
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      TypeOrmModule.forRoot({
        ...buildDataSourceOptions(config.database.url!, 2),
        migrationsRun: true,
      }),
      PlanningModule,
    ],
  })
  class SeedModule {}
  return SeedModule;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rules: { type: 'boolean' },
      organisation: { type: 'string' },
      week: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const size = values.organisation as InstanceSize | undefined;
  const nextMonday = DateTime.now()
    .setZone('America/New_York')
    .startOf('week')
    .plus({ weeks: 1 })
    .toISODate()!;
  const week = values.week ?? nextMonday;
  if (
    (!values.rules && !size) ||
    (size && !INSTANCE_SIZES.includes(size)) ||
    DateTime.fromISO(week).weekday !== 1 ||
    !/^\d+$/.test(values.seed)
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  const { config, embedded } = await provideDatabase(loadAppConfig(), (message) =>
    console.error(message),
  );
  const app = await NestFactory.createApplicationContext(seedModule(config), {
    logger: ['error', 'warn', 'log'],
  });
  try {
    const seeder = app.get(SampleOrganisationSeeder);
    if (values.rules) console.log(`published ${await seeder.seedSampleRules()} sample rule set(s)`);
    if (size) {
      const org = await seeder.seedOrganisation(size, Number(values.seed), week);
      console.log(
        `loaded the ${size} sample organisation for the week of ${week}: ${org.employees.length} employees, ${org.licences.length} licences, ${org.queues.length} queues, ${org.forecast.rows.length} forecast rows`,
      );
    }
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
