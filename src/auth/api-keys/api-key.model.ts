import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { InstantScalar } from '../../common/graphql/scalars.js';
import { ApiScope } from '../role.js';

@ObjectType({ description: 'An HR system API key (never its secret).' })
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'The first characters of the secret.' })
  prefix!: string;

  @Field(() => [ApiScope])
  scopes!: ApiScope[];

  @Field()
  createdBy!: string;

  @Field(() => InstantScalar)
  createdAt!: Date;

  @Field(() => InstantScalar, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => InstantScalar, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => InstantScalar, { nullable: true })
  lastUsedAt!: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field({
    description:
      'Send as "Authorization: Bearer <secret>". Shown only now: it is stored as a hash.',
  })
  secret!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @Field(() => [ApiScope])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(ApiScope, { each: true })
  scopes!: ApiScope[];

  @Field(() => InstantScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}
