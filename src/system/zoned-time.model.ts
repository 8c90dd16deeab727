import { Field, Int, ObjectType } from '@nestjs/graphql';
import {
  InstantScalar,
  LocalDateScalar,
  LocalTimeScalar,
  TimeZoneScalar,
} from '../common/graphql/scalars.js';

@ObjectType({ description: 'An instant as the clock on the wall shows it in one time zone.' })
export class ZonedTime {
  @Field(() => InstantScalar)
  instant!: Date;

  @Field(() => TimeZoneScalar)
  timeZone!: string;

  @Field(() => LocalDateScalar)
  localDate!: string;

  @Field(() => LocalTimeScalar)
  localTime!: string;

  @Field(() => Int, {
    description: 'Minutes east of UTC at that instant (daylight saving included).',
  })
  utcOffsetMinutes!: number;

  @Field({ description: 'The zone abbreviation in force, e.g. EST or EDT.' })
  abbreviation!: string;
}
