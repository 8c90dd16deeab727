import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsDate,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { InstantScalar } from '../../common/graphql/scalars.js';
import { IsUsState } from '../../common/validators.js';
import { Roster, RuleViolation } from './roster.model.js';

@ObjectType({ description: 'A soft goal the edit makes worse.' })
export class SoftTermChange {
  @Field({ description: 'shortage, overstaffing, overtimeCost, preference or fairness.' })
  term!: string;

  @Field(() => Float)
  before!: number;

  @Field(() => Float)
  after!: number;
}

@ObjectType({
  description:
    'An edit is applied, or refused with the rules it would break. Hard rules can never be overridden.',
})
export class RosterEditResult {
  @Field()
  applied!: boolean;

  @Field()
  message!: string;

  @Field(() => Roster)
  roster!: Roster;

  @Field(() => [RuleViolation], {
    description: 'Hard rules the edit would break (the edit was refused).',
  })
  violations!: RuleViolation[];

  @Field(() => [SoftTermChange], {
    description: 'Soft goals the edit worsens: accepted only with acceptSoftBreaches and a reason.',
  })
  softBreaches!: SoftTermChange[];
}

@InputType({ isAbstract: true })
abstract class EditInput {
  @Field(() => ID)
  @IsUUID('all')
  rosterId!: string;

  @Field({
    defaultValue: false,
    description: 'Apply even though soft goals get worse (recorded with who and why).',
  })
  @IsBoolean()
  acceptSoftBreaches: boolean = false;

  @Field(() => String, {
    nullable: true,
    description: 'Why; required when accepting a soft breach.',
  })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason?: string | null;
}

@InputType()
export class AddRosterShiftInput extends EditInput {
  @Field(() => ID)
  @IsUUID('all')
  employeeId!: string;

  @Field(() => InstantScalar)
  @IsDate()
  start!: Date;

  @Field(() => InstantScalar)
  @IsDate()
  end!: Date;

  @Field(() => ID, { description: 'The shift template it follows.' })
  @IsUUID('all')
  templateId!: string;
}

@InputType()
export class MoveRosterShiftInput extends EditInput {
  @Field(() => ID)
  @IsUUID('all')
  shiftId!: string;

  @Field(() => InstantScalar)
  @IsDate()
  start!: Date;

  @Field(() => InstantScalar)
  @IsDate()
  end!: Date;
}

@InputType()
export class RemoveRosterShiftInput extends EditInput {
  @Field(() => ID)
  @IsUUID('all')
  shiftId!: string;
}

@InputType()
export class SetRosterAllocationInput extends EditInput {
  @Field(() => ID)
  @IsUUID('all')
  employeeId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(2000)
  intervalIndex!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Queue key; null (with state null) clears the interval.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  queueKey?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUsState()
  state?: string | null;
}
