import { Field, ID, InputType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { InstantScalar } from '../../common/graphql/scalars.js';
import { IsUsState } from '../../common/validators.js';
import { EmployeeRole } from '../../workforce/entities/employee.entity.js';

const COMMENT_LENGTH = 500;

@InputType()
export class RequestShiftSwapInput {
  @Field(() => ID, { description: 'Your shift.' })
  @IsUUID('all', { message: 'must be a shift id (UUID)' })
  shiftId!: string;

  @Field(() => ID, { description: 'The colleague’s shift you want instead.' })
  @IsUUID('all', { message: 'must be a shift id (UUID)' })
  counterpartShiftId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_LENGTH)
  note?: string | null;
}

@InputType()
export class OfferShiftInput {
  @Field(() => ID, { description: 'Your shift.' })
  @IsUUID('all', { message: 'must be a shift id (UUID)' })
  shiftId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A named colleague (a give-away); unset offers it to anyone eligible.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be an employee id (UUID)' })
  toEmployeeId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_LENGTH)
  note?: string | null;
}

@InputType()
export class RespondToTradeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a trade id (UUID)' })
  tradeId!: string;

  @Field()
  @IsBoolean()
  accept!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_LENGTH)
  comment?: string | null;
}

@InputType()
export class DecideTradeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a trade id (UUID)' })
  tradeId!: string;

  @Field()
  @IsBoolean()
  approve!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_LENGTH)
  comment?: string | null;
}

@InputType()
export class CancelTradeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a trade id (UUID)' })
  tradeId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_LENGTH)
  comment?: string | null;
}

@InputType({ description: 'A shift of a published roster to offer for pickup.' })
export class PostOpenShiftInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a roster id (UUID)' })
  rosterId!: string;

  @Field(() => InstantScalar)
  @IsDate()
  start!: Date;

  @Field(() => InstantScalar)
  @IsDate()
  end!: Date;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a shift template id (UUID)' })
  templateId!: string;

  @Field(() => EmployeeRole)
  @IsEnum(EmployeeRole)
  role!: EmployeeRole;

  @Field(() => String, {
    nullable: true,
    description: 'A technician’s shift: the queue worked throughout (with state).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  queueKey?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUsState()
  state?: string | null;
}
