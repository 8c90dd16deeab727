import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsDate,
  IsDefined,
} from 'class-validator';
import { InstantScalar, LocalTimeScalar } from '../../common/graphql/scalars.js';

@InputType()
export class AvailabilityWindowInput {
  @Field(() => Int, { description: 'ISO day of week: 1 = Monday … 7 = Sunday.' })
  @IsInt()
  @Min(1)
  @Max(7)
  dayOfWeek!: number;

  @Field(() => LocalTimeScalar)
  @IsDefined()
  start!: string;

  @Field(() => LocalTimeScalar, {
    nullable: true,
    description: 'Omit (or null) for a window that runs to midnight.',
  })
  @IsOptional()
  end?: string | null;
}

@InputType()
export class SetAvailabilityInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an employee id (UUID)' })
  employeeId!: string;

  @Field(() => [AvailabilityWindowInput], {
    description: 'Replaces all windows. At most 50; windows of one day may not overlap.',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityWindowInput)
  windows!: AvailabilityWindowInput[];
}

@InputType()
export class RequestTimeOffInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an employee id (UUID)' })
  employeeId!: string;

  @Field(() => InstantScalar)
  @IsDate()
  start!: Date;

  @Field(() => InstantScalar)
  @IsDate()
  end!: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

@InputType()
export class DecideTimeOffInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a time-off id (UUID)' })
  id!: string;

  @Field()
  @IsBoolean()
  approve!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string | null;
}
