import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { InstantScalar, LocalDateScalar } from '../../common/graphql/scalars.js';
import { RunStatus } from '../entities/optimization-run.entity.js';

registerEnumType(RunStatus, { name: 'OptimizationRunStatus' });

@ObjectType()
export class RunProgress {
  @Field()
  phase!: string;

  @Field(() => Float, { nullable: true })
  bestObjective!: number | null;

  @Field(() => Float, { nullable: true, description: 'Proven lower bound on the objective.' })
  bound!: number | null;

  @Field(() => Float, { nullable: true, description: '(best - bound) / best.' })
  gap!: number | null;

  @Field(() => Float)
  elapsedSeconds!: number;
}

@ObjectType({ description: 'Rules that cannot all hold: why no roster exists.' })
export class InfeasibilityConflict {
  @Field(() => [String])
  rules!: string[];

  @Field(() => [ID])
  employeeIds!: string[];

  @Field(() => String, { nullable: true })
  state!: string | null;

  @Field()
  message!: string;
}

@ObjectType({ description: 'A durable optimization of one week, solved off the request thread.' })
export class OptimizationRun {
  @Field(() => ID)
  id!: string;

  @Field(() => LocalDateScalar)
  week!: string;

  @Field(() => RunStatus)
  status!: RunStatus;

  @Field(() => Int)
  timeLimitSeconds!: number;

  @Field(() => RunProgress, { nullable: true })
  progress!: RunProgress | null;

  @Field(() => ID, { nullable: true, description: 'The draft roster, once SUCCEEDED.' })
  rosterId!: string | null;

  @Field(() => String, { nullable: true })
  failureReason!: string | null;

  @Field(() => [InfeasibilityConflict], {
    nullable: true,
    description: 'Set when no roster satisfies the hard rules.',
  })
  infeasibility!: InfeasibilityConflict[] | null;

  @Field()
  requestedBy!: string;

  @Field(() => InstantScalar)
  createdAt!: Date;

  @Field(() => InstantScalar, { nullable: true })
  startedAt!: Date | null;

  @Field(() => InstantScalar, { nullable: true })
  finishedAt!: Date | null;
}

@InputType({ description: 'Weights of the soft goals; omitted ones keep their defaults.' })
export class SoftWeightsInput {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e6)
  shortage?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e6)
  lostServiceValue?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e6)
  cost?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e6)
  overstaffing?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e6)
  preference?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e6)
  fairness?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e6)
  changes?: number;
}

@InputType()
export class StartRosterOptimizationInput {
  @Field(() => LocalDateScalar, { description: 'The Monday that starts the week.' })
  @IsDefined()
  week!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Default SOLVER_TIME_LIMIT_SECONDS; 1 to 3600.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  timeLimitSeconds?: number;

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Shifts of the baseline roster that must stay as they are.',
  })
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  pinnedShiftIds: string[] = [];

  @Field(() => ID, {
    nullable: true,
    description: 'A roster of the same week to stay close to (re-optimization).',
  })
  @IsOptional()
  @IsUUID('all')
  baselineRosterId?: string | null;

  @Field(() => SoftWeightsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SoftWeightsInput)
  weights?: SoftWeightsInput | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seed of the search: the same input and seed give the same roster.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2 ** 31 - 1)
  seed?: number;
}
