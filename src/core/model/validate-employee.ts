import { isValidLocalDate, isValidLocalTime, parseLocalTime } from '../time/dates.js';
import { isValidTimeZone } from '../time/zones.js';
import { CERTIFICATION_KINDS, EMPLOYEE_ROLES, type Employee, LICENCE_KINDS } from './employee.js';

/** One thing wrong with an instance: the input path and what was expected. */
export interface InstanceProblem {
  readonly field: string;
  readonly message: string;
}

export type Report = (field: string, message: string) => void;

export function isNonNegative(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}

function checkContract(employee: Employee, at: string, report: Report): void {
  const contract = employee.contract;
  for (const [name, value] of Object.entries(contract)) {
    if (!isNonNegative(value as number))
      report(`${at}.contract.${name}`, 'must be a finite number >= 0');
  }
  if (contract.minHoursPerWeek > contract.maxHoursPerWeek) {
    report(`${at}.contract.minHoursPerWeek`, 'must not exceed maxHoursPerWeek');
  }
  if (!Number.isInteger(contract.maxConsecutiveDays) || contract.maxConsecutiveDays < 1) {
    report(`${at}.contract.maxConsecutiveDays`, 'must be an integer >= 1');
  }
}

function checkCredentials(employee: Employee, at: string, report: Report): void {
  employee.licences.forEach((licence, i) => {
    const path = `${at}.licences[${i}]`;
    if (!/^[A-Z]{2}$/.test(licence.state)) report(`${path}.state`, 'must be a USPS state code');
    if (!LICENCE_KINDS.includes(licence.kind))
      report(`${path}.kind`, `must be one of ${LICENCE_KINDS.join(', ')}`);
    if (!isValidLocalDate(licence.validFrom))
      report(`${path}.validFrom`, 'must be a date YYYY-MM-DD');
    if (
      licence.validUntil !== null &&
      !(isValidLocalDate(licence.validUntil) && licence.validUntil >= licence.validFrom)
    ) {
      report(`${path}.validUntil`, 'must be null or a date YYYY-MM-DD not before validFrom');
    }
  });
  employee.certifications.forEach((certification, i) => {
    const path = `${at}.certifications[${i}]`;
    if (!CERTIFICATION_KINDS.includes(certification.kind))
      report(`${path}.kind`, `must be one of ${CERTIFICATION_KINDS.join(', ')}`);
    if (!isValidLocalDate(certification.obtained))
      report(`${path}.obtained`, 'must be a date YYYY-MM-DD');
    if (certification.expires !== null && !isValidLocalDate(certification.expires)) {
      report(`${path}.expires`, 'must be null or a date YYYY-MM-DD');
    }
  });
}

function checkTimes(employee: Employee, at: string, report: Report): void {
  employee.availability.forEach((window, i) => {
    const path = `${at}.availability[${i}]`;
    if (!(Number.isInteger(window.dayOfWeek) && window.dayOfWeek >= 1 && window.dayOfWeek <= 7)) {
      report(`${path}.dayOfWeek`, 'must be 1 (Monday) to 7 (Sunday)');
    }
    if (!(isValidLocalTime(window.start) && isValidLocalTime(window.end))) {
      report(path, 'start and end must be HH:mm');
    } else if (parseLocalTime(window.start) >= parseLocalTime(window.end)) {
      report(path, 'start must be before end (a window never crosses midnight)');
    }
  });
  employee.timeOff.forEach((off, i) => {
    if (!(Number.isFinite(off.start) && Number.isFinite(off.end) && off.start < off.end)) {
      report(`${at}.timeOff[${i}]`, 'must have finite start < end (UTC epoch ms)');
    }
  });
  const preferences = employee.preferences;
  const times = preferences
    ? [...preferences.preferredStartTimes, ...preferences.avoidStartTimes]
    : [];
  if (times.some((time) => !isValidLocalTime(time)))
    report(`${at}.preferences`, 'start times must be HH:mm');
}

/** Problems with one employee at input path `at` (e.g. `employees[3]`). */
export function checkEmployee(
  employee: Employee,
  at: string,
  queueIds: Set<string>,
  report: Report,
): void {
  if (!EMPLOYEE_ROLES.includes(employee.role))
    report(`${at}.role`, `must be one of ${EMPLOYEE_ROLES.join(', ')}`);
  if (!isValidTimeZone(employee.timeZone)) report(`${at}.timeZone`, 'must be an IANA time zone');
  if (!isValidLocalDate(employee.hireDate)) report(`${at}.hireDate`, 'must be a date YYYY-MM-DD');
  if (employee.leaveDate !== null && !isValidLocalDate(employee.leaveDate)) {
    report(`${at}.leaveDate`, 'must be null or a date YYYY-MM-DD');
  }
  if (!isNonNegative(employee.experienceHours))
    report(`${at}.experienceHours`, 'must be a finite number >= 0');
  employee.skills.forEach((skill, i) => {
    if (!queueIds.has(skill)) report(`${at}.skills[${i}]`, `unknown queue ${skill}`);
  });
  const history = employee.history;
  if (
    history &&
    !(Number.isInteger(history.consecutiveDaysWorked) && history.consecutiveDaysWorked >= 0)
  ) {
    report(`${at}.history.consecutiveDaysWorked`, 'must be an integer >= 0');
  }
  checkContract(employee, at, report);
  checkCredentials(employee, at, report);
  checkTimes(employee, at, report);
}
