import { Field, ObjectType } from '@nestjs/graphql';
import { InstantScalar } from '../common/graphql/scalars.js';

@ObjectType({ description: 'What this service is and whether its database answers.' })
export class ServiceInfo {
  @Field()
  name!: string;

  @Field()
  version!: string;

  @Field(() => InstantScalar, { description: 'The database server clock, in UTC.' })
  databaseTime!: Date;
}
