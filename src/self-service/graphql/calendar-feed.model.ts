import { Field, ID, ObjectType } from '@nestjs/graphql';
import { InstantScalar } from '../../common/graphql/scalars.js';

@ObjectType({ description: 'A secret iCalendar feed of an employee’s published shifts.' })
export class CalendarFeed {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => InstantScalar)
  createdAt!: Date;

  @Field(() => InstantScalar, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType({
  description:
    'A new calendar feed. The token (and so the URL) is shown only now: only its hash is stored.',
})
export class CreatedCalendarFeed {
  @Field(() => ID, { description: 'For revokeCalendarFeed.' })
  id!: string;

  @Field({ description: 'The feed URL to subscribe to in a calendar app; it is the credential.' })
  url!: string;

  @Field({ description: 'The secret token in the URL (32 random bytes, base64url).' })
  token!: string;

  @Field(() => InstantScalar)
  createdAt!: Date;
}
