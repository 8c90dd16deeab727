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
  /** Set when the caller used an HR system API key: its id and what it may do. */
  readonly keyId?: string;
  readonly scopes?: readonly ApiScope[];
}

/** What an HR system's API key may do, on top of the HR_SYSTEM role. */
export enum ApiScope {
  READ_EMPLOYEES = 'READ_EMPLOYEES',
  WRITE_EMPLOYEES = 'WRITE_EMPLOYEES',
  READ_ROSTERS = 'READ_ROSTERS',
}

registerEnumType(ApiScope, { name: 'ApiScope', description: 'What an HR system API key may do.' });
