import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { provideDatabase } from '../bootstrap.js';
import { loadAppConfig, type AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { buildDataSourceOptions } from '../database/data-source-options.js';
import { PlanningModule } from '../planning/planning.module.js';
import { SampleOrganisationSeeder } from '../planning/sample-organisation.seeder.js';
import { RunStatus } from '../rostering/entities/optimization-run.entity.js';
import { OptimizationRunService } from '../rostering/optimization-run.service.js';
import { RosteringModule } from '../rostering/rostering.module.js';
import { RosterAnalysisService } from '../rostering/roster-analysis.service.js';
import { coverageByDayAndState, progressBar, rosterSummary } from './roster-report.js';

const USAGE = `usage: npm run roster -- --week YYYY-MM-DD [--seconds N] [--sample small|medium|large] [--seed N]

Optimizes the roster of a week (a Monday) and prints its summary and coverage. When the database
holds no employees, the sample organisation (--sample, default small) is loaded first. Uses
DATABASE_URL, or the embedded database when it is unset (stop npm start first).`;

function cliModule(config: AppConfig) {
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      TypeOrmModule.forRoot({
        ...buildDataSourceOptions(config.database.url!, 4),
        migrationsRun: true,
      }),
      PlanningModule,
      RosteringModule,
    ],
  })
  class RosterCliModule {}
  return RosterCliModule;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      week: { type: 'string' },
      seconds: { type: 'string', default: '20' },
      sample: { type: 'string', default: 'small' },
      seed: { type: 'string', default: '1' },
    },
  });
  const week = values.week ?? '';
  const seconds = Number(values.seconds);
  if (
    DateTime.fromISO(week).weekday !== 1 ||
    !(seconds >= 1 && seconds <= 3600) ||
    !['small', 'medium', 'large'].includes(values.sample)
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  const { config, embedded } = await provideDatabase(loadAppConfig(), (message) =>
    console.error(message),
  );
  const app = await NestFactory.createApplicationContext(cliModule(config), {
    logger: ['error', 'warn'],
  });
  try {
    const seeder = app.get(SampleOrganisationSeeder);
    if (await seeder.isEmpty()) {
      console.log(
        `The database is empty: loading the ${values.sample} sample organisation for the week of ${week}…`,
      );
      await seeder.seedSampleRules();
      await seeder.seedOrganisation(values.sample as 'small', Number(values.seed), week);
    }
    const runs = app.get(OptimizationRunService);
    const run = await runs.start(
      { week, timeLimitSeconds: seconds, pinnedShiftIds: [], seed: Number(values.seed) },
      { subject: 'cli', roles: [] },
    );
    let status = run;
    let lastPhase = '';
    while (status.status === RunStatus.QUEUED || status.status === RunStatus.RUNNING) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = await runs.byId(run.id);
      if (process.stdout.isTTY) process.stdout.write(`\r${progressBar(status, seconds)}`);
      else if (status.progress?.phase !== lastPhase) console.log(progressBar(status, seconds));
      lastPhase = status.progress?.phase ?? '';
    }
    process.stdout.write(process.stdout.isTTY ? '\n' : '');
    if (status.status !== RunStatus.SUCCEEDED || !status.rosterId) {
      console.error(`The run ended ${status.status}: ${status.failureReason ?? ''}`);
      for (const conflict of status.infeasibility ?? [])
        console.error(`  - ${conflict.rules.join(' + ')}: ${conflict.message}`);
      process.exitCode = 1;
      return;
    }
    const analysis = await app.get(RosterAnalysisService).analyse(status.rosterId);
    console.log(rosterSummary(status.rosterId, analysis));
    console.log(coverageByDayAndState(analysis));
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
