import { Args, Field, InputType, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { IsDefined, IsIn, IsInt, Max, Min } from 'class-validator';
import { Allow } from '../auth/access.decorators.js';
import { Role } from '../auth/role.js';
import { LocalDateScalar } from '../common/graphql/scalars.js';
import { ValidationFailedError } from '../core/errors.js';
import { INSTANCE_SIZES, type InstanceSize } from '../core/generator/index.js';
import { planningWeek } from '../staffing/staffing.service.js';
import { SampleOrganisationSeeder } from './sample-organisation.seeder.js';

@InputType()
export class LoadSampleOrganisationInput {
  @Field({ description: 'small (15 technicians), medium (80) or large (400).' })
  @IsIn(['small', 'medium', 'large'])
  size!: string;

  @Field(() => LocalDateScalar, { description: 'The Monday whose forecasts are generated.' })
  @IsDefined()
  week!: string;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  seed: number = 1;
}

@ObjectType()
export class SampleOrganisationSummary {
  @Field(() => Int)
  employees!: number;

  @Field(() => Int)
  licences!: number;

  @Field(() => Int)
  queues!: number;

  @Field(() => Int)
  ruleSets!: number;

  @Field(() => Int)
  forecastRows!: number;
}

@Resolver()
export class SampleDataResolver {
  constructor(private readonly seeder: SampleOrganisationSeeder) {}

  @Mutation(() => SampleOrganisationSummary, {
    description:
      'Loads (idempotently) a generated sample organisation and the sample state rules, for demos and trials. Sample rules are not legal advice.',
  })
  @Allow(Role.ADMIN)
  async loadSampleOrganisation(
    @Args('input') input: LoadSampleOrganisationInput,
  ): Promise<SampleOrganisationSummary> {
    if (!INSTANCE_SIZES.includes(input.size as InstanceSize))
      throw ValidationFailedError.forField(
        'input.size',
        input.size,
        'must be small, medium or large',
      );
    planningWeek(input.week, 'UTC');
    await this.seeder.seedSampleRules();
    const org = await this.seeder.seedOrganisation(
      input.size as InstanceSize,
      input.seed,
      input.week,
    );
    return {
      employees: org.employees.length,
      licences: org.licences.length,
      queues: org.queues.length,
      ruleSets: org.ruleSets.length,
      forecastRows: org.forecast.rows.length,
    };
  }
}
