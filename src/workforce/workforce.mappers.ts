import { formatLocalTime } from '../core/time/index.js';
import type { AvailabilityWindowEntity } from './entities/availability-window.entity.js';
import type { CertificationEntity } from './entities/certification.entity.js';
import type { EmployeeEntity } from './entities/employee.entity.js';
import type { LicenceEntity } from './entities/licence.entity.js';
import type { TimeOffEntity } from './entities/time-off.entity.js';
import type { AvailabilityWindow, TimeOff } from './graphql/availability.model.js';
import type { Certification, Licence } from './graphql/credential.model.js';
import type { Employee } from './graphql/employee.model.js';

export function toEmployee(e: EmployeeEntity): Employee {
  return {
    id: e.id,
    externalId: e.externalId,
    role: e.role,
    name: e.name,
    email: e.email,
    timeZone: e.timeZone,
    hireDate: e.hireDate,
    contract: {
      minHoursPerWeek: e.minHoursPerWeek,
      maxHoursPerWeek: e.maxHoursPerWeek,
      maxHoursPerDay: e.maxHoursPerDay,
      minRestHours: e.minRestHours,
      maxConsecutiveDays: e.maxConsecutiveDays,
      overtimeThresholdHours: e.overtimeThresholdHours,
      overtimeMultiplier: e.overtimeMultiplier,
      hourlyRate: e.hourlyRate,
      ownerId: e.id,
    },
    skills: e.skills,
    remote: e.remote,
    remoteExperienceHours: e.remoteExperienceHours,
    active: e.active,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export function toLicence(l: LicenceEntity): Licence {
  return {
    id: l.id,
    employeeId: l.employeeId,
    state: l.state,
    kind: l.kind,
    number: l.number,
    validFrom: l.validFrom,
    validUntil: l.validUntil,
  };
}

export function toCertification(c: CertificationEntity): Certification {
  return {
    id: c.id,
    employeeId: c.employeeId,
    kind: c.kind,
    obtained: c.obtained,
    expires: c.expires,
  };
}

export function toAvailabilityWindow(w: AvailabilityWindowEntity): AvailabilityWindow {
  const endOfDay = w.endMinute === 1440;
  return {
    dayOfWeek: w.dayOfWeek,
    start: formatLocalTime(w.startMinute),
    end: endOfDay ? null : formatLocalTime(w.endMinute),
    endOfDay,
  };
}

export function toTimeOff(t: TimeOffEntity): TimeOff {
  return {
    id: t.id,
    employeeId: t.employeeId,
    start: t.start,
    end: t.end,
    status: t.status,
    reason: t.reason,
    requestedBy: t.requestedBy,
    decidedBy: t.decidedBy,
    decidedAt: t.decidedAt,
    decisionComment: t.decisionComment,
  };
}
