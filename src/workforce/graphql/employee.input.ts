import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ConnectionArgs } from '../../common/graphql/connection.js';
import { IsIanaTimeZone, IsLocalDate, IsUsState } from '../../common/validators.js';
import { InstantScalar, LocalDateScalar } from '../../common/graphql/scalars.js';
import { CertificationKind, EmployeeRole, LicenceKind } from './enums.js';

export const MAX_BULK_ROWS = 5000;
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@/-]*$/;

/**
 * One employee as the HR system knows them. Rows are validated one by one (a bad row rejects only
 * itself), so fields are plain types here and checked in the service. Optional fields keep their
 * stored value on update and take the documented default on create.
 */
@InputType()
export class EmployeeRowInput {
  @Field({ description: 'The HR system’s key (1-100 characters: letters, digits, . _ : @ / -).' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(KEY_PATTERN, { message: 'may contain only letters, digits and . _ : @ / -' })
  externalId!: string;

  @Field(() => EmployeeRole)
  @IsEnum(EmployeeRole)
  role!: EmployeeRole;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @Field({ description: 'IANA time zone name, e.g. America/Chicago.' })
  @IsString()
  @IsIanaTimeZone()
  timeZone!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  @IsLocalDate()
  hireDate!: string;

  @Field(() => Float, { nullable: true, description: 'Default 0.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(80)
  minHoursPerWeek?: number;

  @Field(() => Float, { nullable: true, description: 'Default 40.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(80)
  maxHoursPerWeek?: number;

  @Field(() => Float, { nullable: true, description: 'Default 10.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(16)
  maxHoursPerDay?: number;

  @Field(() => Float, { nullable: true, description: 'Default 10.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(48)
  minRestHours?: number;

  @Field(() => Int, { nullable: true, description: 'Default 6.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  maxConsecutiveDays?: number;

  @Field(() => Float, { nullable: true, description: 'Default 40.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(80)
  overtimeThresholdHours?: number;

  @Field(() => Float, { nullable: true, description: 'Default 1.5.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(3)
  overtimeMultiplier?: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000)
  hourlyRate!: number;

  @Field(() => [String], { nullable: true, description: 'Queue keys. Default: none.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  skills?: string[];

  @Field({ nullable: true, description: 'Default true.' })
  @IsOptional()
  @IsBoolean()
  remote?: boolean;

  @Field(() => Int, { nullable: true, description: 'Default 0.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(200000)
  remoteExperienceHours?: number;

  @Field({ nullable: true, description: 'Default true.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class UpsertEmployeesInput {
  @Field(() => [EmployeeRowInput], {
    description: `1 to ${MAX_BULK_ROWS} rows, each externalId at most once.`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ROWS)
  @Type(() => EmployeeRowInput)
  rows!: EmployeeRowInput[];

  @Field({ defaultValue: false, description: 'Write nothing unless every row is valid.' })
  @IsBoolean()
  allOrNothing: boolean = false;
}

@InputType()
export class LicenceRowInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  employeeExternalId!: string;

  @Field({ description: 'USPS state code.' })
  @IsString()
  @IsUsState()
  state!: string;

  @Field(() => LicenceKind)
  @IsEnum(LicenceKind)
  kind!: LicenceKind;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  number!: string;

  @Field()
  @IsLocalDate()
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'Inclusive; null for no expiry.' })
  @IsOptional()
  @IsLocalDate()
  validUntil?: string | null;
}

@InputType()
export class UpsertLicencesInput {
  @Field(() => [LicenceRowInput], {
    description: `1 to ${MAX_BULK_ROWS} rows; keyed by (employeeExternalId, state, kind).`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ROWS)
  @Type(() => LicenceRowInput)
  rows!: LicenceRowInput[];

  @Field({ defaultValue: false })
  @IsBoolean()
  allOrNothing: boolean = false;
}

@InputType()
export class CertificationRowInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  employeeExternalId!: string;

  @Field(() => CertificationKind)
  @IsEnum(CertificationKind)
  kind!: CertificationKind;

  @Field()
  @IsLocalDate()
  obtained!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsLocalDate()
  expires?: string | null;
}

@InputType()
export class UpsertCertificationsInput {
  @Field(() => [CertificationRowInput], {
    description: `1 to ${MAX_BULK_ROWS} rows; keyed by (employeeExternalId, kind).`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ROWS)
  @Type(() => CertificationRowInput)
  rows!: CertificationRowInput[];

  @Field({ defaultValue: false })
  @IsBoolean()
  allOrNothing: boolean = false;
}

@InputType()
export class EmployeeFilter {
  @Field(() => EmployeeRole, { nullable: true })
  @IsOptional()
  @IsEnum(EmployeeRole)
  role?: EmployeeRole;

  @Field(() => String, {
    nullable: true,
    description:
      'Holds a licence or registration in this state valid on licensedOn (default today).',
  })
  @IsOptional()
  @IsUsState()
  licensedIn?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  licensedOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => String, { nullable: true, description: 'May work the queue with this key.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  skill?: string;

  @Field(() => InstantScalar, { nullable: true, description: 'Changed at or after this instant.' })
  @IsOptional()
  updatedSince?: Date;
}

@ArgsType()
export class EmployeeIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an employee id (UUID)' })
  id!: string;
}

@ArgsType()
export class EmployeeListArgs extends ConnectionArgs {
  @Field(() => EmployeeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmployeeFilter)
  filter?: EmployeeFilter;
}
