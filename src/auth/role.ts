import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  ADMIN = 'ADMIN',
  MANAGER = 'MANAGER',
  TECHNICIAN = 'TECHNICIAN',
  PHARMACIST = 'PHARMACIST',
  HR_SYSTEM = 'HR_SYSTEM',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a caller may do; a token carries one or more roles.',
});

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Who is calling, as proven by their token. */
export interface Principal {
  /** The token's subject: a user name, an HR system's client id. */
  readonly subject: string;
  readonly roles: readonly Role[];
  /** Set for technicians and pharmacists: the employee record they act as. */
  readonly employeeId?: string;
}
