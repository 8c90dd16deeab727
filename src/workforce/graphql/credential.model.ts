import { Node } from '../../common/graphql/node.model.js';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../auth/role.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { restrictedTo } from '../../common/graphql/restricted-field.js';
import { CertificationKind, LicenceKind } from './enums.js';

@ObjectType({
  description: 'A state licence or registration, valid from one date until another (inclusive).',
  implements: () => [Node],
})
export class Licence {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  employeeId!: string;

  @Field({ description: 'USPS state code.' })
  state!: string;

  @Field(() => LicenceKind)
  kind!: LicenceKind;

  @Field(() => String, {
    nullable: true,
    middleware: [restrictedTo(Role.ADMIN, Role.MANAGER, Role.HR_SYSTEM)],
    description: 'Personnel data.',
  })
  number!: string;

  @Field(() => LocalDateScalar)
  validFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  validUntil!: string | null;
}

@ObjectType({ implements: () => [Node] })
export class Certification {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => CertificationKind)
  kind!: CertificationKind;

  @Field(() => LocalDateScalar)
  obtained!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  expires!: string | null;
}
