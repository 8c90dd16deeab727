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

/** The largest iteration budget a run may ask for (a small week runs 15 000-20 000 a second). */
export const MAX_ITERATION_BUDGET = 100_000_000;

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

  @Field(() => Int, { description: 'Seed of the search.' })
  seed!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Iterations the search may run, when the run was asked to be reproducible.',
  })
  iterationBudget!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Iterations the search ran; null until the run ends, or when no search ran.',
  })
  searchIterations!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether starting a run of the same week data with the same seed and iterationBudget gives this roster again: true only when the budget, not the time limit or a cancel, ended the search (the bound and gap may still differ). Null until the run ends.',
  })
  reproducible!: boolean | null;

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
    description:
      'Seed of the search (default 1). With iterationBudget, the same week data, seed and budget give the same roster; with a time limit alone the roster depends on how far the search gets.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2 ** 31 - 1)
  seed?: number;

  @Field(() => Int, {
    nullable: true,
    description: `Makes the run reproducible: the search stops after this many iterations (1 to ${MAX_ITERATION_BUDGET}), and steps on the clock that could change the roster are left out (the second core's best weeks and rosters). The time limit still applies: if it ends the search first, the run reports reproducible false, and its searchIterations shows how many fitted (a budget too large for the time also leaves the search unfinished, so its roster is worse). Without the second core's help a budget runs fewer iterations per second than a run on the clock alone reports.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ITERATION_BUDGET)
  iterationBudget?: number | null;
}
