import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { InstantScalar, LocalDateScalar, TimeZoneScalar } from '../../common/graphql/scalars.js';
import { QueueChannel } from '../../demand/entities/queue.entity.js';

@ObjectType()
export class IntervalRequirement {
  @Field(() => InstantScalar)
  intervalStart!: Date;

  @Field(() => Float, { description: 'Forecast calls or items (0 where no forecast is stored).' })
  volume!: number;

  @Field(() => Float, {
    description: 'Erlangs (voice) or agents of work if done as it arrives (deferred).',
  })
  workload!: number;

  @Field(() => Int, {
    description:
      'Productive agents needed in this interval (deferred: doing the work as it arrives).',
  })
  requiredAgents!: number;

  @Field(() => Int, { description: 'Heads to schedule after shrinkage.' })
  scheduledStaff!: number;

  @Field(() => Float, { nullable: true, description: 'Voice: service level at requiredAgents.' })
  serviceLevel!: number | null;
}

@ObjectType({
  description:
    'Required staff per interval of a planning week for one queue and state, from the stored forecast.',
})
export class StaffingRequirements {
  @Field()
  queueKey!: string;

  @Field()
  state!: string;

  @Field(() => QueueChannel)
  channel!: QueueChannel;

  @Field(() => LocalDateScalar, { description: 'The Monday that starts the week.' })
  week!: string;

  @Field(() => TimeZoneScalar, {
    description: 'The zone whose Monday 00:00 to Monday 00:00 is the week.',
  })
  timeZone!: string;

  @Field(() => Int)
  intervalMinutes!: number;

  @Field(() => [IntervalRequirement])
  intervals!: IntervalRequirement[];

  @Field(() => Float)
  totalVolume!: number;

  @Field(() => Float, { description: 'Sum of requiredAgents × interval length, hours.' })
  requiredAgentHours!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Deferred: the least constant staffing that meets every deadline, using the deadline to level the work.',
  })
  minimumLevelStaff!: number | null;
}
