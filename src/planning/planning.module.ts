import { Module } from '@nestjs/common';
import { DemandModule } from '../demand/demand.module.js';
import { RegulationModule } from '../regulation/regulation.module.js';
import { WorkforceModule } from '../workforce/workforce.module.js';
import { PlanningInstanceLoader } from './planning-instance.loader.js';
import { SampleDataResolver } from './sample-data.resolver.js';
import { SampleOrganisationSeeder } from './sample-organisation.seeder.js';

/** Bridges stored data and the core's planning model: sample data now, planning instances for the optimizer next. */
@Module({
  imports: [WorkforceModule, RegulationModule, DemandModule],
  providers: [SampleOrganisationSeeder, PlanningInstanceLoader, SampleDataResolver],
  exports: [SampleOrganisationSeeder, PlanningInstanceLoader],
})
export class PlanningModule {}
