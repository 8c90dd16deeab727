import { Node } from '../../common/graphql/node.model.js';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { LocalTimeScalar } from '../../common/graphql/scalars.js';

@ObjectType({
  description: 'A shift of at least minShiftMinutes includes unpaidMinutes of unpaid break.',
})
export class BreakRule {
  @Field(() => Int)
  minShiftMinutes!: number;

  @Field(() => Int)
  unpaidMinutes!: number;
}

@InputType()
export class BreakRuleInput {
  @Field(() => Int)
  @IsInt()
  @Min(60)
  @Max(720)
  minShiftMinutes!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(120)
  unpaidMinutes!: number;
}

@ObjectType({
  description:
    'Which shifts may be built: start times in the employee’s local time, lengths, and the unpaid break.',
  implements: () => [Node],
})
export class ShiftTemplate {
  @Field(() => ID)
  id!: string;

  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => [LocalTimeScalar])
  startTimes!: string[];

  @Field(() => [Int])
  lengthMinutes!: number[];

  @Field(() => [BreakRule])
  unpaidBreaks!: BreakRule[];

  @Field(() => String, {
    nullable: true,
    description: 'The site or state it applies to; null for all.',
  })
  site!: string | null;
}

@InputType()
export class UpsertShiftTemplateInput {
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

  @Field(() => [LocalTimeScalar], {
    description: 'Local start times, e.g. ["07:00", "07:30"]: at most 96, on a 15-minute grid.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(96)
  startTimes!: string[];

  @Field(() => [Int], { description: 'Shift lengths in minutes (60-720), multiples of 15.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(60, { each: true })
  @Max(720, { each: true })
  lengthMinutes!: number[];

  @Field(() => [BreakRuleInput], {
    defaultValue: [],
    description: 'At most 5 rules; the largest applicable one counts.',
  })
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => BreakRuleInput)
  unpaidBreaks: BreakRuleInput[] = [];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  site?: string | null;
}
