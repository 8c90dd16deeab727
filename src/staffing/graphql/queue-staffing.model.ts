import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Allow } from 'class-validator';

/** Ranges are checked by the staffing core, which names the offending field. */
@InputType({
  description: 'A voice queue interval to size (without agents) or to evaluate (with agents).',
})
export class QueueStaffingInput {
  @Field(() => Float, { description: 'Calls arriving in the interval.' })
  @Allow()
  arrivals!: number;

  @Field(() => Float, { description: 'Interval length, seconds (e.g. 1800).' })
  @Allow()
  intervalSeconds!: number;

  @Field(() => Float, { description: 'Average handle time, seconds.' })
  @Allow()
  ahtSeconds!: number;

  @Field(() => Float, { description: 'Answer-time target of the service level, seconds.' })
  @Allow()
  targetAnswerSeconds!: number;

  @Field(() => Float, { description: 'Share of calls to answer within the target, in (0, 1).' })
  @Allow()
  targetServiceLevel!: number;

  @Field(() => Float, { nullable: true, description: 'Occupancy cap in (0, 1]; default 1.' })
  @Allow()
  maxOccupancy?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of paid time not available, in [0, 1); default 0.',
  })
  @Allow()
  shrinkage?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean caller patience, seconds: switches to Erlang A (abandonment).',
  })
  @Allow()
  patienceSeconds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Productive agents to evaluate; omit to size the queue.',
  })
  @Allow()
  agents?: number | null;
}

@ObjectType({
  description: 'Sizing and service of one queue interval (Erlang C, or Erlang A with patience).',
})
export class QueueStaffing {
  @Field(() => Int, {
    description:
      'Smallest number of productive agents meeting the service-level target and occupancy cap.',
  })
  requiredAgents!: number;

  @Field(() => Int, { description: 'Heads to schedule for requiredAgents after shrinkage.' })
  scheduledStaff!: number;

  @Field(() => Int, {
    description: 'The agents the metrics below describe: the given agents, or requiredAgents.',
  })
  agents!: number;

  @Field(() => Float, { description: 'Offered load in erlangs.' })
  offeredLoad!: number;

  @Field(() => Float)
  serviceLevel!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Seconds; null when the queue is unstable (agents <= load without patience).',
  })
  averageSpeedOfAnswer!: number | null;

  @Field(() => Float)
  occupancy!: number;

  @Field(() => Float)
  waitProbability!: number;

  @Field(() => Float, { nullable: true, description: 'Only with patienceSeconds.' })
  abandonmentProbability!: number | null;
}
