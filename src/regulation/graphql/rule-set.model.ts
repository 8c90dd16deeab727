import { Node } from '../../common/graphql/node.model.js';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  IsDefined,
} from 'class-validator';
import { InstantScalar, LocalDateScalar } from '../../common/graphql/scalars.js';
import { IsUsState } from '../../common/validators.js';
import { TaskType } from '../../demand/entities/queue.entity.js';
import { StateCredential, SupervisionKind } from '../jurisdiction-rule-set.entity.js';

registerEnumType(SupervisionKind, {
  name: 'SupervisionKind',
  description: 'NONE: no general ratio; RATIO: technicians per on-duty pharmacist.',
});
registerEnumType(StateCredential, {
  name: 'StateCredential',
  description:
    'The state credential a remote task needs: none, a technician registration (or licence), or a technician licence.',
});
registerEnumType(TaskType, { name: 'TaskType' });

@ObjectType({
  description:
    'Technicians allowed for the first on-duty pharmacist and for each additional one, once at least minCertifiedTechnicians of them are certified.',
})
export class RatioTier {
  @Field(() => Int)
  minCertifiedTechnicians!: number;

  @Field(() => Int)
  firstPharmacist!: number;

  @Field(() => Int)
  eachAdditionalPharmacist!: number;
}

@ObjectType({
  description:
    'Whether a task type may be done remotely in the state, and with what credential and experience.',
})
export class TaskRule {
  @Field(() => TaskType)
  taskType!: TaskType;

  @Field()
  remoteAllowed!: boolean;

  @Field(() => StateCredential)
  minStateCredential!: StateCredential;

  @Field({
    description: 'National certification (CPhT or ExCPT) required on the date of the work.',
  })
  requiresCertification!: boolean;

  @Field(() => Int)
  minExperienceHours!: number;
}

@ObjectType({
  description:
    'One version of a state’s supervision and remote-work rules. Sample data is marked isSample: verify it with the state board.',
  implements: () => [Node],
})
export class JurisdictionRuleSet {
  @Field(() => ID)
  id!: string;

  @Field()
  state!: string;

  @Field(() => LocalDateScalar)
  effectiveFrom!: string;

  @Field(() => SupervisionKind)
  supervision!: SupervisionKind;

  @Field(() => [RatioTier])
  ratioTiers!: RatioTier[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Uncertified technicians per pharmacist, when only certified ones may exceed the base ratio.',
  })
  maxUncertifiedPerPharmacist!: number | null;

  @Field()
  remoteTechniciansCount!: boolean;

  @Field()
  supervisorMustHoldStateLicence!: boolean;

  @Field()
  internsCount!: boolean;

  @Field(() => [TaskRule])
  taskRules!: TaskRule[];

  @Field()
  citation!: string;

  @Field(() => String, { nullable: true })
  confidenceNote!: string | null;

  @Field()
  isSample!: boolean;

  @Field()
  createdBy!: string;

  @Field(() => InstantScalar)
  createdAt!: Date;
}

@InputType()
export class RatioTierInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100)
  minCertifiedTechnicians!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100)
  firstPharmacist!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100)
  eachAdditionalPharmacist!: number;
}

@InputType()
export class TaskRuleInput {
  @Field(() => TaskType)
  @IsEnum(TaskType)
  taskType!: TaskType;

  @Field()
  @IsBoolean()
  remoteAllowed!: boolean;

  @Field(() => StateCredential, { defaultValue: StateCredential.NONE })
  @IsEnum(StateCredential)
  minStateCredential: StateCredential = StateCredential.NONE;

  @Field({ defaultValue: false })
  @IsBoolean()
  requiresCertification: boolean = false;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(100000)
  minExperienceHours: number = 0;
}

@InputType()
export class PublishRuleSetInput {
  @Field({ description: 'USPS state code.' })
  @IsString()
  @IsUsState()
  state!: string;

  @Field(() => LocalDateScalar)
  @IsDefined()
  effectiveFrom!: string;

  @Field(() => SupervisionKind)
  @IsEnum(SupervisionKind)
  supervision!: SupervisionKind;

  @Field(() => [RatioTierInput], {
    defaultValue: [],
    description: 'Required for RATIO: at least one tier, one with minCertifiedTechnicians 0.',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RatioTierInput)
  ratioTiers: RatioTierInput[] = [];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  maxUncertifiedPerPharmacist?: number | null;

  @Field({ defaultValue: true })
  @IsBoolean()
  remoteTechniciansCount: boolean = true;

  @Field({ defaultValue: true })
  @IsBoolean()
  supervisorMustHoldStateLicence: boolean = true;

  @Field({ defaultValue: false })
  @IsBoolean()
  internsCount: boolean = false;

  @Field(() => [TaskRuleInput], {
    defaultValue: [],
    description:
      'Remote-work rules per task type. A task type not listed may not be done remotely for this state.',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TaskRuleInput)
  taskRules: TaskRuleInput[] = [];

  @Field({ description: 'The regulation this version follows, e.g. "21 NCAC 46.3301(e)".' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  citation!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  confidenceNote?: string | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  isSample: boolean = false;
}
