import { DomainError, ErrorCode } from '../core/errors.js';
import { Role, type Principal } from './role.js';

/** Roles that act on any employee's record; everyone else only on their own. */
export const STAFF_ADMINISTRATORS: readonly Role[] = [Role.ADMIN, Role.MANAGER, Role.HR_SYSTEM];

export function actsForAnyEmployee(
  principal: Principal,
  roles: readonly Role[] = STAFF_ADMINISTRATORS,
): boolean {
  return principal.roles.some((role) => roles.includes(role));
}

/** Technicians and pharmacists may act only on their own employee record (the token's employeeId). */
export function assertOwnRecordOrRole(
  principal: Principal,
  employeeId: string,
  roles: readonly Role[] = STAFF_ADMINISTRATORS,
): void {
  if (actsForAnyEmployee(principal, roles) || principal.employeeId === employeeId) return;
  throw new DomainError(
    ErrorCode.FORBIDDEN,
    `You may act only on your own employee record, not ${employeeId}`,
    { field: 'employeeId', value: employeeId },
  );
}

/** The employee record a technician's or pharmacist's token acts as; FORBIDDEN without one. */
export function ownEmployeeId(principal: Principal): string {
  if (!principal.employeeId)
    throw new DomainError(ErrorCode.FORBIDDEN, 'Your token names no employee record (employeeId)');
  return principal.employeeId;
}
