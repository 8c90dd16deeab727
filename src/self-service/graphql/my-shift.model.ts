import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ShiftTimes } from '../../rostering/graphql/roster.model.js';

@ObjectType({
  description: 'Work of one shift on one queue in one state: how many roster intervals of it.',
})
export class ShiftAllocationSummary {
  @Field()
  queueKey!: string;

  @Field()
  queueName!: string;

  @Field({ description: 'The state (USPS code) whose work it is.' })
  state!: string;

  @Field(() => Int, { description: 'Intervals of the shift spent on this queue and state.' })
  intervals!: number;

  @Field(() => Float)
  hours!: number;
}

@ObjectType({
  description:
    'One of the signed-in employee’s shifts in a published roster, in UTC and in their own time zone.',
})
export class MyShift extends ShiftTimes {
  @Field(() => ID)
  rosterId!: string;

  @Field(() => Int)
  rosterVersion!: number;

  @Field(() => [ShiftAllocationSummary], {
    description: 'The queues and states worked during the shift, most intervals first.',
  })
  allocations!: ShiftAllocationSummary[];

  @Field(() => [String], {
    description:
      'Names of the pharmacists on duty in the same roster whose shifts overlap this one.',
  })
  supervisingPharmacists!: string[];
}
