import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ConnectionArgs, connectionType } from '../common/graphql/connection.js';
import { InstantScalar } from '../common/graphql/scalars.js';

@ObjectType({ description: 'One entry of the append-only audit trail.' })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => InstantScalar)
  occurredAt!: Date;

  @Field(() => String, { nullable: true })
  requestId!: string | null;

  @Field()
  subject!: string;

  @Field(() => [String])
  roles!: string[];

  @Field({ description: 'MUTATION, or READ of personnel data.' })
  kind!: string;

  @Field()
  operation!: string;

  @Field(() => [String])
  entityIds!: string[];

  @Field({ description: 'OK or the error code.' })
  outcome!: string;

  @Field({ description: 'JSON: the personnel fields read, or the arguments of a mutation.' })
  detail!: string;
}

export const AuditEventConnection = connectionType(AuditEvent, 'AuditEvent');

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;

  @Field(() => String, { nullable: true, description: 'Events that touched this id.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @Field(() => InstantScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => InstantScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @Field(() => AuditFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditFilter)
  filter?: AuditFilter;
}
