import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ConnectionArgs, connectionType } from '../common/graphql/connection.js';
import { InstantScalar } from '../common/graphql/scalars.js';
import type { AuditValue, EntityChange } from './entity-changes.js';

export enum AuditChangeAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
}
registerEnumType(AuditChangeAction, { name: 'AuditChangeAction' });

@ObjectType({ description: 'One field of a personnel record, before and after a mutation.' })
export class AuditFieldChange {
  @Field()
  field!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The value before, as JSON (e.g. `30`, `"OH-7"`, `null`); null when the record was created.',
  })
  oldValue!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The value after, as JSON; null when the record was deleted.',
  })
  newValue!: string | null;
}

@ObjectType({
  description:
    'A personnel record a mutation created, updated or deleted, with the fields that changed. Values are recorded in full, pay and licence numbers included: the trail is for administrators only.',
})
export class AuditEntityChange {
  @Field({
    description:
      'Employee (its weekly windows as the field `availability`), Licence, Certification or TimeOff.',
  })
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => AuditChangeAction)
  action!: AuditChangeAction;

  @Field(() => [AuditFieldChange])
  fields!: AuditFieldChange[];
}

const asJson = (value: AuditValue | undefined): string | null =>
  value === undefined ? null : JSON.stringify(value);

export function toAuditEntityChange(change: EntityChange): AuditEntityChange {
  return {
    entityType: change.entityType,
    entityId: change.entityId,
    action: AuditChangeAction[change.action],
    fields: change.fields.map((f) => ({
      field: f.field,
      oldValue: asJson(f.old),
      newValue: asJson(f.new),
    })),
  };
}

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

  @Field({
    description:
      'MUTATION, READ of personnel data, or REFUSED: a call the access check turned away (outcome UNAUTHENTICATED or FORBIDDEN).',
  })
  kind!: string;

  @Field()
  operation!: string;

  @Field(() => [String])
  entityIds!: string[];

  @Field({ description: 'OK or the error code.' })
  outcome!: string;

  @Field({ description: 'JSON: the personnel fields read, or the arguments of a mutation.' })
  detail!: string;

  @Field(() => [AuditEntityChange], {
    description:
      'The personnel records this mutation changed (employees, licences, certifications, availability, time off), each with old and new values. Empty when nothing changed.',
  })
  changes!: AuditEntityChange[];
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
