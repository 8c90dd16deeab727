import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from './role.js';

@ObjectType({ description: 'The caller, as their token identifies them.' })
export class Viewer {
  @Field({ description: 'The token subject.' })
  subject!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => ID, {
    nullable: true,
    description: 'The employee record the caller acts as, if any.',
  })
  employeeId?: string;
}
