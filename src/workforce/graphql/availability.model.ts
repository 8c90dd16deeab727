import { Node } from '../../common/graphql/node.model.js';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { InstantScalar, LocalTimeScalar } from '../../common/graphql/scalars.js';
import { TimeOffStatus } from './enums.js';

@ObjectType({
  description:
    'A recurring weekly window, in the employee’s local time. end "24:00" is written as endOfDay.',
})
export class AvailabilityWindow {
  @Field(() => Int, { description: 'ISO day of week: 1 = Monday … 7 = Sunday.' })
  dayOfWeek!: number;

  @Field(() => LocalTimeScalar)
  start!: string;

  @Field(() => LocalTimeScalar, {
    nullable: true,
    description: 'Null when the window runs to the end of the day.',
  })
  end!: string | null;

  @Field({ description: 'True when the window runs to midnight at the end of the day.' })
  endOfDay!: boolean;
}

@ObjectType({ implements: () => [Node] })
export class TimeOff {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => InstantScalar)
  start!: Date;

  @Field(() => InstantScalar)
  end!: Date;

  @Field(() => TimeOffStatus)
  status!: TimeOffStatus;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  requestedBy!: string;

  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Field(() => InstantScalar, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'What the manager said when deciding.' })
  decisionComment!: string | null;
}
