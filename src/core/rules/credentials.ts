import type { LocalDate, StateCode } from '../model/common.js';
import type { Certification, Employee, Licence, LicenceKind } from '../model/employee.js';
import type { StateCredential } from '../model/jurisdiction.js';
import { isDateWithin } from '../time/dates.js';

/** A licence is valid from `validFrom` to `validUntil`, both inclusive. */
export function isLicenceValid(licence: Licence, date: LocalDate): boolean {
  return isDateWithin(date, licence.validFrom, licence.validUntil);
}

/** Whether the employee holds a licence of one of `kinds` in `state`, valid on `date`. */
export function holdsLicence(
  employee: Employee,
  state: StateCode,
  kinds: readonly LicenceKind[],
  date: LocalDate,
): boolean {
  return employee.licences.some(
    (licence) =>
      licence.state === state && kinds.includes(licence.kind) && isLicenceValid(licence, date),
  );
}

/** The technician credentials in `state` that satisfy a requirement of `required`. */
export function technicianCredentialKinds(required: StateCredential): readonly LicenceKind[] {
  switch (required) {
    case 'NONE':
      return [];
    case 'REGISTRATION':
      return ['TECHNICIAN_REGISTRATION', 'TECHNICIAN_LICENCE'];
    case 'LICENCE':
      return ['TECHNICIAN_LICENCE'];
  }
}

/** Whether a technician meets a state-credential requirement on `date` (`NONE` always does). */
export function meetsStateCredential(
  employee: Employee,
  state: StateCode,
  required: StateCredential,
  date: LocalDate,
): boolean {
  return (
    required === 'NONE' || holdsLicence(employee, state, technicianCredentialKinds(required), date)
  );
}

/** A certification counts when it is CPhT or ExCPT and valid on `date` (`obtained`..`expires`, inclusive). */
export function isCountingCertification(certification: Certification, date: LocalDate): boolean {
  return (
    (certification.kind === 'CPHT' || certification.kind === 'EXCPT') &&
    isDateWithin(date, certification.obtained, certification.expires)
  );
}

/** Nationally certified (CPhT or ExCPT) on `date`. */
export function isCertified(employee: Employee, date: LocalDate): boolean {
  return employee.certifications.some((certification) =>
    isCountingCertification(certification, date),
  );
}
