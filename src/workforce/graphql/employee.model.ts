import { Node } from '../../common/graphql/node.model.js';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '../../auth/role.js';
import { InstantScalar, LocalDateScalar, TimeZoneScalar } from '../../common/graphql/scalars.js';
import { restrictedTo } from '../../common/graphql/restricted-field.js';
import { connectionType } from '../../common/graphql/connection.js';
import { EmployeeRole } from './enums.js';

const PERSONNEL_READERS = [Role.ADMIN, Role.MANAGER, Role.HR_SYSTEM];

@ObjectType({ description: 'Working-time limits and pay of an employment contract.' })
export class EmploymentContract {
  /** Not in the schema: whose contract this is, for the audit of personnel reads. */
  ownerId?: string;

  @Field(() => Float)
  minHoursPerWeek!: number;

  @Field(() => Float)
  maxHoursPerWeek!: number;

  @Field(() => Float)
  maxHoursPerDay!: number;

  @Field(() => Float, { description: 'Minimum rest between two shifts, in hours.' })
  minRestHours!: number;

  @Field(() => Int)
  maxConsecutiveDays!: number;

  @Field(() => Float, { description: 'Weekly hours after which overtime pay applies.' })
  overtimeThresholdHours!: number;

  @Field(() => Float, {
    nullable: true,
    middleware: [restrictedTo(...PERSONNEL_READERS)],
    description: 'Personnel data.',
  })
  overtimeMultiplier!: number;

  @Field(() => Float, {
    nullable: true,
    middleware: [restrictedTo(...PERSONNEL_READERS)],
    description: 'Personnel data.',
  })
  hourlyRate!: number;
}

@ObjectType({ description: 'A pharmacy technician or pharmacist.', implements: () => [Node] })
export class Employee {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The HR system’s key; unique.' })
  externalId!: string;

  @Field(() => EmployeeRole)
  role!: EmployeeRole;

  @Field()
  name!: string;

  @Field(() => String, {
    nullable: true,
    middleware: [restrictedTo(...PERSONNEL_READERS)],
    description: 'Personnel data.',
  })
  email!: string | null;

  @Field(() => TimeZoneScalar)
  timeZone!: string;

  @Field(() => LocalDateScalar)
  hireDate!: string;

  @Field(() => EmploymentContract)
  contract!: EmploymentContract;

  @Field(() => [String], { description: 'Keys of the queues this employee may work.' })
  skills!: string[];

  @Field()
  remote!: boolean;

  @Field(() => Int, { description: 'Hours of remote data-entry experience.' })
  remoteExperienceHours!: number;

  @Field()
  active!: boolean;

  @Field(() => InstantScalar)
  createdAt!: Date;

  @Field(() => InstantScalar)
  updatedAt!: Date;
}

export const EmployeeConnection = connectionType(Employee, 'Employee');
