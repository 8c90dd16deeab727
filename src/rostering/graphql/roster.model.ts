import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Node } from '../../common/graphql/node.model.js';
import { InstantScalar, LocalDateScalar, TimeZoneScalar } from '../../common/graphql/scalars.js';
import { EmployeeRole } from '../../workforce/graphql/enums.js';
import { RosterSource, RosterStatus } from '../entities/roster.entity.js';

registerEnumType(RosterStatus, {
  name: 'RosterStatus',
  description:
    'DRAFT (editable), PUBLISHED (the week’s roster), SUPERSEDED (published before a later version).',
});
registerEnumType(RosterSource, { name: 'RosterSource' });

/** The times of a shift, in UTC and in the employee's own zone: shared by every shift view. */
@ObjectType({ isAbstract: true })
export abstract class ShiftTimes {
  @Field(() => ID)
  id!: string;

  @Field(() => InstantScalar)
  start!: Date;

  @Field(() => InstantScalar)
  end!: Date;

  @Field(() => TimeZoneScalar, {
    description: 'The employee’s zone, in which the local fields are given.',
  })
  timeZone!: string;

  @Field(() => LocalDateScalar, {
    description: 'The employee’s local date of the start: the shift’s day.',
  })
  localDate!: string;

  @Field({ description: 'Local start, ISO-8601 with offset, e.g. 2026-12-07T09:00:00-05:00.' })
  localStart!: string;

  @Field({ description: 'Local end, ISO-8601 with offset.' })
  localEnd!: string;

  @Field(() => Float)
  paidHours!: number;
}

@ObjectType({ description: 'A shift, in UTC and in the employee’s own time zone.' })
export class RosterShift extends ShiftTimes {
  @Field(() => ID)
  employeeId!: string;

  @Field()
  employeeName!: string;

  @Field(() => EmployeeRole)
  role!: EmployeeRole;

  @Field()
  pinned!: boolean;
}

@ObjectType({ description: 'Required against scheduled staff for one interval, queue and state.' })
export class CoverageCell {
  @Field(() => Int)
  intervalIndex!: number;

  @Field(() => InstantScalar)
  intervalStart!: Date;

  @Field()
  queueKey!: string;

  @Field()
  state!: string;

  @Field(() => Float)
  required!: number;

  @Field(() => Int)
  scheduled!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Voice queues: the service level the scheduled staff achieve on the forecast.',
  })
  serviceLevel!: number | null;
}

@ObjectType({
  description:
    'Supervision in one interval and state: technicians the on-duty pharmacists may supervise, and used.',
})
export class SupervisionCell {
  @Field(() => Int)
  intervalIndex!: number;

  @Field(() => InstantScalar)
  intervalStart!: Date;

  @Field()
  state!: string;

  @Field(() => Int, { nullable: true, description: 'Null where the state sets no ratio.' })
  allowed!: number | null;

  @Field(() => Int)
  used!: number;

  @Field(() => Int, { nullable: true })
  headroom!: number | null;
}

@ObjectType()
export class RosterTotals {
  @Field(() => Float, { description: 'Wages including overtime.' })
  cost!: number;

  @Field(() => Float)
  overtimeCost!: number;

  @Field(() => Float)
  overtimeHours!: number;

  @Field(() => Float, { description: 'Staff-hours short of the requirement.' })
  shortageHours!: number;

  @Field(() => Float)
  overstaffingHours!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Voice queues, volume-weighted over the week.',
  })
  weeklyServiceLevel!: number | null;

  @Field(() => Float)
  fairness!: number;

  @Field(() => Float)
  changes!: number;

  @Field(() => Float, { description: 'The optimizer’s weighted objective of this roster.' })
  objective!: number;
}

@ObjectType({ description: 'A hard-rule violation found by the independent checker.' })
export class RuleViolation {
  @Field()
  rule!: string;

  @Field(() => [ID])
  employeeIds!: string[];

  @Field(() => String, { nullable: true })
  state!: string | null;

  @Field(() => Int, { nullable: true })
  intervalIndex!: number | null;

  @Field(() => String, { nullable: true })
  date!: string | null;

  @Field()
  message!: string;
}

@ObjectType({ description: 'Why service is short in one interval, queue and state.' })
export class ShortageExplanationModel {
  @Field(() => Int)
  intervalIndex!: number;

  @Field()
  state!: string;

  @Field()
  queueId!: string;

  @Field(() => Float)
  shortStaff!: number;

  @Field(() => [String])
  reasons!: string[];
}

@ObjectType({ implements: () => [Node], description: 'One version of a week’s roster.' })
export class Roster {
  @Field(() => ID)
  id!: string;

  @Field(() => LocalDateScalar)
  week!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => RosterStatus)
  status!: RosterStatus;

  @Field(() => RosterSource)
  source!: RosterSource;

  @Field(() => ID, { nullable: true })
  basedOnId!: string | null;

  @Field(() => ID, { nullable: true })
  runId!: string | null;

  @Field(() => TimeZoneScalar)
  timeZone!: string;

  @Field(() => Int)
  intervalMinutes!: number;

  @Field(() => Float, { nullable: true })
  lowerBound!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Relative gap between this roster’s objective and the proven lower bound at solve time.',
  })
  gap!: number | null;

  @Field(() => String, { nullable: true })
  solveMethod!: string | null;

  @Field()
  createdBy!: string;

  @Field(() => InstantScalar)
  createdAt!: Date;

  @Field(() => String, { nullable: true })
  publishedBy!: string | null;

  @Field(() => InstantScalar, { nullable: true })
  publishedAt!: Date | null;
}

@ObjectType()
export class ShiftChange {
  @Field(() => ID)
  employeeId!: string;

  @Field()
  employeeName!: string;

  @Field({ description: 'ADDED, REMOVED or MOVED.' })
  change!: string;

  @Field(() => InstantScalar, { nullable: true })
  fromStart!: Date | null;

  @Field(() => InstantScalar, { nullable: true })
  fromEnd!: Date | null;

  @Field(() => InstantScalar, { nullable: true })
  toStart!: Date | null;

  @Field(() => InstantScalar, { nullable: true })
  toEnd!: Date | null;
}

@ObjectType({
  description:
    'Two versions side by side: what changed, and the change in cost, shortage and service.',
})
export class RosterComparison {
  @Field(() => ID)
  fromRosterId!: string;

  @Field(() => ID)
  toRosterId!: string;

  @Field(() => [ShiftChange])
  changes!: ShiftChange[];

  @Field(() => Float)
  costDelta!: number;

  @Field(() => Float)
  shortageHoursDelta!: number;

  @Field(() => Float, { nullable: true })
  weeklyServiceLevelDelta!: number | null;
}
