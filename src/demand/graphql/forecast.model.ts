import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { InstantScalar } from '../../common/graphql/scalars.js';

export const MAX_FORECAST_ROWS = 100_000;

@ObjectType({ description: 'Forecast volume for one queue, state and interval.' })
export class ForecastPoint {
  @Field()
  queueKey!: string;

  @Field()
  state!: string;

  @Field(() => InstantScalar)
  intervalStart!: Date;

  @Field(() => Int)
  intervalMinutes!: number;

  @Field(() => Float, {
    description: 'Calls (voice) or items (deferred) arriving in the interval.',
  })
  volume!: number;
}

/** Rows are plain here and validated together in the service, which names each bad row. */
@InputType()
export class ForecastRowInput {
  @Field()
  queueKey!: string;

  @Field()
  state!: string;

  @Field(() => InstantScalar)
  intervalStart!: Date;

  @Field(() => Float)
  volume!: number;
}

@InputType({
  description: `Upserts by (queue, state, interval). All rows or none: a forecast is not useful half-written.`,
})
export class ImportForecastInput {
  @Field(() => Int, { description: '15 or 30: the grid every intervalStart must lie on.' })
  @IsIn([15, 30], { message: 'must be 15 or 30' })
  intervalMinutes!: number;

  @Field(() => [ForecastRowInput], { description: `1 to ${MAX_FORECAST_ROWS} rows.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_FORECAST_ROWS)
  @Type(() => ForecastRowInput)
  rows!: ForecastRowInput[];
}

@InputType({
  description: 'The same import as CSV with the header queue,state,interval_start,volume.',
})
export class ImportForecastCsvInput {
  @Field(() => Int)
  @IsIn([15, 30], { message: 'must be 15 or 30' })
  intervalMinutes!: number;

  @Field({ description: 'At most 8 MB.' })
  @IsString()
  @MaxLength(8 * 1024 * 1024)
  csv!: string;
}

@ObjectType()
export class ForecastImportResult {
  @Field(() => Int)
  rows!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;
}
