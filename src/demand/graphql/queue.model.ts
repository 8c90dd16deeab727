import { Node } from '../../common/graphql/node.model.js';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsUsState } from '../../common/validators.js';
import { QueueChannel, TaskType } from '../entities/queue.entity.js';

registerEnumType(QueueChannel, {
  name: 'QueueChannel',
  description: 'VOICE: answered within seconds (Erlang). DEFERRED: done within a deadline.',
});

@ObjectType({ description: 'A line of work and its service parameters.', implements: () => [Node] })
export class Queue {
  @Field(() => ID)
  id!: string;

  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => TaskType)
  taskType!: TaskType;

  @Field(() => QueueChannel)
  channel!: QueueChannel;

  @Field(() => Float, {
    nullable: true,
    description: 'Average handle time (voice) or handle time per item (deferred), seconds.',
  })
  ahtSeconds!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of calls to answer within targetAnswerSeconds, e.g. 0.8.',
  })
  targetServiceLevel!: number | null;

  @Field(() => Int, { nullable: true })
  targetAnswerSeconds!: number | null;

  @Field(() => Float, { nullable: true })
  maxOccupancy!: number | null;

  @Field(() => Float)
  shrinkage!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean caller patience; enables Erlang A (abandonment).',
  })
  patienceSeconds!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Deferred work must be done within this many minutes of arrival.',
  })
  deadlineMinutes!: number | null;

  @Field(() => [String], { description: 'States whose work this queue carries.' })
  states!: string[];

  @Field()
  requiresStateLicence!: boolean;
}

const finite = { allowNaN: false, allowInfinity: false };

@InputType({ description: 'Creates the queue with this key or replaces its settings.' })
export class UpsertQueueInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'use lower-case letters, digits and . _ -' })
  key!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => TaskType)
  @IsEnum(TaskType)
  taskType!: TaskType;

  @Field(() => QueueChannel)
  @IsEnum(QueueChannel)
  channel!: QueueChannel;

  @Field(() => Float)
  @IsNumber(finite)
  @Min(1)
  @Max(86400)
  ahtSeconds!: number;

  @Field(() => Float, { nullable: true, description: 'VOICE only: in (0, 1).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0.01)
  @Max(0.9999)
  targetServiceLevel?: number | null;

  @Field(() => Int, { nullable: true, description: 'VOICE only.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  targetAnswerSeconds?: number | null;

  @Field(() => Float, { nullable: true, description: 'VOICE only: in (0, 1].' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0.01)
  @Max(1)
  maxOccupancy?: number | null;

  @Field(() => Float, { defaultValue: 0, description: 'In [0, 1).' })
  @IsNumber(finite)
  @Min(0)
  @Max(0.95)
  shrinkage: number = 0;

  @Field(() => Float, { nullable: true, description: 'VOICE only.' })
  @IsOptional()
  @IsNumber(finite)
  @Min(1)
  @Max(3600)
  patienceSeconds?: number | null;

  @Field(() => Int, { nullable: true, description: 'DEFERRED only.' })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(60 * 24 * 14)
  deadlineMinutes?: number | null;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @IsUsState({ each: true })
  states!: string[];

  @Field({ defaultValue: true })
  @IsBoolean()
  requiresStateLicence: boolean = true;
}
